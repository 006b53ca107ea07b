package dev.zerotorunning.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.zerotorunning.k8s.load.EnvSources;
import dev.zerotorunning.k8s.pipeline.Pipeline;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The 57-service file make bench times (shaped like getsentry/self-hosted's) converts, validated,
 * with one workload per service: the benchmark measures a run that works.
 */
class LargeComposeFileTest {
  private static final Path DIR = Path.of("..", "scripts", "bench", "sentry-shaped");

  @Test
  void everyServiceOfTheSentryShapedFileBecomesAValidatedWorkload() throws Exception {
    EnvSources env = EnvSources.load(List.of(DIR.resolve(".env")), DIR.toAbsolutePath(), Map.of());
    Pipeline.Result result = Pipeline.run(DIR.resolve("compose.yaml"), env);
    assertEquals(List.of(), result.errors());
    assertEquals(57, result.project().services().size());
    long workloads =
        result.output().files().keySet().stream()
            .filter(f -> f.matches("base/(deployment|statefulset|job)-.*\\.yaml"))
            .count();
    assertEquals(57, workloads, result.report());
  }
}
