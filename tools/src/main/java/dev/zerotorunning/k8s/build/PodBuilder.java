package dev.zerotorunning.k8s.build;

import dev.zerotorunning.k8s.model.ComposeProject;
import dev.zerotorunning.k8s.model.ComposeService;
import dev.zerotorunning.k8s.model.Dependency;
import dev.zerotorunning.k8s.model.Diagnostics;
import dev.zerotorunning.k8s.model.NamedVolume;
import dev.zerotorunning.k8s.model.Names;
import dev.zerotorunning.k8s.model.PortMapping;
import dev.zerotorunning.k8s.model.VolumeMount;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1ConfigMapEnvSource;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1EmptyDirVolumeSource;
import io.kubernetes.client.openapi.models.V1EnvFromSource;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaimVolumeSource;
import io.kubernetes.client.openapi.models.V1PodSecurityContext;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import io.kubernetes.client.openapi.models.V1SecretEnvSource;
import io.kubernetes.client.openapi.models.V1Sysctl;
import io.kubernetes.client.openapi.models.V1Volume;
import io.kubernetes.client.openapi.models.V1VolumeMount;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Builds the pod spec of a service: its container, the init containers its depends_on asks for,
 * volumes.
 */
final class PodBuilder {

  private final ComposeProject project;
  private final WorkloadPlan plan;
  private final Map<String, List<ConfigBuilder.FileMount>> fileMounts;
  private final Map<String, List<ConfigBuilder.FileMount>> grantMounts;
  private final Diagnostics diag;
  private final JobWaits jobWaits;

  PodBuilder(
      ComposeProject project,
      WorkloadPlan plan,
      Map<String, List<ConfigBuilder.FileMount>> fileMounts,
      Map<String, List<ConfigBuilder.FileMount>> grantMounts,
      Diagnostics diag) {
    this.project = project;
    this.plan = plan;
    this.fileMounts = fileMounts;
    this.grantMounts = grantMounts;
    this.diag = diag;
    this.jobWaits = new JobWaits(project, plan);
  }

  V1PodSpec podSpec(ComposeService s) {
    Map<String, V1Volume> volumes = new TreeMap<>();
    Map<String, V1Container> inits = new LinkedHashMap<>();
    addInitContainers(s, inits, volumes);
    V1PodSpec pod =
        new V1PodSpec()
            // Compose injects no <SERVICE>_PORT variables; Kubernetes' service links would, and
            // they clash
            // with variables like REDIS_PORT that applications read.
            .enableServiceLinks(false)
            .containers(List.of(container(s, true, volumes)));
    if (!inits.isEmpty()) {
      pod.setInitContainers(new ArrayList<>(inits.values()));
    }
    if (!volumes.isEmpty()) {
      pod.setVolumes(new ArrayList<>(volumes.values()));
    }
    s.stopGracePeriod().ifPresent(d -> pod.setTerminationGracePeriodSeconds(d.toSeconds()));
    if (!s.isolation().sysctls().isEmpty()) {
      List<V1Sysctl> sysctls = new ArrayList<>();
      s.isolation().sysctls().forEach((k, v) -> sysctls.add(new V1Sysctl().name(k).value(v)));
      pod.setSecurityContext(new V1PodSecurityContext().sysctls(sysctls));
    }
    jobWaits.serviceAccount(s).ifPresent(pod::setServiceAccountName);
    return pod;
  }

  /**
   * depends_on in pod form, dependencies in name order: service_healthy waits until the
   * dependency's Service answers (Services route only to ready pods, so no RBAC is needed);
   * service_completed_successfully waits for the one-shot's Job through the API ({@link JobWaits}),
   * or, for an x-k8s.kind init-container one-shot, runs it, after its own waits, as an init
   * container.
   */
  private void addInitContainers(
      ComposeService s, Map<String, V1Container> inits, Map<String, V1Volume> volumes) {
    List<Dependency> deps = new ArrayList<>(s.dependsOn());
    deps.sort(java.util.Comparator.comparing(Dependency::service));
    for (Dependency d : deps) {
      ComposeService dep = project.service(d.service()).orElseThrow();
      WorkloadPlan.Role depRole = plan.role(dep.name());
      if (d.condition().equals(Dependency.COMPLETED) && depRole == WorkloadPlan.Role.JOB) {
        V1Container wait =
            JobWaits.container(dep.name(), s.hints().waitImage().orElse(image(s)), pullPolicy(s));
        SecurityContexts.of(s, diag).ifPresent(wait::setSecurityContext);
        inits.putIfAbsent(JobWaits.PREFIX + dep.name(), wait);
      } else if (d.condition().equals(Dependency.COMPLETED)) {
        addInitContainers(dep, inits, volumes);
        inits.putIfAbsent(dep.name(), container(dep, false, volumes));
      } else if (depRole == WorkloadPlan.Role.JOB || depRole == WorkloadPlan.Role.INIT_ONLY) {
        diag.warning(
            s.name(),
            "depends_on "
                + dep.name()
                + " ("
                + d.condition()
                + ") on a one-shot: not waited for;"
                + " use service_completed_successfully");
      } else if (d.condition().equals(Dependency.HEALTHY)) {
        if (dep.healthcheck().isEmpty() && dep.hints().readiness().isEmpty()) {
          diag.warning(
              s.name(),
              "depends_on "
                  + dep.name()
                  + " (service_healthy) but it has no healthcheck: "
                  + "the wait ends as soon as its container runs");
        }
        inits.putIfAbsent("wait-for-" + dep.name(), waitContainer(s, dep));
      } else {
        diag.note(
            s.name(),
            "depends_on "
                + dep.name()
                + " (service_started): pods start together on Kubernetes;"
                + " use service_healthy to wait");
      }
    }
  }

