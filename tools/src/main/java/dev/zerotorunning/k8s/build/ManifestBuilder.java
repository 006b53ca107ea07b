package dev.zerotorunning.k8s.build;

import dev.zerotorunning.k8s.model.ComposeProject;
import dev.zerotorunning.k8s.model.ComposeService;
import dev.zerotorunning.k8s.model.Diagnostics;
import dev.zerotorunning.k8s.model.NamedVolume;
import dev.zerotorunning.k8s.model.Names;
import dev.zerotorunning.k8s.model.ProjectSettings;
import dev.zerotorunning.k8s.model.VolumeMount;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1DeploymentSpec;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1JobSpec;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaimSpec;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.kubernetes.client.openapi.models.V1StatefulSetSpec;
import io.kubernetes.client.openapi.models.V1VolumeResourceRequirements;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Stage 2: the neutral model to Kubernetes objects, a kustomization and a kind cluster config. */
public final class ManifestBuilder {
  /** PVC size when no kompose.volume.size / x-k8s.volume-size says otherwise. */
  static final String DEFAULT_VOLUME_SIZE = "1Gi";

  static final String CONFIG_HASH_ANNOTATION = "k8s-gen/config-hash";

  /**
   * Names the claims of external volumes a workload mounts: they exist in the cluster already, so
   * the cross-object validation (which sees only files) must not ask for them.
   */
  public static final String EXISTING_CLAIMS_ANNOTATION = "k8s-gen/existing-claims";

  public Manifests build(ComposeProject loaded) {
    Diagnostics diag = loaded.diagnostics();
    ComposeProject withClaims = DataBinds.apply(loaded);
    ComposeProject project =
        PortInference.apply(withClaims, new WorkloadPlan(withClaims, new Diagnostics()));
    String namespace = project.namespace();
    Labels labels = new Labels(project.name());
    WorkloadPlan plan = new WorkloadPlan(project, diag);
    ConfigBuilder configs = new ConfigBuilder(labels, namespace, diag, project.projectDir());
    ServiceBuilder services = new ServiceBuilder(labels, namespace, diag);
    List<KubeObject> objects = new ArrayList<>();
    objects.add(
        new KubeObject(
            "Namespace",
            namespace,
            new V1Namespace()
                .apiVersion("v1")
                .kind("Namespace")
                .metadata(
                    new V1ObjectMeta()
                        .name(namespace)
                        .labels(labels.of(project.name(), "namespace")))));

    Map<String, List<ConfigBuilder.FileMount>> fileMounts = new TreeMap<>();
    Map<String, List<String>> secretKeys = new TreeMap<>();
    for (ComposeService s : project.services()) {
      String component = plan.component(s);
      configs.envConfigMap(s, component).ifPresent(objects::add);
      List<String> secrets = ConfigBuilder.secretKeys(s);
      if (!secrets.isEmpty()) {
        secretKeys.put(s.name(), secrets);
      }
      List<ConfigBuilder.FileMount> mounts = new ArrayList<>();
      for (VolumeMount v : s.volumes()) {
        if (v.type().equals(VolumeMount.BIND)) {
          configs
              .fileMount(s, v, component)
              .ifPresent(
                  m -> {
                    mounts.add(m);
                    objects.add(m.configMap());
                  });
        }
      }
      fileMounts.put(s.name(), mounts);
    }
    FileGrants grants = new FileGrants(project, labels, namespace);
    objects.addAll(grants.configMaps);
    Map<String, List<ConfigBuilder.FileMount>> podFiles = new TreeMap<>();
    fileMounts.forEach(
        (service, mounts) -> {
          List<ConfigBuilder.FileMount> all = new ArrayList<>(mounts);
          all.addAll(grants.mounts.get(service));
          podFiles.put(service, all);
        });
    PodBuilder pods = new PodBuilder(project, plan, fileMounts, grants.mounts, diag);
    for (ComposeService s : project.services()) {
      String component = plan.component(s);
      WorkloadPlan.Role role = plan.role(s.name());
      if (role == WorkloadPlan.Role.INIT_ONLY) {
        continue;
      }
      V1PodTemplateSpec template =
          template(s, pods.podSpec(s), labels, component, hashOf(s, project, plan, podFiles));
      V1ObjectMeta meta = labels.meta(s.name(), namespace, s.name(), component);
      List<String> existing = existingClaims(s, project);
      if (!existing.isEmpty()) {
        meta.putAnnotationsItem(EXISTING_CLAIMS_ANNOTATION, String.join(",", existing));
      }
      V1LabelSelector selector = new V1LabelSelector().matchLabels(labels.selector(s.name()));
      switch (role) {
        case JOB -> objects.add(new KubeObject("Job", s.name(), job(s, meta, template)));
        case STATEFULSET ->
            objects.add(
                new KubeObject(
                    "StatefulSet",
                    s.name(),
                    new V1StatefulSet()
                        .apiVersion("apps/v1")
                        .kind("StatefulSet")
                        .metadata(meta)
                        .spec(
                            new V1StatefulSetSpec()
                                .serviceName(s.name())
                                .replicas(s.replicas().orElse(1))
                                .selector(selector)
                                .template(template)
                                .volumeClaimTemplates(
                                    claimTemplates(s, project, plan, labels, component)))));
        default ->
            objects.add(
                new KubeObject(
                    "Deployment",
                    s.name(),
                    new V1Deployment()
                        .apiVersion("apps/v1")
                        .kind("Deployment")
                        .metadata(meta)
                        .spec(
                            new V1DeploymentSpec()
                                .replicas(s.replicas().orElse(1))
                                .selector(selector)
                                .template(template))));
      }
      if (plan.needsService(s)) {
        objects.add(services.service(s, component));
      }
      if (role != WorkloadPlan.Role.JOB) {
        services.ingress(s, component).ifPresent(objects::add);
      }
    }
    objects.addAll(standaloneClaims(project, plan, labels, namespace));
    objects.addAll(new JobWaits(project, plan).rbac(labels, namespace));
    objects.sort(Comparator.comparing(KubeObject::fileName));
    Map<String, KubeObject> tasks = tasks(project, pods, labels, namespace);
    return new Manifests(
        List.copyOf(objects),
        tasks,
        KustomizeFiles.kustomization(
            project,
            namespace,
            objects,
            secretKeys,
            grants.secretGenerators(),
            labels,
            plan::component),
        KustomizeFiles.kindConfig(project, services.kindPortMappings()),
        secretKeys,
        grants.secrets,
        namespace,
        diag);
  }

