package dev.zerotorunning.k8s.build;

import dev.zerotorunning.k8s.model.ComposeProject;
import dev.zerotorunning.k8s.model.ComposeService;
import dev.zerotorunning.k8s.model.PortMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Compose needs no port declaration for one service to dial another ({@code db:5432} just works on
 * the network), so production-like compose files often have none. A Kubernetes Service does:
 * without one it is headless and clients get pod IPs that change on every restart (nginx caches
 * them). So when another service's environment or command names {@code <service>:<port>}, that port
 * becomes a container port, with a note suggesting the explicit {@code expose:}. Long-running
 * services only.
 */
final class PortInference {
  private PortInference() {}

  static ComposeProject apply(ComposeProject project, WorkloadPlan plan) {
    List<String> texts = new ArrayList<>();
    for (ComposeService s : project.services()) {
      texts.addAll(s.environment().values());
      texts.addAll(s.command());
      texts.addAll(s.entrypoint());
    }
    List<ComposeService> services = new ArrayList<>();
    for (ComposeService s : project.services()) {
      WorkloadPlan.Role role = plan.role(s.name());
      boolean longRunning =
          role == WorkloadPlan.Role.DEPLOYMENT || role == WorkloadPlan.Role.STATEFULSET;
      TreeSet<Integer> found = new TreeSet<>();
      if (longRunning) {
        Pattern dial =
            Pattern.compile(
                "(?<![A-Za-z0-9_.-])" + Pattern.quote(s.name()) + ":([0-9]{1,5})(?![0-9])");
        for (String text : texts) {
          Matcher m = dial.matcher(text == null ? "" : text);
          while (m.find()) {
            int port = Integer.parseInt(m.group(1));
            if (port > 0 && port < 65536 && s.ports().stream().noneMatch(p -> p.target() == port)) {
              found.add(port);
            }
          }
        }
      }
      if (found.isEmpty()) {
        services.add(s);
        continue;
      }
      found.forEach(
          port ->
              project
                  .diagnostics()
                  .note(
                      s.name(),
                      "container port "
                          + port
                          + " inferred from another service dialing "
                          + s.name()
                          + ":"
                          + port
                          + " (add expose: [\""
                          + port
                          + "\"] to say so in compose.yaml)"));
      List<PortMapping> ports =
          Stream.concat(
                  s.ports().stream(),
                  found.stream()
                      .map(
                          p ->
                              new PortMapping(
                                  p, Optional.empty(), Optional.empty(), "tcp", Optional.empty())))
              .toList();
      services.add(s.withPorts(ports));
    }
    return project.with(List.copyOf(services), project.volumes());
  }
}