  private V1Container waitContainer(ComposeService waiter, ComposeService dep) {
    Optional<PortMapping> port =
        dep.containerPorts().stream().filter(p -> p.protocol().equals("tcp")).findFirst();
    String what = dep.name() + port.map(p -> ":" + p.target()).orElse("");
    // No extra image: the waiter's own image is already on the node. nc covers alpine/busybox
    // images,
    // bash's /dev/tcp the Debian/Ubuntu ones; a portless dependency has a headless Service whose
    // name
    // resolves only once a pod is ready.
    String check =
        port.map(
                p ->
                    "nc -z -w 2 "
                        + dep.name()
                        + " "
                        + p.target()
                        + " 2>/dev/null || bash -c 'exec 3<>/dev/tcp/"
                        + dep.name()
                        + "/"
                        + p.target()
                        + "' 2>/dev/null")
            .orElse(
                "getent hosts "
                    + dep.name()
                    + " >/dev/null 2>&1 || nslookup "
                    + dep.name()
                    + " >/dev/null 2>&1");
    String tools = port.isPresent() ? "nc nor bash" : "getent nor nslookup";
    String guard =
        port.isPresent()
            ? "command -v nc >/dev/null || command -v bash >/dev/null"
            : "command -v getent >/dev/null || command -v nslookup >/dev/null";
    String script =
        guard
            + " || { echo 'wait-for-"
            + dep.name()
            + ": the image has neither "
            + tools
            + "; set x-k8s.wait-image' >&2; exit 1; }\n"
            + "until "
            + check
            + "; do echo 'waiting for "
            + what
            + " to be ready'; sleep 2; done\n"
            + "echo '"
            + what
            + " is ready'\n";
    V1Container c =
        new V1Container()
            .name("wait-for-" + dep.name())
            .image(waiter.hints().waitImage().orElse(image(waiter)))
            .imagePullPolicy(pullPolicy(waiter))
            .command(List.of("sh", "-c", script));
    SecurityContexts.of(waiter, diag).ifPresent(c::setSecurityContext);
    return c;
  }

  private V1Container container(ComposeService s, boolean main, Map<String, V1Volume> volumes) {
    V1Container c = new V1Container().name(s.name()).image(image(s)).imagePullPolicy(pullPolicy(s));
    if (!s.entrypoint().isEmpty()) {
      c.setCommand(s.entrypoint());
    }
    if (!s.command().isEmpty()) {
      c.setArgs(s.command());
    }
    List<V1EnvFromSource> envFrom = new ArrayList<>();
    if (!ConfigBuilder.plainEnv(s).isEmpty()) {
      envFrom.add(
          new V1EnvFromSource()
              .configMapRef(new V1ConfigMapEnvSource().name(ConfigBuilder.envConfigMapName(s))));
    }
    if (!ConfigBuilder.secretKeys(s).isEmpty()) {
      envFrom.add(
          new V1EnvFromSource()
              .secretRef(new V1SecretEnvSource().name(Manifests.secretName(s.name()))));
    }
    if (!envFrom.isEmpty()) {
      c.setEnvFrom(envFrom);
    }
    if (main) {
      for (PortMapping p : s.containerPorts()) {
        c.addPortsItem(
            new V1ContainerPort()
                .containerPort(p.target())
                .protocol(p.protocol().toUpperCase())
                .name(ServiceBuilder.portName(p)));
      }
      ProbeBuilder.apply(s, c);
    }
    resources(s).ifPresent(c::setResources);
    SecurityContexts.of(s, diag).ifPresent(c::setSecurityContext);
    s.workingDir().ifPresent(c::setWorkingDir);
    if (s.tty()) {
      c.setTty(true);
    }
    if (s.stdinOpen()) {
      c.setStdin(true);
    }
    List<V1VolumeMount> mounts = mounts(s, volumes);
    if (!mounts.isEmpty()) {
      c.setVolumeMounts(mounts);
    }
    return c;
  }