  private static V1PodTemplateSpec template(
      ComposeService s, V1PodSpec pod, Labels labels, String component, String hash) {
    Map<String, String> annotations = new TreeMap<>(s.labels());
    annotations.putAll(s.hints().podAnnotations());
    if (hash != null) {
      annotations.put(CONFIG_HASH_ANNOTATION, hash);
    }
    return new V1PodTemplateSpec()
        .metadata(
            new V1ObjectMeta().labels(labels.of(s.name(), component)).annotations(annotations))
        .spec(pod);
  }

  /**
   * Hash of every ConfigMap the pod reads (its own and its init one-shots'); null when it reads
   * none.
   */
  private static String hashOf(
      ComposeService s,
      ComposeProject project,
      WorkloadPlan plan,
      Map<String, List<ConfigBuilder.FileMount>> fileMounts) {
    List<Map<String, String>> parts =
        new ArrayList<>(
            ConfigBuilder.hashInputs(ConfigBuilder.plainEnv(s), fileMounts.get(s.name())));
    s.dependsOn().stream()
        .map(d -> project.service(d.service()).orElseThrow())
        .filter(d -> plan.role(d.name()) == WorkloadPlan.Role.INIT_ONLY)
        .sorted(Comparator.comparing(ComposeService::name))
        .forEach(
            d ->
                parts.addAll(
                    ConfigBuilder.hashInputs(ConfigBuilder.plainEnv(d), fileMounts.get(d.name()))));
    return parts.stream().allMatch(Map::isEmpty) ? null : ConfigBuilder.hash(parts);
  }

  /** restart "no" means no retry; on-failure:N allows N; otherwise Kubernetes' default of 6. */
  private static V1Job job(ComposeService s, V1ObjectMeta meta, V1PodTemplateSpec template) {
    String restart = s.restart().orElse("no");
    int backoff =
        restart.equals("no")
            ? 0
            : restart.startsWith("on-failure:") ? Integer.parseInt(restart.substring(11)) : 6;
    template.getSpec().setRestartPolicy("Never");
    return new V1Job()
        .apiVersion("batch/v1")
        .kind("Job")
        .metadata(meta)
        .spec(new V1JobSpec().backoffLimit(backoff).template(template));
  }

  private static List<String> existingClaims(ComposeService s, ComposeProject project) {
    return s.volumes().stream()
        .filter(v -> v.type().equals(VolumeMount.NAMED))
        .map(v -> project.volumes().get(v.source()))
        .filter(v -> v != null && v.external())
        .map(NamedVolume::claimName)
        .distinct()
        .sorted()
        .toList();
  }

  private static List<V1PersistentVolumeClaim> claimTemplates(
      ComposeService s,
      ComposeProject project,
      WorkloadPlan plan,
      Labels labels,
      String component) {
    List<V1PersistentVolumeClaim> claims = new ArrayList<>();
    s.volumes().stream()
        .filter(
            v -> v.type().equals(VolumeMount.NAMED) && plan.ownsClaimTemplate(s.name(), v.source()))
        .map(VolumeMount::source)
        .distinct()
        .sorted()
        .forEach(
            v ->
                claims.add(
                    claim(v, Optional.of(s), project, labels.of(s.name(), component), null)));
    return claims.isEmpty() ? null : claims;
  }

