package dev.zerotorunning.k8s;

import dev.zerotorunning.k8s.cli.CheckCommand;
import dev.zerotorunning.k8s.cli.ClusterCommand;
import dev.zerotorunning.k8s.cli.GenerateCommand;
import dev.zerotorunning.k8s.cli.HintCommand;
import dev.zerotorunning.k8s.cli.ModelCommand;
import dev.zerotorunning.k8s.cli.OverlayCommand;
import dev.zerotorunning.k8s.cli.PortForwardCommand;
import dev.zerotorunning.k8s.cli.SecretsCommand;
import dev.zerotorunning.k8s.cli.StatusCommand;
import dev.zerotorunning.k8s.cli.TaskCommand;
import dev.zerotorunning.k8s.cli.UrlsCommand;
import dev.zerotorunning.k8s.local.Refusal;
import dev.zerotorunning.k8s.model.Reasons;
import dev.zerotorunning.stack.Style;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code java -jar tools/target/k8s-gen.jar}. */
@Command(
    name = "k8s-gen",
    mixinStandardHelpOptions = true,
    description = "Generates a validated kustomize base and a kind config from compose.yaml.",
    subcommands = {
      GenerateCommand.class,
      HintCommand.class,
      CheckCommand.class,
      ClusterCommand.class,
      ModelCommand.class,
      OverlayCommand.class,
      PortForwardCommand.class,
      SecretsCommand.class,
      StatusCommand.class,
      TaskCommand.class,
      UrlsCommand.class
    })
public final class K8sGen implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  public static int execute(String... args) {
    return new CommandLine(new K8sGen())
        .setExecutionExceptionHandler(
            (ex, cmd, parsed) -> {
              if (ex instanceof Refusal) { // as scripts/lib.sh's die: "✗ ...", exit 1
                cmd.getErr().println(Style.ofTerminal().fail(ex.getMessage()));
                return 1;
              }
              // Bad input (a compose error, a missing env file) is the user's to fix: one line, no
              // stack trace and no exception name, whatever the failure.
              cmd.getErr().println("k8s-gen: " + Reasons.of(ex));
              return 2;
            })
        .execute(args);
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }
}
