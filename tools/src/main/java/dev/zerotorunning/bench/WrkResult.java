package dev.zerotorunning.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The summary line that scripts/bench/count.lua makes wrk print: {@code WRK requests=N s2xx=N ...
 * rps=N p50_ms=N p99_ms=N}.
 */
public record WrkResult(Map<String, String> values) {
  static final String PREFIX = "WRK ";

  /** The summary line in wrk's output, if it printed one. */
  public static Optional<WrkResult> parse(String output) {
    return output
        .lines()
        .filter(line -> line.startsWith(PREFIX))
        .reduce((first, second) -> second)
        .map(
            line -> {
              Map<String, String> values = new LinkedHashMap<>();
              for (String pair : line.substring(PREFIX.length()).trim().split("\\s+")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                  values.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
              }
              return new WrkResult(values);
            });
  }

  public long count(String key) {
    return (long) number(key);
  }

  public double number(String key) {
    String value = values.get(key);
    return value == null ? 0 : Double.parseDouble(value);
  }

  /** Requests per second, whole. */
  public long rps() {
    return (long) number("rps");
  }

  /** "p50 1.2 ms, p99 3.4 ms; 1000 requests, 0 not 2xx; X-Cache HIT 990 MISS 10 BYPASS 0" */
  public String detail() {
    return "p50 "
        + values.getOrDefault("p50_ms", "?")
        + " ms, p99 "
        + values.getOrDefault("p99_ms", "?")
        + " ms; "
        + count("requests")
        + " requests, "
        + (count("requests") - count("s2xx"))
        + " not 2xx; X-Cache HIT "
        + count("hit")
        + " MISS "
        + count("miss")
        + " BYPASS "
        + count("bypass");
  }
}
