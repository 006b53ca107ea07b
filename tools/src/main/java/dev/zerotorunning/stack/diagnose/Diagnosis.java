package dev.zerotorunning.stack.diagnose;

import dev.zerotorunning.stack.model.Container;
import dev.zerotorunning.stack.model.Probe;
import dev.zerotorunning.stack.model.Stack;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Why make dev failed: each service that is not where it should be (running and healthy; a
 * one-shot: exited 0), with its last probe, its last log lines and a hint.
 */
public record Diagnosis(List<Finding> findings) {
  static final int LOG_LINES = 30;
  private static final String PASSWORD_FAILED = "password authentication failed";

  /**
   * One service in trouble.
   *
   * @param problem "not created", "not started" or the container's state, health and exit code
   * @param lastProbe the last health check, when it has one
   * @param logs its last log lines (colours removed); empty when it never ran
   */
  public record Finding(
      String service,
      String problem,
      boolean waiting,
      Optional<Probe> lastProbe,
      List<String> logs,
      String hint) {}

  /**
   * @param only the services make dev started (a partial stack), empty: all
   * @param activeProfiles the Compose profiles on: their services count as started
   * @param logs a container's last lines, by container id
   */
  public static Diagnosis of(
      Stack stack,
      List<String> only,
      Set<String> activeProfiles,
      BiFunction<String, Integer, String> logs) {
    List<Finding> findings = new ArrayList<>();
    List<String> services = only.isEmpty() ? stack.started(activeProfiles) : only;
    for (String name : services) {
      List<Container> containers = stack.containersOf(name);
      String hintLabel =
          stack.service(name).flatMap(s -> s.devLabel("hint")).orElse("make logs SVC=" + name);
      if (containers.isEmpty()) {
        findings.add(
            new Finding(name, "not created", true, Optional.empty(), List.of(), hintLabel));
        continue;
      }
      // A scaled service (the worker): its first container in trouble.
      Container c = containers.stream().filter(x -> !x.up()).findFirst().orElse(containers.get(0));
      if (c.up() || (stack.oneShot(name) && c.status().equals("exited") && c.exitCode() == 0)) {
        continue;
      }
      if (c.status().equals("created")) {
        findings.add(
            new Finding(name, "not started", true, Optional.empty(), List.of(), hintLabel));
        continue;
      }
      String problem =
          "state "
              + c.status()
              + c.health().map(h -> ", health " + h).orElse("")
              + (c.status().equals("exited") ? ", exit code " + c.exitCode() : "");
      List<String> lines =
          logs.apply(c.id(), LOG_LINES).replaceAll("\u001b\\[[0-9;]*[A-Za-z]", "").lines().toList();
      String hint =
          lines.stream().anyMatch(l -> l.contains(PASSWORD_FAILED))
              ? "POSTGRES_PASSWORD differs from the one the database volume was created with:"
                  + " restore it in .env, or make clean (deletes all data) and make dev."
              : hintLabel;
      Optional<Probe> last =
          c.health().isPresent() && !c.healthLog().isEmpty()
              ? Optional.of(c.healthLog().get(c.healthLog().size() - 1))
              : Optional.empty();
      findings.add(new Finding(name, problem, false, last, lines, hint));
    }
    return new Diagnosis(findings);
  }
}
