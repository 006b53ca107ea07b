package dev.zerotorunning.scenarios.chaos;

import static dev.zerotorunning.scenarios.chaos.Chaos.hold;
import static dev.zerotorunning.scenarios.chaos.Chaos.now;
import static dev.zerotorunning.scenarios.chaos.Chaos.secs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zerotorunning.scenarios.support.Command;
import dev.zerotorunning.scenarios.support.Load;
import java.time.Duration;
import java.util.Optional;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The API killed twice while a probe polls it and the dashboard is watched in Chromium: a crash
 * (SIGKILL of its process, which Docker's restart policy unless-stopped restarts), then {@code
 * docker kill} (a manual stop for Docker: it stays down and make dev brings it back). The
 * dashboard's health banner shows during the second outage and clears after it.
 */
@Tag("chaos")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiCrashTest {
  private final Chaos chaos = new Chaos();
  private final BannerWatch banner = new BannerWatch(chaos);
  private Optional<Long> crashHealthy = Optional.empty();
  private long killed;
  private String stateAfterKill;
  private Optional<Long> killHealthy = Optional.empty();

  @BeforeAll
  void apiCrashedThenDockerKilled() {
    chaos.awaitStackHealthy();
    banner.start();
    Load probe =
        Load.get(chaos.web.resolve("/api/health"), chaos.api.resolve("/health"))
            .duration(Duration.ofSeconds(150))
            .pause(Duration.ofMillis(40))
            .timeout(Duration.ofSeconds(5))
            .start();
    try {
      hold(Duration.ofSeconds(1));
      crash();
      hold(Duration.ofSeconds(6)); // one dashboard poll (5 s) on the healthy API
      Load.Tally crashTally = probe.tally();
      Summary.add(
          "api crash",
          "kill -9 of the API's process; Docker restarts it (unless-stopped)",
          crashTally.requests(),
          crashTally.failures() + " (while it restarted)",
          "healthy after " + crashHealthy.map(Chaos::secs).orElse("never"));
      dockerKill();
      hold(Duration.ofSeconds(7)); // the dashboard's next poll sees the API again
      Load.Tally killTally = Load.Tally.of(probe.stop());
      banner.stop(killed);
      Summary.add(
          "api docker kill",
          "docker kill api (stays %s), then %s"
              .formatted(stateAfterKill, stateAfterKill.equals("running") ? "running" : "make dev"),
          killTally.requests() - crashTally.requests(),
          (killTally.failures() - crashTally.failures()) + " (while down)",
          "healthy"
              + killHealthy
                  .map(t -> " (make dev done) " + secs(t) + " after the kill")
                  .orElse(" never")
              + (banner.clearedAfterShown(killed).isPresent() ? "; banner shown/cleared" : ""));
    } finally {
      probe.stop();
      banner.close();
    }
  }

  /** a) A crash: the process dies under Docker's feet; the restart policy applies. */
  private void crash() {
    String id = chaos.compose.containerId("api");
    JsonNode before = inspect(id);
    int restarts = before.path("RestartCount").asInt();
    long t0 = now();
    hostKill(before.path("State").path("Pid").asLong());
    hold(Duration.ofSeconds(1));
    try {
      await("the api restarted by Docker and healthy")
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () -> {
                JsonNode now = inspect(id);
                return now.path("RestartCount").asInt() > restarts
                    && now.path("State").path("Health").path("Status").asText().equals("healthy");
              });
      crashHealthy = Optional.of(now() - t0);
    } catch (ConditionTimeoutException notHealthy) {
      crashHealthy = Optional.empty();
    }
  }

  /** b) docker kill: Docker records it as a manual stop, so unless-stopped does not restart it. */
  private void dockerKill() {
    String id = chaos.compose.containerId("api");
    killed = now();
    chaos.compose.docker("kill", id).outOrFail();
    hold(Duration.ofSeconds(8)); // longer than one dashboard poll
    stateAfterKill = inspect(id).path("State").path("Status").asText();
    if (stateAfterKill.equals("running")) {
      Chaos.say("docker kill: Docker restarted the API by itself (restart policy)");
    } else {
      Chaos.say(
          "docker kill: the API stays %s (Docker treats docker kill as a manual stop;"
                  .formatted(stateAfterKill)
              + " unless-stopped does not restart it): make dev");
      Command.Result dev = chaos.make("dev");
      if (!dev.succeeded()) {
        Chaos.say(
            "make dev after docker kill exited " + dev.exitCode() + ": " + dev.out() + dev.err());
      }
    }
    try {
      chaos.compose.awaitHealthy("api", Duration.ofSeconds(90));
      killHealthy = Optional.of(now() - killed);
    } catch (ConditionTimeoutException notHealthy) {
      killHealthy = Optional.empty();
    }
  }

  private JsonNode inspect(String containerId) {
    return Chaos.json(chaos.compose.docker("inspect", containerId).outOrFail()).path(0);
  }

  /** Kills a process of the host (the container's main process), also when we are not root. */
  private void hostKill(long pid) {
    boolean root = chaos.run(Duration.ofSeconds(10), "id", "-u").outOrFail().strip().equals("0");
    if (root) {
      chaos.run(Duration.ofSeconds(10), "kill", "-9", String.valueOf(pid)).outOrFail();
    } else {
      chaos
          .compose
          .docker(
              "run",
              "--rm",
              "--pid=host",
              "--user",
              "0",
              "--entrypoint",
              "sh",
              System.getenv().getOrDefault("REDIS_IMAGE", "redis:7-alpine"),
              "-c",
              "kill -9 " + pid)
          .outOrFail();
    }
  }

  @Test
  void aCrashIsRestartedByTheRestartPolicy() {
    assertThat(crashHealthy)
        .as("the api restarted by Docker (RestartCount up) and healthy within 90 s of kill -9")
        .isPresent();
  }

  @Test
  void afterDockerKillTheApiIsHealthyAgain() {
    assertThat(killHealthy)
        .as(
            "the api healthy again after docker kill (it was %s 8 s after it%s)",
            stateAfterKill, stateAfterKill.equals("running") ? "" : "; then make dev")
        .isPresent();
  }

  @Test
  void theDashboardBannerShowsTheOutageAndClears() {
    assumeTrue(banner.watched(), banner.why());
    assertThat(banner.shownAfter(killed))
        .as("the dashboard's health banner shown after the docker kill (%s)", banner.lines())
        .isPresent();
    assertThat(banner.clearedAfterShown(killed))
        .as("the banner cleared after it was shown (%s)", banner.lines())
        .isPresent();
  }
}
