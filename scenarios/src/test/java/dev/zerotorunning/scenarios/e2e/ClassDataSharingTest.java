package dev.zerotorunning.scenarios.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.zerotorunning.scenarios.support.Compose;
import dev.zerotorunning.scenarios.support.StackUnderTest;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The API image's class-data-sharing archive (api/cds/Dockerfile): the running JVMs map it, and a
 * JVM that cannot find it still starts and gets healthy (without it, only slower). The observable
 * is the kernel's list of the JVM's mappings (/proc/1/maps: java is the container's first process),
 * not a log line or a time.
 */
@Tag("e2e")
class ClassDataSharingTest {
  private static final String ARCHIVE = "/app/cds/api.jsa";
  private static final Duration START = Duration.ofMinutes(3);

  private final Compose compose = StackUnderTest.fromEnvironment().compose();

  @ParameterizedTest(name = "{0} maps the archive")
  @ValueSource(strings = {"api", "worker"})
  void theRunningJvmMapsTheArchive(String service) {
    assertThat(mapsTheArchive(compose.containerId(service)))
        .as("%s's JVM (/proc/1/maps) maps %s", service, ARCHIVE)
        .isTrue();
  }

  @Test
  void anApiWithoutTheArchiveStillGetsHealthy() {
    String id =
        compose
            .run(
                "run",
                "--detach",
                "--no-deps",
                "--env",
                "JDK_JAVA_OPTIONS=-XX:SharedArchiveFile=/app/cds/absent.jsa",
                "api")
            .outOrFail()
            .strip();
    try {
      await("an api without the archive healthy")
          .atMost(START)
          .pollInterval(Duration.ofMillis(500))
          .until(() -> health(id).equals("healthy"));
      assertThat(mapsTheArchive(id)).as("the api without the archive maps %s", ARCHIVE).isFalse();
    } finally {
      compose.docker("rm", "--force", "--volumes", id);
    }
  }

  /** Whether the container's first process (java) maps the archive, per the kernel. */
  private boolean mapsTheArchive(String container) {
    String maps = compose.docker("exec", container, "cat", "/proc/1/maps").outOrFail();
    assertThat(maps).as("%s's first process is a JVM", container).contains("libjvm.so");
    return maps.contains(ARCHIVE);
  }

  private String health(String container) {
    String health =
        compose
            .docker("inspect", "--format", "{{.State.Health.Status}} {{.State.Status}}", container)
            .outOrFail()
            .strip();
    assertThat(health).as("the api without the archive exited").doesNotEndWith("exited");
    return health.split(" ")[0];
  }
}
