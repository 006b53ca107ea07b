package dev.zerotorunning.stack.model;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The project's services (in start order: by depth in the depends_on graph, then name; services of
 * a Compose profile after the others) and their containers (by number).
 */
public record Stack(String project, List<ServiceConfig> services, List<Container> containers) {

  public Stack {
    containers =
        containers.stream()
            .sorted(Comparator.comparing(Container::service).thenComparing(Container::number))
            .toList();
  }

  public List<Container> containersOf(String service) {
    return containers.stream().filter(c -> c.service().equals(service)).toList();
  }

  public Optional<ServiceConfig> service(String name) {
    return services.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /**
   * A one-shot: a service others wait for to complete (service_completed_successfully), such as the
   * migration. It is done when it exited 0.
   */
  public boolean oneShot(String service) {
    return services.stream()
        .anyMatch(s -> "service_completed_successfully".equals(s.dependsOn().get(service)));
  }

  /** The services a plain make dev starts with these Compose profiles on. */
  public List<String> started(Set<String> activeProfiles) {
    return services.stream()
        .filter(
            s ->
                s.profiles().isEmpty()
                    || activeProfiles.contains("*")
                    || s.profiles().stream().anyMatch(activeProfiles::contains))
        .map(ServiceConfig::name)
        .toList();
  }
}