  private List<V1VolumeMount> mounts(ComposeService s, Map<String, V1Volume> volumes) {
    List<V1VolumeMount> mounts = new ArrayList<>();
    for (ConfigBuilder.FileMount f : grantMounts.getOrDefault(s.name(), List.of())) {
      volumes.put(f.volume().getName(), f.volume());
      mounts.add(f.mount());
    }
    s.isolation()
        .shmSize()
        .ifPresent(
            size -> {
              // Docker gives /dev/shm its own tmpfs of shm_size; a memory emptyDir is the same
              String name = Names.dnsLabel(s.name() + "-shm");
              volumes.put(
                  name,
                  new V1Volume()
                      .name(name)
                      .emptyDir(
                          new V1EmptyDirVolumeSource()
                              .medium("Memory")
                              .sizeLimit(new Quantity(size))));
              mounts.add(new V1VolumeMount().name(name).mountPath("/dev/shm"));
            });
    for (VolumeMount v : s.volumes()) {
      switch (v.type()) {
        case VolumeMount.NAMED -> {
          String name = Names.dnsLabel(v.source());
          if (!plan.ownsClaimTemplate(s.name(), v.source())) {
            String claim =
                Optional.ofNullable(project.volumes().get(v.source()))
                    .map(NamedVolume::claimName)
                    .orElse(name);
            volumes.put(
                name,
                new V1Volume()
                    .name(name)
                    .persistentVolumeClaim(
                        new V1PersistentVolumeClaimVolumeSource().claimName(claim)));
          }
          mounts.add(readOnly(new V1VolumeMount().name(name).mountPath(v.target()), v.readOnly()));
        }
        case VolumeMount.BIND ->
            fileMounts.getOrDefault(s.name(), List.of()).stream()
                .filter(f -> f.mount().getMountPath().equals(v.target()))
                .findFirst()
                .ifPresent(
                    f -> {
                      volumes.put(f.volume().getName(), f.volume());
                      mounts.add(f.mount());
                    });
        default -> {
          String name =
              Names.dnsLabel(
                  s.name()
                      + "-"
                      + (v.type().equals(VolumeMount.TMPFS) ? "tmpfs" : "data")
                      + "-"
                      + v.target());
          V1EmptyDirVolumeSource dir = new V1EmptyDirVolumeSource();
          if (v.type().equals(VolumeMount.TMPFS)) {
            dir.setMedium("Memory");
          }
          volumes.put(name, new V1Volume().name(name).emptyDir(dir));
          mounts.add(readOnly(new V1VolumeMount().name(name).mountPath(v.target()), v.readOnly()));
        }
      }
    }
    return mounts;
  }

  private static V1VolumeMount readOnly(V1VolumeMount m, boolean readOnly) {
    return readOnly ? m.readOnly(true) : m;
  }

  String image(ComposeService s) {
    // Compose names an image built without image: as <project>-<service>.
    return s.image().orElse(project.name() + "-" + s.name());
  }

  /**
   * kompose label / x-k8s first, then compose pull_policy; IfNotPresent so kind-loaded images are
   * used.
   */
  static String pullPolicy(ComposeService s) {
    return s.hints()
        .imagePullPolicy()
        .orElseGet(
            () ->
                switch (s.pullPolicy().orElse("missing")) {
                  case "always" -> "Always";
                  case "never" -> "Never";
                  default -> "IfNotPresent";
                });
  }

  private static Optional<V1ResourceRequirements> resources(ComposeService s) {
    if (s.resources().isEmpty()) {
      return Optional.empty();
    }
    Map<String, Quantity> limits = new TreeMap<>();
    Map<String, Quantity> requests = new TreeMap<>();
    s.resources().cpuLimit().ifPresent(v -> limits.put("cpu", new Quantity(v)));
    s.resources().memoryLimit().ifPresent(v -> limits.put("memory", new Quantity(v)));
    s.resources().cpuRequest().ifPresent(v -> requests.put("cpu", new Quantity(v)));
    s.resources().memoryRequest().ifPresent(v -> requests.put("memory", new Quantity(v)));
    V1ResourceRequirements r = new V1ResourceRequirements();
    if (!limits.isEmpty()) {
      r.setLimits(limits);
    }
    if (!requests.isEmpty()) {
      r.setRequests(requests);
    }
    return Optional.of(r);
  }
}
