package dev.zerotorunning.stack;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code java -cp tools/target/k8s-gen.jar dev.zerotorunning.stack.StackTool}
 * (scripts/lib.sh {@code stack_tool}): the running stack, read from Docker's JSON, for make dev,
 * make status and their scripts.
 */
@Command(
    name = "stack",
    mixinStandardHelpOptions = true,
    description =
        "Inspects the Compose stack: summary and status, diagnosis, currency, workers, ports;"
            + " compiles the API for make dev's fast path.",
    subcommands = {
      SummaryCommand.class,
      DiagnoseCommand.class,
      CurrentCommand.class,
      ReplicasCommand.class,
      WorkersCommand.class,
      PreflightCommand.class,
      ServicesCommand.class,
      ProfileCommand.class,
      CompileCommand.class
    })
public final class StackTool implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  public static int execute(String... args) {
    return new CommandLine(new StackTool())
        .setExecutionExceptionHandler(
            (ex, cmd, parsed) -> {
              // Docker missing or failing is the user's to fix: one line, no stack trace.
              cmd.getErr()
                  .println("stack: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
              return 2;
            })
        .execute(args);
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }
}
