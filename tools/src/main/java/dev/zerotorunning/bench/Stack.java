package dev.zerotorunning.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The bench's Compose project, driven the way a developer does: make targets, compose, docker. */
final class Stack {
  private final List<String> make;
  private final List<String> compose;

  Stack(String make, String compose) {
    this.make = new ArrayList<>(Arrays.asList(make.trim().split("\\s+")));
    this.make.add("--no-print-directory");
    this.compose = Arrays.asList(compose.trim().split("\\s+"));
  }

  /** make TARGET [VAR=value...] with extra environment (a null value unsets a variable). */
  Processes.Ran make(Map<String, String> env, String target, String... variables) {
    List<String> command = new ArrayList<>(make);
    command.add(target);
    command.addAll(List.of(variables));
    return Processes.run(env, command);
  }

  Processes.Ran make(String target) {
    return make(Map.of(), target);
  }

  /** make TARGET, or a {@link BenchFailure} with the end of its output. */
  Processes.Ran mustMake(String what, String target) {
    Processes.Ran ran = make(target);
    if (!ran.ok()) {
      throw new BenchFailure("make " + target + " (" + what + ") failed:\n" + ran.tail(30));
    }
    return ran;
  }

  Processes.Ran compose(Map<String, String> env, String... args) {
    List<String> command = new ArrayList<>(compose);
    command.addAll(List.of(args));
    return Processes.run(env, command);
  }

  Processes.Ran compose(String... args) {
    return compose(Map.of(), args);
  }

  Processes.Ran docker(String... args) {
    List<String> command = new ArrayList<>(List.of("docker"));
    command.addAll(List.of(args));
    return Processes.run(command);
  }

  /** When the service's running container started (make dev's fast path restarts the same one). */
  String startedAt(String service) {
    String id = compose("ps", "--quiet", service).output().strip();
    return id.isEmpty() ? "" : docker("inspect", "-f", "{{.State.StartedAt}}", id).output().strip();
  }

  static Map<String, String> env(String... pairs) {
    Map<String, String> env = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return env;
  }
}
