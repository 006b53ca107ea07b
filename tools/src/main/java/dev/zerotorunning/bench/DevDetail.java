package dev.zerotorunning.bench;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a make dev run did, for a figure's detail: each container's time from start to healthy (make
 * dev's summary JSON, DEV_SUMMARY_JSON) and the images it built (its "build:" lines).
 */
final class DevDetail {
  private static final Pattern BUILT = Pattern.compile("build: (.*) built in ([0-9.]+s)");
  private static final Pattern WEB_READY = Pattern.compile("build: web image ready in ([0-9.]+s)");
  private static final Pattern COMPILED =
      Pattern.compile("build: API classes compiled in ([0-9.]+s) \\((javac|Maven)");

  private DevDetail() {}

  /**
   * "healthy after start: db 2.1s, redis 1.0s, migrate ran 3.2s, ...; api built in 4.5s" (or "API
   * compiled in 1.4s by javac" on the fast path).
   */
  static String of(String summaryJson, String makeOutput) {
    List<String> services = new ArrayList<>();
    for (JsonElement e :
        JsonParser.parseString(summaryJson).getAsJsonObject().getAsJsonArray("services")) {
      JsonObject s = e.getAsJsonObject();
      String container = s.get("container").getAsString();
      if (s.has("ranMs")) {
        services.add(container + " ran " + seconds(s, "ranMs"));
      } else if (s.has("healthyAfterMs")) {
        services.add(container + " " + seconds(s, "healthyAfterMs"));
      } else {
        services.add(container + (s.has("upForMs") ? " unchanged" : " -"));
      }
    }
    List<String> builds = new ArrayList<>();
    makeOutput
        .lines()
        .forEach(
            line -> {
              Matcher built = BUILT.matcher(line);
              Matcher web = WEB_READY.matcher(line);
              Matcher compiled = COMPILED.matcher(line);
              if (compiled.find()) {
                builds.add("API compiled in " + compiled.group(1) + " by " + compiled.group(2));
              } else if (built.find()) {
                builds.add(
                    built.group(1).replace("zero-to-running/", "") + " built in " + built.group(2));
              } else if (web.find()) {
                builds.add("web image " + web.group(1));
              }
            });
    String detail = "healthy after start: " + String.join(", ", services);
    return builds.isEmpty() ? detail : detail + "; " + String.join("; ", builds);
  }

  /** The api container's start to healthy, in ms, when the summary has it. */
  static OptionalLong apiHealthyMs(String summaryJson) {
    for (JsonElement e :
        JsonParser.parseString(summaryJson).getAsJsonObject().getAsJsonArray("services")) {
      JsonObject s = e.getAsJsonObject();
      if (s.get("container").getAsString().equals("api") && s.has("healthyAfterMs")) {
        return OptionalLong.of(s.get("healthyAfterMs").getAsLong());
      }
    }
    return OptionalLong.empty();
  }

  private static String seconds(JsonObject s, String key) {
    return Figure.format(Figure.Unit.MS, s.get(key).getAsLong());
  }
}
