package dev.zerotorunning.stack.summary;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.Optional;

/** The summary for scripts (make bench): durations in milliseconds, absent values left out. */
public final class SummaryJson {
  private SummaryJson() {}

  public static String render(Summary s) {
    JsonObject root = new JsonObject();
    JsonArray services = new JsonArray();
    for (Summary.Row r : s.rows()) {
      JsonObject o = new JsonObject();
      o.addProperty("service", r.service());
      o.addProperty("container", r.container());
      o.addProperty("state", r.state());
      r.health().ifPresent(h -> o.addProperty("health", h));
      r.exitCode().ifPresent(c -> o.addProperty("exitCode", c));
      ms(o, "healthyAfterMs", r.healthyAfter());
      ms(o, "upForMs", r.upFor());
      ms(o, "ranMs", r.ran());
      ms(o, "atMs", r.at());
      o.addProperty("url", r.url());
      services.add(o);
    }
    root.add("services", services);
    JsonArray absent = new JsonArray();
    s.absent().forEach(absent::add);
    root.add("notRunning", absent);
    root.addProperty("running", s.running());
    root.addProperty("oneShotsDone", s.oneShotsDone());
    s.since()
        .ifPresent(
            since -> root.addProperty("readyInMs", Duration.between(since, s.now()).toMillis()));
    s.since()
        .ifPresent(
            since ->
                s.lastHealthy()
                    .ifPresent(
                        t ->
                            root.addProperty(
                                "lastHealthyAtMs", Duration.between(since, t).toMillis())));
    s.dashboard().ifPresent(d -> root.addProperty("dashboard", d));
    return new GsonBuilder().setPrettyPrinting().create().toJson(root) + "\n";
  }

  private static void ms(JsonObject o, String key, Optional<Duration> d) {
    d.ifPresent(v -> o.addProperty(key, v.toMillis()));
  }
}
