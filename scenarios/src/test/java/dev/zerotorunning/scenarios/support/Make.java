package dev.zerotorunning.scenarios.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Makefile's targets, as a developer types them, in the repository and with this JVM's
 * environment (the stack's project, ports and image tags that the calling script exported). Each
 * run's wall time is appended to the file named by SCENARIOS_TIMES, when set, for the caller's
 * table of measured times (never asserted on).
 */
public final class Make {
  private static final Duration TIMEOUT = Duration.ofMinutes(10);

  private final Path root;

  public Make(StackUnderTest stack) {
    this.root = stack.root();
  }

  /**
   * {@code make TARGET [VAR=value...]} with extra environment {@code env}; {@code why} names the
   * run in the table of times, e.g. "make dev (stack already up)".
   */
  public Command.Result run(String why, Map<String, String> env, String... targetAndVariables) {
    return runUnder(List.of(), why, env, targetAndVariables);
  }

  /**
   * {@code WRAPPER... make TARGET...}: make started by another command (e.g. unshare, for a mount
   * namespace that hides the JDK), timed and printed the same way.
   */
  public Command.Result runUnder(
      List<String> wrapper, String why, Map<String, String> env, String... targetAndVariables) {
    List<String> command = new ArrayList<>(wrapper);
    command.addAll(List.of(System.getenv().getOrDefault("MAKE", "make"), "--no-print-directory"));
    command.addAll(List.of(targetAndVariables));
    long start = System.nanoTime();
    Command.Result result = Command.run(root, env, TIMEOUT, command);
    record(why, env, targetAndVariables, Duration.ofNanos(System.nanoTime() - start), result);
    System.out.printf("$ %s%n%s%s%n", String.join(" ", command), result.out(), result.err());
    return result;
  }

  /** {@code make ...} that must succeed: its output (standard output and error), or a failure. */
  public String succeed(String why, String... targetAndVariables) {
    return succeed(why, Map.of(), targetAndVariables);
  }

  public String succeed(String why, Map<String, String> env, String... targetAndVariables) {
    Command.Result result = run(why, env, targetAndVariables);
    result.outOrFail();
    return result.out() + result.err();
  }

  private static void record(
      String why, Map<String, String> env, String[] target, Duration took, Command.Result result) {
    String file = System.getenv("SCENARIOS_TIMES");
    if (file == null || file.isBlank()) {
      return;
    }
    StringBuilder label = new StringBuilder();
    env.forEach((name, value) -> label.append(name).append('=').append(value).append(' '));
    label.append("make ").append(String.join(" ", target)).append(" (").append(why).append(')');
    String line =
        String.format(
            Locale.ROOT,
            "%s|%d.%ds|exit %d%n",
            label,
            took.toSeconds(),
            took.toMillisPart() / 100,
            result.exitCode());
    try {
      Files.writeString(
          Path.of(file),
          line,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to SCENARIOS_TIMES " + file, e);
    }
  }
}
