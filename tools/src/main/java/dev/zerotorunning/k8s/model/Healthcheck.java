package dev.zerotorunning.k8s.model;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A compose healthcheck with compose's defaults filled in (interval 30s, timeout 30s, retries 3,
 * start_period 0, start_interval 5s).
 *
 * @param test compose form: ["CMD", ...] or ["CMD-SHELL", "..."]; a string test becomes CMD-SHELL
 */
public record Healthcheck(
    List<String> test,
    Duration interval,
    Duration timeout,
    int retries,
    Duration startPeriod,
    Optional<Duration> startInterval) {

  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  public static final int DEFAULT_RETRIES = 3;

  /**
   * The command as a container exec: CMD-SHELL runs through {@code sh -c} exactly like Docker does.
   */
  public List<String> execCommand() {
    if (test.isEmpty()) {
      return List.of();
    }
    if ("CMD-SHELL".equals(test.get(0))) {
      return List.of("sh", "-c", String.join(" ", test.subList(1, test.size())));
    }
    if ("CMD".equals(test.get(0))) {
      return test.subList(1, test.size());
    }
    return test;
  }
}
