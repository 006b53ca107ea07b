package dev.zerotorunning.scenarios.e2e.profiles;

import dev.zerotorunning.scenarios.support.Api;
import dev.zerotorunning.scenarios.support.Command;
import dev.zerotorunning.scenarios.support.Compose;
import dev.zerotorunning.scenarios.support.Make;
import dev.zerotorunning.scenarios.support.StackUnderTest;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** What the profile scenarios share: the stack, make on it, and which services run. */
final class Profiles {
  final StackUnderTest stack = StackUnderTest.fromEnvironment();
  final Compose compose = stack.compose();
  final Make make = new Make(stack);

  /** The dashboard's origin (its dev server proxies /api), as a browser sees the stack. */
  final Api web = new Api(stack.web());

  /** A port of this environment (the calling script exports them), or its default. */
  static int port(String name, int fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
  }

  /** The project's running services of every profile, sorted, on one line (extra env: files). */
  String runningServices(Map<String, String> env) {
    Map<String, String> all = new HashMap<>(env);
    all.put("COMPOSE_PROFILES", "*");
    Command.Result ps = compose.runWith(all, "ps", "--status", "running", "--services");
    return ps.outOrFail()
        .lines()
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .sorted()
        .collect(Collectors.joining(" "));
  }

  String runningServices() {
    return runningServices(Map.of());
  }

  /** {@code make status}'s page, whatever it exits with (it names what does not run). */
  String status(Map<String, String> env) {
    Command.Result result = make.run("status", env, "status");
    return result.out() + result.err();
  }
}
