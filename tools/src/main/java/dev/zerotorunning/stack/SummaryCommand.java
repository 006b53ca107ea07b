package dev.zerotorunning.stack;

import dev.zerotorunning.stack.docker.StackReader;
import dev.zerotorunning.stack.model.HealthEvent;
import dev.zerotorunning.stack.summary.Summary;
import dev.zerotorunning.stack.summary.SummaryJson;
import dev.zerotorunning.stack.summary.SummaryText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code summary} (make dev's closing table) and {@code status} (make status): the same table. */
@Command(
    name = "summary",
    aliases = "status",
    mixinStandardHelpOptions = true,
    description = "Each service: state, health, time from start to healthy, URL.")
public final class SummaryCommand implements Callable<Integer> {
  @Mixin DockerOptions docker;
  @Mixin OutputOptions output;

  @Option(names = "--json", description = "JSON instead of the table (for scripts).")
  boolean json;

  @Option(
      names = "--since",
      paramLabel = "EPOCH_MS",
      description = "When make dev started: the AT column and the closing line.")
  Long since;

  @Option(
      names = "--events",
      paramLabel = "FILE",
      description = "docker events --format '{{json .}}' lines make dev recorded.")
  Path events;

  @Option(
      names = "--json-file",
      paramLabel = "FILE",
      description = "Also write the summary as JSON to FILE.")
  Path jsonFile;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    List<HealthEvent> recorded =
        events != null && Files.exists(events)
            ? StackReader.events(Files.readString(events))
            : List.of();
    Summary summary =
        Summary.of(
            StackReader.read(docker.docker()),
            recorded,
            Optional.ofNullable(since).map(Instant::ofEpochMilli),
            docker.now(),
            docker.activeProfiles());
    if (jsonFile != null) {
      Files.writeString(jsonFile, SummaryJson.render(summary));
    }
    spec.commandLine()
        .getOut()
        .print(json ? SummaryJson.render(summary) : SummaryText.render(summary, output.style()));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
