package dev.zerotorunning.stack;

import dev.zerotorunning.stack.docker.StackReader;
import dev.zerotorunning.stack.model.ComposeConfig;
import dev.zerotorunning.stack.profiles.ProfileChoice;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code profile NAMES}: what make dev PROFILE=NAMES runs, as shell assignments (PARTIAL_STACK,
 * PROFILE_SERVICES, COMPOSE_PROFILES) for scripts/dev.sh to eval; a bad name is one line with the
 * valid ones and exit 1.
 */
@Command(
    name = "profile",
    mixinStandardHelpOptions = true,
    description = "Resolve make dev's PROFILE= (partial stacks, Compose profiles) to assignments.")
public final class ProfileCommand implements Callable<Integer> {
  @Mixin DockerOptions docker;
  @Mixin OutputOptions output;

  @Parameters(index = "0", paramLabel = "NAMES", description = "e.g. backend,observability")
  String names;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    ComposeConfig config = StackReader.config(docker.docker());
    try {
      ProfileChoice choice =
          ProfileChoice.resolve(names, config.services(), config.partialStacks());
      PrintWriter out = spec.commandLine().getOut();
      out.print(choice.assignments());
      out.flush();
      return 0;
    } catch (IllegalArgumentException e) {
      PrintWriter err = spec.commandLine().getErr();
      err.println(output.style().fail(e.getMessage()));
      err.flush();
      return 1;
    }
  }
}
