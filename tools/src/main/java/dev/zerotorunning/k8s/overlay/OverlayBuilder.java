package dev.zerotorunning.k8s.overlay;

import dev.zerotorunning.k8s.build.KubeObject;
import dev.zerotorunning.k8s.build.Labels;
import dev.zerotorunning.k8s.build.Manifests;
import dev.zerotorunning.k8s.emit.OutputTree;
import dev.zerotorunning.k8s.model.ComposeProject;
import dev.zerotorunning.k8s.model.ComposeService;
import dev.zerotorunning.k8s.model.Diagnostics;
import dev.zerotorunning.k8s.model.Environment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Stage 2b: one kustomize overlay per {@code x-k8s.environments} entry over the generated base.
 * Each adds what a shared cluster needs and a laptop does not: sizes, autoscalers and disruption
 * budgets, hardened security contexts, network policies, and an Ingress with TLS in place of the
 * kind NodePorts.
 */
public final class OverlayBuilder {

  public List<Overlay> build(ComposeProject project, Manifests manifests) {
    List<Overlay> out = new ArrayList<>();
    for (Environment env : project.settings().environments().values()) {
      out.add(build(project, manifests, env));
    }
    return out;
  }

  private Overlay build(ComposeProject project, Manifests manifests, Environment env) {
    Diagnostics diag = project.diagnostics();
    Labels labels = new Labels(project.name());
    BaseView base = new BaseView(manifests.objects());
    String scope = "x-k8s.environments." + env.name();
    env.sizes().keySet().stream()
        .filter(s -> project.service(s).isEmpty())
        .forEach(
            s -> diag.unsupported("(project)", scope + ".services." + s + ": no such service"));
    WorkloadPatches workloads = new WorkloadPatches(diag);
    ScalingObjects scaling = new ScalingObjects(labels);
    List<KubeObject> objects = new ArrayList<>();
    Map<String, Map<String, Object>> patches = new TreeMap<>();
    TreeSet<String> builtImages = new TreeSet<>();
    for (BaseView.Node w : base.workloads()) {
      String serviceName = String.valueOf(w.podLabels().get(Labels.NAME));
      Optional<ComposeService> service = project.service(serviceName);
      if (service.isEmpty()) {
        continue;
      }
      Optional<Environment.Sizing> sizing = Optional.ofNullable(env.sizes().get(serviceName));
      sizing.ifPresent(s -> checkAutoscale(scope + ".services." + serviceName, s, w));
      patches.put(patchFile(w), workloads.patch(w, service.get(), sizing));
      if (w.kind().equals("Deployment")) {
        sizing.ifPresent(
            s ->
                objects.addAll(
                    scaling.build(w, w.text("metadata", "labels", Labels.COMPONENT), s)));
      }
    }
    // Images this project builds (a build: section, or pull_policy: never) come from a registry
    // there.
    project.services().stream()
        .filter(s -> s.hasBuild() || s.pullPolicy().filter("never"::equalsIgnoreCase).isPresent())
        .flatMap(s -> s.image().stream())
        .forEach(i -> builtImages.add(imageName(i)));
    objects.addAll(new NetworkPolicies(project, labels).build(base, manifests.namespace()));
    List<BaseView.Node> published =
        base.ofKind("Service").stream()
            .filter(s -> "NodePort".equals(s.text("spec", "type")))
            .toList();
    objects.addAll(new IngressTls(labels, diag).build(env, published));
    if (env.registry().isEmpty() && !builtImages.isEmpty()) {
      diag.note(
          "(project)",
          scope
              + " has no registry: the images this project builds ("
              + String.join(", ", builtImages)
              + ") keep their local names there");
    }
    return new Overlay(
        env.name(),
        kustomization(manifests.namespace(), env, objects, patches, published, builtImages),
        objects,
        patches);
  }

  private static void checkAutoscale(String path, Environment.Sizing s, BaseView.Node w) {
    if (s.autoscale().isEmpty()) {
      return;
    }
    if (!w.kind().equals("Deployment")) {
      throw new IllegalArgumentException(
          path
              + ".autoscale: only a Deployment autoscales here, and "
              + w.name()
              + " is a "
              + w.kind());
    }
    if (!s.requests().containsKey("cpu")) {
      throw new IllegalArgumentException(
          path + ".autoscale needs requests.cpu (the CPU target is a share of the request)");
    }
  }

  private static Map<String, Object> kustomization(
      String namespace,
      Environment env,
      List<KubeObject> objects,
      Map<String, Map<String, Object>> patches,
      List<BaseView.Node> published,
      TreeSet<String> builtImages) {
    Map<String, Object> k = new LinkedHashMap<>();
    k.put("apiVersion", "kustomize.config.k8s.io/v1beta1");
    k.put("kind", "Kustomization");
    k.put("namespace", namespace);
    List<String> resources = new ArrayList<>();
    resources.add("../../" + OutputTree.BASE.replace("/", ""));
    objects.stream().map(KubeObject::fileName).sorted().forEach(resources::add);
    k.put("resources", resources);
    List<Map<String, Object>> patchList = new ArrayList<>();
    patches.keySet().forEach(f -> patchList.add(Map.of("path", f)));
    for (BaseView.Node service : published) {
      patchList.add(
          Map.of(
              "target",
              Map.of("kind", "Service", "name", service.name()),
              "patch",
              clusterIp(service)));
    }
    k.put("patches", patchList);
    env.registry()
        .ifPresent(
            registry -> {
              List<Map<String, Object>> images = new ArrayList<>();
              builtImages.forEach(
                  i -> images.add(Map.of("name", i, "newName", registry + "/" + i)));
              if (!images.isEmpty()) {
                k.put("images", images);
              }
            });
    return k;
  }

  /** A JSON patch: the kind NodePort becomes a ClusterIP behind the Ingress. */
  private static String clusterIp(BaseView.Node service) {
    StringBuilder ops =
        new StringBuilder("- op: replace\n  path: /spec/type\n  value: ClusterIP\n");
    List<Map<String, Object>> ports = BaseView.list(service.tree(), "spec", "ports");
    for (int i = 0; i < ports.size(); i++) {
      if (ports.get(i).containsKey("nodePort")) {
        ops.append("- op: remove\n  path: /spec/ports/").append(i).append("/nodePort\n");
      }
    }
    return ops.toString();
  }

  static String patchFile(BaseView.Node w) {
    return Overlay.PATCH_PREFIX + w.kind().toLowerCase(Locale.ROOT) + "-" + w.name() + ".yaml";
  }

  private static String imageName(String image) {
    int slash = image.lastIndexOf('/');
    int colon = image.lastIndexOf(':');
    return colon > slash ? image.substring(0, colon) : image;
  }
}
