package dev.zerotorunning.k8s.overlay;

import dev.zerotorunning.k8s.model.ComposeService;
import dev.zerotorunning.k8s.model.Diagnostics;
import dev.zerotorunning.k8s.model.Environment;
import dev.zerotorunning.k8s.model.Hardening;
import dev.zerotorunning.k8s.model.Names;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A strategic-merge patch per workload: replicas, requests and limits from the environment, and the
 * hardened security context every environment beyond the laptop gets (the Pod Security Standard
 * "restricted": non-root, no privilege escalation, all capabilities dropped, RuntimeDefault
 * seccomp, read-only root filesystem with a writable emptyDir where the image writes). Images this
 * project builds are pulled from the environment's registry, so their pull policy is no longer
 * Never.
 */
final class WorkloadPatches {
  /** Every image writes temporary files (the JVM, nginx, shells); /tmp is always writable. */
  static final String TMP = "/tmp";

  private final Diagnostics diag;

  WorkloadPatches(Diagnostics diag) {
    this.diag = diag;
  }

  Map<String, Object> patch(
      BaseView.Node workload, ComposeService service, Optional<Environment.Sizing> sizing) {
    Map<String, Object> podSpec = new LinkedHashMap<>();
    Hardening hardening = service.hints().hardening();
    Optional<Long> user = hardening.runAsUser().or(() -> numericUser(service));
    boolean hardened = !service.privileged();
    if (hardened) {
      podSpec.put("securityContext", podSecurity(user));
    }
    List<String> writable = hardened ? writablePaths(hardening) : List.of();
    List<Map<String, Object>> containers = new ArrayList<>();
    for (Map<String, Object> c : workload.containers("containers")) {
      Map<String, Object> patch = containerPatch(c, service, writable, hardened);
      sizing.ifPresent(s -> resources(s).ifPresent(r -> patch.put("resources", r)));
      containers.add(patch);
    }
    podSpec.put("containers", containers);
    List<Map<String, Object>> inits = new ArrayList<>();
    for (Map<String, Object> c : workload.containers("initContainers")) {
      inits.add(containerPatch(c, service, writable, hardened));
    }
    if (!inits.isEmpty()) {
      podSpec.put("initContainers", inits);
    }
    Set<String> existing = new LinkedHashSet<>();
    BaseView.list(workload.podSpec(), "volumes")
        .forEach(v -> existing.add(String.valueOf(v.get("name"))));
    List<Map<String, Object>> volumes = new ArrayList<>();
    for (String path : writable) {
      if (!existing.contains(volumeName(path)) && mountedSomewhere(workload, path)) {
        volumes.add(Map.of("name", volumeName(path), "emptyDir", Map.of()));
      }
    }
    if (!volumes.isEmpty()) {
      podSpec.put("volumes", volumes);
    }
    Map<String, Object> spec = new LinkedHashMap<>();
    if (!workload.kind().equals("Job")) {
      sizing
          .flatMap(s -> s.autoscale().map(Environment.Autoscale::min).or(s::replicas))
          .ifPresent(r -> spec.put("replicas", r));
    }
    spec.put("template", Map.of("spec", podSpec));
    if (!hardened) {
      diag.warning(
          service.name(),
          "privileged: true, so the overlays leave its security context as compose has it");
    } else if (user.isEmpty()) {
      diag.note(
          service.name(),
          "overlays set runAsNonRoot and keep the image's user; if that user is root or a name,"
              + " the pod is refused: set x-k8s.run-as-user");
    }
    Map<String, Object> patch = new LinkedHashMap<>();
    patch.put("apiVersion", workload.text("apiVersion"));
    patch.put("kind", workload.kind());
    patch.put(
        "metadata",
        Map.of("name", workload.name(), "namespace", workload.text("metadata", "namespace")));
    patch.put("spec", spec);
    return patch;
  }

  static String volumeName(String path) {
    return Names.dnsLabel("writable-" + path);
  }

  private static Map<String, Object> podSecurity(Optional<Long> user) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("runAsNonRoot", true);
    user.ifPresent(
        u -> {
          s.put("runAsUser", u);
          s.put("runAsGroup", u);
          s.put("fsGroup", u);
        });
    s.put("seccompProfile", Map.of("type", "RuntimeDefault"));
    return s;
  }

  private Map<String, Object> containerPatch(
      Map<String, Object> base, ComposeService service, List<String> writable, boolean hardened) {
    Map<String, Object> patch = new LinkedHashMap<>();
    patch.put("name", base.get("name"));
    if ("Never".equals(base.get("imagePullPolicy"))) {
      patch.put("imagePullPolicy", "IfNotPresent");
    }
    if (!hardened) {
      return patch;
    }
    Map<String, Object> capabilities = new LinkedHashMap<>();
    capabilities.put("drop", List.of("ALL"));
    if (!service.capAdd().isEmpty()) {
      capabilities.put("add", service.capAdd());
    }
    Map<String, Object> security = new LinkedHashMap<>();
    security.put("allowPrivilegeEscalation", false);
    security.put("capabilities", capabilities);
    security.put("readOnlyRootFilesystem", true);
    patch.put("securityContext", security);
    Set<String> mounted = new LinkedHashSet<>();
    BaseView.list(base, "volumeMounts")
        .forEach(m -> mounted.add(String.valueOf(m.get("mountPath"))));
    List<Map<String, Object>> mounts = new ArrayList<>();
    for (String path : writable) {
      if (!mounted.contains(path)) {
        mounts.add(Map.of("mountPath", path, "name", volumeName(path)));
      }
    }
    if (!mounts.isEmpty()) {
      patch.put("volumeMounts", mounts);
    }
    return patch;
  }

  private static boolean mountedSomewhere(BaseView.Node workload, String path) {
    List<Map<String, Object>> all = new ArrayList<>(workload.containers("containers"));
    all.addAll(workload.containers("initContainers"));
    return all.stream()
        .anyMatch(
            c ->
                BaseView.list(c, "volumeMounts").stream()
                    .noneMatch(m -> path.equals(m.get("mountPath"))));
  }

  private static List<String> writablePaths(Hardening hardening) {
    Set<String> paths = new LinkedHashSet<>();
    paths.add(TMP);
    paths.addAll(hardening.writable());
    return List.copyOf(paths);
  }

  private static Optional<Long> numericUser(ComposeService service) {
    return service
        .user()
        .map(u -> u.split(":", 2)[0])
        .filter(u -> u.matches("[0-9]+"))
        .map(Long::parseLong)
        .filter(u -> u > 0);
  }

  private static Optional<Map<String, Object>> resources(Environment.Sizing sizing) {
    Map<String, Object> r = new LinkedHashMap<>();
    if (!sizing.requests().isEmpty()) {
      r.put("requests", sizing.requests());
    }
    if (!sizing.limits().isEmpty()) {
      r.put("limits", sizing.limits());
    }
    return r.isEmpty() ? Optional.empty() : Optional.of(r);
  }
}
