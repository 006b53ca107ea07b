package dev.zerotorunning.stack.summary;

import dev.zerotorunning.stack.model.ServiceConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a service is reached, from its labels in compose.yaml: {@code dev.zerotorunning.url} (the
 * main URL; {@code {8080}} stands for the host port container port 8080 is published on, {@code
 * {hostname}} for the container's hostname) and {@code dev.zerotorunning.ports} ("8081=admin
 * 5005=jdwp": what other published ports are). "(internal)" when nothing is published.
 */
public final class Urls {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([0-9]+|hostname)}");

  private Urls() {}

  /**
   * @param published container port ("8080", "8080/tcp") to host port, in Docker's order
   */
  public static String of(ServiceConfig service, Map<String, String> published, String hostname) {
    Map<String, String> byPort = byPort(published);
    List<String> used = new ArrayList<>();
    Optional<String> main = main(service, byPort, hostname, used);
    Map<String, String> names = new LinkedHashMap<>();
    for (String pair : service.devLabel("ports").orElse("").trim().split("\\s+")) {
      String[] kv = pair.split("=", 2);
      if (kv.length == 2) {
        names.put(kv[0], kv[1]);
      }
    }
    List<String> extra = new ArrayList<>();
    byPort.forEach(
        (port, host) -> {
          if (!used.contains(port)) {
            extra.add((names.containsKey(port) ? names.get(port) + " " : "") + ":" + host);
          }
        });
    return main.orElse("(internal)")
        + (extra.isEmpty() ? "" : " (" + String.join(" ", extra) + ")");
  }

  /** The main URL alone, when its ports are published. */
  public static Optional<String> main(
      ServiceConfig service, Map<String, String> published, String hostname) {
    return main(service, byPort(published), hostname, new ArrayList<>());
  }

  private static Map<String, String> byPort(Map<String, String> published) {
    Map<String, String> byPort = new LinkedHashMap<>();
    published.forEach((k, v) -> byPort.putIfAbsent(k.split("/")[0], v));
    return byPort;
  }

  private static Optional<String> main(
      ServiceConfig service, Map<String, String> byPort, String hostname, List<String> used) {
    return service
        .devLabel("url")
        .flatMap(
            template -> {
              Matcher m = PLACEHOLDER.matcher(template);
              StringBuilder out = new StringBuilder();
              while (m.find()) {
                String key = m.group(1);
                String value = key.equals("hostname") ? hostname : byPort.get(key);
                if (value == null) {
                  return Optional.empty();
                }
                used.add(key);
                m.appendReplacement(out, Matcher.quoteReplacement(value));
              }
              m.appendTail(out);
              return Optional.of(out.toString());
            });
  }
}