  private static List<KubeObject> standaloneClaims(
      ComposeProject project, WorkloadPlan plan, Labels labels, String namespace) {
    Map<String, ComposeService> firstUser = new TreeMap<>();
    for (ComposeService s : project.services()) {
      s.volumes().stream()
          .filter(
              v ->
                  v.type().equals(VolumeMount.NAMED)
                      && !plan.ownsClaimTemplate(s.name(), v.source()))
          .forEach(v -> firstUser.putIfAbsent(v.source(), s));
    }
    List<KubeObject> out = new ArrayList<>();
    firstUser.forEach(
        (volume, user) -> {
          NamedVolume declared = project.volumes().get(volume);
          if (declared != null && declared.external()) {
            project
                .diagnostics()
                .note(
                    "(project)",
                    "volume "
                        + volume
                        + " is external: pods mount the existing PersistentVolumeClaim "
                        + declared.claimName()
                        + ", which must exist in namespace "
                        + namespace
                        + " before apply");
            return;
          }
          V1PersistentVolumeClaim pvc =
              claim(
                  volume,
                  Optional.of(user),
                  project,
                  labels.of(Names.dnsLabel(volume), "storage"),
                  namespace);
          out.add(
              new KubeObject(
                  "PersistentVolumeClaim",
                  Names.dnsLabel(volume),
                  pvc.apiVersion("v1").kind("PersistentVolumeClaim")));
        });
    return out;
  }

  /**
   * Size and class: the volume's own kompose labels first, then the service's hints, then defaults.
   */
  private static V1PersistentVolumeClaim claim(
      String volume,
      Optional<ComposeService> user,
      ComposeProject project,
      Map<String, String> claimLabels,
      String namespace) {
    Map<String, String> volumeLabels =
        Optional.ofNullable(project.volumes().get(volume))
            .map(NamedVolume::labels)
            .orElse(Map.of());
    if (!project.volumes().containsKey(volume)) {
      project
          .diagnostics()
          .warning(
              user.map(ComposeService::name).orElse("(project)"),
              "volume " + volume + " is not declared under top-level volumes:");
    }
    String size =
        Optional.ofNullable(volumeLabels.get("kompose.volume.size"))
            .or(() -> user.flatMap(u -> u.hints().volumeSize()))
            .orElse(DEFAULT_VOLUME_SIZE);
    Optional<String> storageClass =
        Optional.ofNullable(volumeLabels.get("kompose.volume.storage-class-name"))
            .or(() -> user.flatMap(u -> u.hints().storageClass()));
    V1PersistentVolumeClaimSpec spec =
        new V1PersistentVolumeClaimSpec()
            .accessModes(List.of("ReadWriteOnce"))
            .resources(
                new V1VolumeResourceRequirements()
                    .requests(new LinkedHashMap<>(Map.of("storage", new Quantity(size)))));
    storageClass.ifPresent(spec::setStorageClassName);
    V1ObjectMeta meta = new V1ObjectMeta().name(Names.dnsLabel(volume)).labels(claimLabels);
    if (namespace != null) {
      meta.setNamespace(namespace);
    }
    return new V1PersistentVolumeClaim().metadata(meta).spec(spec);
  }

  /** x-k8s.tasks: a copy of the service's pod with the task's command as args, run on demand. */
  private static Map<String, KubeObject> tasks(
      ComposeProject project, PodBuilder pods, Labels labels, String namespace) {
    Map<String, KubeObject> tasks = new TreeMap<>();
    for (ProjectSettings.Task t : project.settings().tasks()) {
      ComposeService s =
          project
              .service(t.service())
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "x-k8s.tasks."
                              + t.name()
                              + ": service "
                              + t.service()
                              + " is not defined"));
      V1PodSpec pod = pods.podSpec(s);
      pod.getContainers()
          .get(0)
          .name(Names.dnsLabel(t.name()))
          .args(t.command().isEmpty() ? null : t.command())
          .readinessProbe(null)
          .livenessProbe(null)
          .startupProbe(null)
          .ports(null);
      String name = Names.dnsLabel(t.name());
      V1ObjectMeta meta = labels.meta(name, namespace, name, "task");
      V1PodTemplateSpec template =
          new V1PodTemplateSpec()
              .metadata(new V1ObjectMeta().labels(labels.of(name, "task")))
              .spec(pod);
      V1Job job = job(s, meta, template);
      job.getSpec().setBackoffLimit(0);
      tasks.put(name, new KubeObject("Job", name, job));
    }
    return tasks;
  }
}
