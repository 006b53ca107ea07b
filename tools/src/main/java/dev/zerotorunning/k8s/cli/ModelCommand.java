package dev.zerotorunning.k8s.cli;

import dev.zerotorunning.k8s.view.ModelView;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code model}: prints the loaded model as normalised JSON, or normalises {@code docker compose
 * config --format json} output to the same shape, so scripts/k8s/tools.sh compare can diff the two.
 */
@Command(
    name = "model",
    mixinStandardHelpOptions = true,
    description = "Print the loaded compose model as normalised JSON.")
public final class ModelCommand implements Callable<Integer> {

  @Mixin ComposeOptions compose;

  @Option(
      names = "--json",
      description = "JSON output (the only format; accepted for readability).")
  boolean json;

  @Option(
      names = "--from-compose-config",
      paramLabel = "FILE",
      description =
          "Normalise this `docker compose config --format json` output instead of loading the"
              + " compose file.")
  Path composeConfig;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    String out =
        composeConfig != null
            ? ModelView.ofComposeConfig(Files.readString(composeConfig, StandardCharsets.UTF_8))
            : ModelView.ofModel(compose.load());
    spec.commandLine().getOut().print(out);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
