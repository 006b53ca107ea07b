package dev.zerotorunning.k8s.build;

import dev.zerotorunning.k8s.model.ComposeProject;
import dev.zerotorunning.k8s.model.ComposeService;
import dev.zerotorunning.k8s.model.Dependency;
import dev.zerotorunning.k8s.model.Diagnostics;
import dev.zerotorunning.k8s.model.VolumeMount;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Decides what each service becomes before any object is built, so every builder agrees:
 *
 * <ul>
 *   <li>a one-shot (x-k8s/kompose says job, something waits for it with {@code
 *       service_completed_successfully}, or it has {@code restart: "no"} with no port and no
 *       healthcheck) becomes a Job, run once per release; the services that wait for it get an init
 *       container that waits for the Job to complete ({@link JobWaits});
 *   <li>with {@code x-k8s.kind: init-container}, a one-shot others wait for runs instead as an init
 *       container of each of their pods (for images that must run it per pod);
 *   <li>a long-running service that alone mounts a named volume becomes a StatefulSet whose
 *       volumeClaimTemplates own that volume; any other long-running service a Deployment;
 *   <li>a portless Deployment nothing depends on (a queue worker) gets no Service.
 * </ul>
 */
final class WorkloadPlan {
  /** x-k8s.kind value: run an awaited one-shot in every dependent pod instead of as a Job. */
  static final String INIT_CONTAINER = "init-container";

  enum Role {
    DEPLOYMENT,
    STATEFULSET,
    JOB,
    INIT_ONLY
  }

  private final Map<String, Role> roles = new TreeMap<>();
  private final Map<String, String> claimTemplateOwner = new TreeMap<>();
  private final Set<String> dependedOn = new TreeSet<>();

  WorkloadPlan(ComposeProject project, Diagnostics diag) {
    project.services().stream()
        .flatMap(o -> o.dependsOn().stream())
        .forEach(d -> dependedOn.add(d.service()));
    for (ComposeService s : project.services()) {
      boolean awaited =
          project.services().stream()
              .flatMap(o -> o.dependsOn().stream())
              .anyMatch(
                  d -> d.service().equals(s.name()) && d.condition().equals(Dependency.COMPLETED));
      Optional<String> controller = s.hints().controller();
      boolean endsByItself =
          s.restart().filter("no"::equals).isPresent()
              && s.healthcheck().isEmpty()
              && s.ports().isEmpty();
      boolean perPod = controller.filter(INIT_CONTAINER::equals).isPresent();
      boolean oneShot =
          awaited
              || perPod
              || controller.filter("job"::equals).isPresent()
              || (controller.isEmpty() && endsByItself);
      if (oneShot) {
        roles.put(s.name(), awaited && perPod ? Role.INIT_ONLY : Role.JOB);
        if (perPod && !awaited) {
          diag.warning(
              s.name(),
              "x-k8s.kind init-container, but no service waits for it with"
                  + " service_completed_successfully: it runs as a Job");
        }
        if (s.healthcheck().isPresent()) {
          diag.note(s.name(), "healthcheck ignored: a one-shot has no probes on Kubernetes");
        }
      } else {
        roles.put(s.name(), Role.DEPLOYMENT);
      }
    }
    Map<String, List<String>> users = new TreeMap<>();
    for (ComposeService s : project.services()) {
      s.volumes().stream()
          .filter(v -> v.type().equals(VolumeMount.NAMED))
          .map(VolumeMount::source)
          .distinct()
          .forEach(v -> users.computeIfAbsent(v, k -> new java.util.ArrayList<>()).add(s.name()));
    }
    users.forEach(
        (volume, services) -> {
          String only = services.get(0);
          boolean external =
              Optional.ofNullable(project.volumes().get(volume))
                  .map(v -> v.external())
                  .orElse(false);
          if (services.size() == 1
              && roles.get(only) == Role.DEPLOYMENT
              && !external
              && project
                  .service(only)
                  .orElseThrow()
                  .hints()
                  .controller()
                  .filter("deployment"::equals)
                  .isEmpty()) {
            claimTemplateOwner.put(volume, only);
            roles.put(only, Role.STATEFULSET);
          } else if (services.size() > 1 && !external) {
            diag.warning(
                "(project)",
                "volume "
                    + volume
                    + " is shared by "
                    + String.join(", ", services)
                    + ": one ReadWriteOnce PVC; pods must land on the same node (always true on"
                    + " kind)");
          }
        });
    for (ComposeService s : project.services()) {
      if (s.hints().controller().filter("statefulset"::equals).isPresent()
          && roles.get(s.name()) == Role.DEPLOYMENT) {
        roles.put(s.name(), Role.STATEFULSET);
      }
    }
    for (ComposeService s : project.services()) {
      if (roles.get(s.name()) == Role.DEPLOYMENT && !needsService(s)) {
        diag.note(s.name(), "no Service: it has no port and no service depends on it");
      }
    }
  }

  /**
   * Whether a long-running service gets a Service: always with a port (others dial it), an explicit
   * service type or as a StatefulSet (its governing Service); a portless Deployment only when
   * another service depends on it, so its name resolves for their wait-for init containers. A queue
   * worker that nothing dials or waits for gets none.
   */
  boolean needsService(ComposeService s) {
    return switch (role(s.name())) {
      case JOB, INIT_ONLY -> false;
      case STATEFULSET -> true;
      case DEPLOYMENT ->
          !s.containerPorts().isEmpty()
              || s.hints().serviceType().isPresent()
              || dependedOn.contains(s.name());
    };
  }

  Role role(String service) {
    return roles.get(service);
  }

  boolean ownsClaimTemplate(String service, String volume) {
    return service.equals(claimTemplateOwner.get(volume));
  }

  /** app.kubernetes.io/component: x-k8s.component, else what the service does. */
  String component(ComposeService s) {
    return s.hints()
        .component()
        .orElseGet(
            () ->
                switch (role(s.name())) {
                  case JOB, INIT_ONLY -> "job";
                  default -> s.containerPorts().isEmpty() ? "worker" : "server";
                });
  }
}
