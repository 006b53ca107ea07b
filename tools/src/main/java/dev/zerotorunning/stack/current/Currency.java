package dev.zerotorunning.stack.current;

import dev.zerotorunning.stack.model.Container;
import dev.zerotorunning.stack.model.ServiceConfig;
import dev.zerotorunning.stack.model.Stack;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether make dev can skip {@code up}: every service it starts runs (healthy) from the current
 * configuration and image, with as many containers as configured (after make scale-worker the count
 * differs, and up returns it), and nothing else runs. A one-shot counts when it exited 0.
 */
public final class Currency {
  private Currency() {}

  /**
   * What is not current, or empty.
   *
   * @param hashes each service make dev starts and its configuration hash
   * @param imageIds each image reference and the ID it names now
   */
  public static Optional<String> staleness(
      Stack stack, Map<String, String> hashes, Map<String, String> imageIds) {
    if (stack.containers().isEmpty()) {
      return Optional.of("nothing runs");
    }
    int expected = 0;
    for (Map.Entry<String, String> e : hashes.entrySet()) {
      String service = e.getKey();
      int want = stack.service(service).map(ServiceConfig::replicas).orElse(1);
      expected += want;
      List<Container> containers = stack.containersOf(service);
      if (containers.size() != want) {
        return Optional.of(service + ": " + containers.size() + " containers, configured " + want);
      }
      for (Container c : containers) {
        if (!c.configHash().equals(e.getValue())) {
          return Optional.of(c.name() + ": its configuration changed");
        }
        String now = imageIds.getOrDefault(c.image(), imageIds.get(c.image() + ":latest"));
        if (!c.imageId().equals(now)) {
          return Optional.of(c.name() + ": " + c.image() + " is a newer image");
        }
        boolean done = stack.oneShot(service) && c.status().equals("exited") && c.exitCode() == 0;
        if (stack.oneShot(service) ? !done : !c.up()) {
          return Optional.of(
              c.name() + ": " + c.state() + c.health().map(h -> ", " + h).orElse(""));
        }
      }
    }
    if (stack.containers().size() != expected) {
      return Optional.of("containers of other services run (orphans, another profile)");
    }
    return Optional.empty();
  }
}
