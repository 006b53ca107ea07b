package dev.zerotorunning.k8s.overlay;

import dev.zerotorunning.k8s.build.KubeObject;
import dev.zerotorunning.k8s.build.Labels;
import dev.zerotorunning.k8s.model.ComposeProject;
import dev.zerotorunning.k8s.model.ComposeService;
import dev.zerotorunning.k8s.model.Dependency;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1NetworkPolicyIngressRule;
import io.kubernetes.client.openapi.models.V1NetworkPolicyPeer;
import io.kubernetes.client.openapi.models.V1NetworkPolicyPort;
import io.kubernetes.client.openapi.models.V1NetworkPolicySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Ingress NetworkPolicies from who talks to whom in the compose file: every pod of the namespace
 * denies incoming traffic, then each Service's pods accept it on their ports from the services that
 * depend on them or dial them ({@code db:5432} in an environment value or a command). A published
 * service accepts it from anywhere (the Ingress controller lives in another namespace). Egress
 * stays open: the Job waits call the API server, whose address differs per cluster.
 */
final class NetworkPolicies {
  static final String DEFAULT_DENY = "default-deny-ingress";

  private final ComposeProject project;
  private final Labels labels;

  NetworkPolicies(ComposeProject project, Labels labels) {
    this.project = project;
    this.labels = labels;
  }

  List<KubeObject> build(BaseView base, String namespace) {
    List<KubeObject> out = new ArrayList<>();
    out.add(
        policy(
            DEFAULT_DENY,
            namespace,
            "network",
            new V1NetworkPolicySpec()
                .podSelector(new V1LabelSelector())
                .policyTypes(List.of("Ingress"))));
    for (BaseView.Node service : base.ofKind("Service")) {
      String name = service.name();
      List<V1NetworkPolicyPort> ports = new ArrayList<>();
      for (Map<String, Object> p : BaseView.list(service.tree(), "spec", "ports")) {
        ports.add(
            new V1NetworkPolicyPort()
                .protocol(String.valueOf(p.getOrDefault("protocol", "TCP")))
                .port(targetPort(p.get("targetPort"))));
      }
      V1NetworkPolicyIngressRule rule = new V1NetworkPolicyIngressRule().ports(ports);
      if (!published(name)) {
        Set<String> clients = clientsOf(name);
        if (clients.isEmpty()) {
          continue; // nobody dials it: the default deny is the whole policy
        }
        clients.forEach(
            c ->
                rule.addFromItem(
                    new V1NetworkPolicyPeer()
                        .podSelector(new V1LabelSelector().matchLabels(labels.selector(c)))));
      }
      out.add(
          policy(
              "allow-to-" + name,
              namespace,
              "network",
              new V1NetworkPolicySpec()
                  .podSelector(new V1LabelSelector().matchLabels(selector(service)))
                  .policyTypes(List.of("Ingress"))
                  .ingress(List.of(rule))));
    }
    return out;
  }

  /** Services that depend on {@code server} or name {@code server:<port>} in what they run. */
  Set<String> clientsOf(String server) {
    Pattern dial =
        Pattern.compile("(?<![A-Za-z0-9_.-])" + Pattern.quote(server) + ":[0-9]{1,5}(?![0-9])");
    Set<String> clients = new TreeSet<>();
    for (ComposeService s : project.services()) {
      if (s.name().equals(server)) {
        continue;
      }
      boolean depends = s.dependsOn().stream().map(Dependency::service).anyMatch(server::equals);
      List<String> texts = new ArrayList<>(s.environment().values());
      texts.addAll(s.command());
      texts.addAll(s.entrypoint());
      boolean dials = texts.stream().anyMatch(t -> t != null && dial.matcher(t).find());
      if (depends || dials) {
        clients.add(s.name());
      }
    }
    return clients;
  }

  private boolean published(String service) {
    return project
        .service(service)
        .map(s -> s.ports().stream().anyMatch(p -> p.published().isPresent()))
        .orElse(false);
  }

  private static Map<String, String> selector(BaseView.Node service) {
    Map<String, String> out = new java.util.TreeMap<>();
    BaseView.map(service.tree(), "spec", "selector")
        .forEach((k, v) -> out.put(k, String.valueOf(v)));
    return out;
  }

  private static IntOrString targetPort(Object raw) {
    String s = String.valueOf(raw);
    return s.matches("[0-9]+") ? new IntOrString(Integer.parseInt(s)) : new IntOrString(s);
  }

  private KubeObject policy(
      String name, String namespace, String component, V1NetworkPolicySpec spec) {
    return new KubeObject(
        "NetworkPolicy",
        name,
        new V1NetworkPolicy()
            .apiVersion("networking.k8s.io/v1")
            .kind("NetworkPolicy")
            .metadata(labels.meta(name, namespace, name, component))
            .spec(spec));
  }
}
