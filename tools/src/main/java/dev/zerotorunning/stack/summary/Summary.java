package dev.zerotorunning.stack.summary;

import dev.zerotorunning.stack.model.Container;
import dev.zerotorunning.stack.model.HealthEvent;
import dev.zerotorunning.stack.model.ServiceConfig;
import dev.zerotorunning.stack.model.Stack;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * make dev's closing summary and make status: one row per service container, and the totals.
 *
 * @param absent services a plain make dev starts that have no container
 * @param lastHealthy the latest moment a service turned healthy after make dev started
 * @param dashboard the dashboard's URL when the web service runs
 */
public record Summary(
    List<Row> rows,
    List<String> absent,
    int running,
    int oneShotsDone,
    Optional<Instant> since,
    Instant now,
    Optional<Instant> lastHealthy,
    Optional<String> dashboard) {

  /**
   * One container.
   *
   * @param healthyAfter start to first passing health check, when known
   * @param upFor running with a health check whose first pass is unknown: how long it has run
   * @param ran a container that exited: how long it ran
   * @param at when it turned healthy, relative to make dev's start
   */
  public record Row(
      String service,
      String container,
      String state,
      Optional<String> health,
      Optional<Integer> exitCode,
      Optional<Duration> healthyAfter,
      Optional<Duration> upFor,
      Optional<Duration> ran,
      Optional<Duration> at,
      String url) {}

  /**
   * @param since make dev's start (the AT column and the totals), empty for make status
   * @param activeProfiles the Compose profiles make dev runs with (COMPOSE_PROFILES)
   */
  public static Summary of(
      Stack stack,
      List<HealthEvent> events,
      Optional<Instant> since,
      Instant now,
      Set<String> activeProfiles) {
    List<Row> rows = new ArrayList<>();
    List<String> absent = new ArrayList<>();
    List<String> started = stack.started(activeProfiles);
    int running = 0;
    int done = 0;
    Instant lastHealthy = null;
    Optional<String> dashboard = Optional.empty();
    for (ServiceConfig service : stack.services()) {
      List<Container> containers = stack.containersOf(service.name());
      if (containers.isEmpty() && started.contains(service.name())) {
        absent.add(service.name());
      }
      for (Container c : containers) {
        String label = containers.size() == 1 ? service.name() : service.name() + "-" + c.number();
        String state = c.state();
        Optional<Duration> healthyAfter = Optional.empty();
        Optional<Duration> upFor = Optional.empty();
        Optional<Duration> ran = Optional.empty();
        Optional<Duration> at = Optional.empty();
        Optional<Integer> exitCode = Optional.empty();
        if (c.running()) {
          running++;
          if (c.health().isPresent()) {
            healthyAfter = HealthTiming.toHealthy(c, events);
            if (healthyAfter.isPresent()) {
              Instant healthy = c.startedAt().plus(healthyAfter.get());
              if (since.isPresent() && !healthy.isBefore(since.get())) {
                at = Optional.of(Duration.between(since.get(), healthy));
                if (lastHealthy == null || healthy.isAfter(lastHealthy)) {
                  lastHealthy = healthy;
                }
              }
            } else {
              upFor = Optional.of(Duration.between(c.startedAt(), now));
            }
          }
        } else if (c.status().equals("exited")) {
          exitCode = Optional.of(c.exitCode());
          if (c.exitCode() == 0) {
            done++;
          }
          ran = Optional.of(Duration.between(c.startedAt(), c.finishedAt()));
        }
        String url = "-";
        if (c.running()) {
          url = Urls.of(service, c.firstHostPorts(), c.hostname());
          if (dashboard.isEmpty()
              && service.devLabel("role").filter("dashboard"::equals).isPresent()) {
            dashboard = Urls.main(service, c.firstHostPorts(), c.hostname());
          }
        }
        rows.add(
            new Row(
                service.name(),
                label,
                state,
                c.health(),
                exitCode,
                healthyAfter,
                upFor,
                ran,
                at,
                url));
      }
    }
    return new Summary(
        rows, absent, running, done, since, now, Optional.ofNullable(lastHealthy), dashboard);
  }
}
