package dev.zerotorunning.k8s.build;

import dev.zerotorunning.k8s.model.ComposeService;
import dev.zerotorunning.k8s.model.Diagnostics;
import dev.zerotorunning.k8s.model.PortMapping;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.models.V1HTTPIngressPath;
import io.kubernetes.client.openapi.models.V1HTTPIngressRuleValue;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1IngressBackend;
import io.kubernetes.client.openapi.models.V1IngressRule;
import io.kubernetes.client.openapi.models.V1IngressServiceBackend;
import io.kubernetes.client.openapi.models.V1IngressSpec;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceBackendPort;
import io.kubernetes.client.openapi.models.V1ServicePort;
import io.kubernetes.client.openapi.models.V1ServiceSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * One Service per long-running compose service, named like it so {@code db:5432} resolves as in
 * Compose. Service ports are the container ports (what other services dial); published ports add a
 * NodePort and a kind {@code extraPortMappings} entry so {@code localhost:<published>} works as
 * with Compose.
 */
final class ServiceBuilder {
  static final int NODE_PORT_MIN = 30000;
  static final int NODE_PORT_MAX = 32767;

  private final Labels labels;
  private final String namespace;
  private final Diagnostics diag;
  private final TreeSet<Integer> usedNodePorts = new TreeSet<>();
  private final List<Map<String, Object>> portMappings = new ArrayList<>();

  ServiceBuilder(Labels labels, String namespace, Diagnostics diag) {
    this.labels = labels;
    this.namespace = namespace;
    this.diag = diag;
  }

  /** IANA-style port name (at most 15 chars, has a letter): "tcp-8080". */
  static String portName(PortMapping p) {
    return p.name()
        .filter(n -> n.matches("[a-z0-9]([a-z0-9-]{0,13}[a-z0-9])?") && n.matches(".*[a-z].*"))
        .orElse(p.protocol() + "-" + p.target());
  }

  KubeObject service(ComposeService s, String component) {
    List<PortMapping> ports = s.containerPorts();
    String type = s.hints().serviceType().orElse(s.hasPublishedPorts() ? "NodePort" : "ClusterIP");
    V1ServiceSpec spec = new V1ServiceSpec().selector(labels.selector(s.name()));
    if (ports.isEmpty() || type.equals("Headless")) {
      // Headless: the name still resolves (to ready pods only), like a portless service in Compose.
      spec.setClusterIP("None");
    } else {
      spec.setType(type);
    }
    boolean firstNodePort = true;
    for (PortMapping p : ports) {
      V1ServicePort sp =
          new V1ServicePort()
              .name(portName(p))
              .port(p.target())
              .targetPort(new IntOrString(portName(p)))
              .protocol(p.protocol().toUpperCase());
      Optional<PortMapping> published =
          s.ports().stream()
              .filter(q -> q.sameContainerPort(p) && q.published().isPresent())
              .findFirst();
      if (published.isPresent() && type.equals("NodePort")) {
        int nodePort =
            allocate(s, published.get(), firstNodePort ? s.hints().nodePort() : Optional.empty());
        firstNodePort = false;
        sp.setNodePort(nodePort);
        kindMapping(s, published.get(), nodePort);
      } else if (published.isPresent()) {
        diag.note(
            s.name(),
            "port "
                + published.get().published().get()
                + " not published on kind: service type is "
                + type);
      }
      spec.addPortsItem(sp);
    }
    List<PortMapping> seen = new ArrayList<>();
    for (PortMapping p : s.ports()) {
      if (p.published().isPresent() && seen.stream().anyMatch(q -> q.sameContainerPort(p))) {
        diag.unsupported(
            s.name(),
            "container port "
                + p.target()
                + " is published twice; only the first host port "
                + "is mapped");
      }
      p.published().ifPresent(x -> seen.add(p));
    }
    V1Service svc =
        new V1Service()
            .apiVersion("v1")
            .kind("Service")
            .metadata(labels.meta(s.name(), namespace, s.name(), component))
            .spec(spec);
    return new KubeObject("Service", s.name(), svc);
  }

  /**
   * An explicit node port, else the published port when it is in range, else a stable derived one.
   */
  private int allocate(ComposeService s, PortMapping published, Optional<Integer> explicit) {
    int wanted =
        explicit.orElseGet(
            () -> {
              int p = published.published().get();
              return p >= NODE_PORT_MIN && p <= NODE_PORT_MAX
                  ? p
                  : NODE_PORT_MIN + p % (NODE_PORT_MAX - NODE_PORT_MIN + 1);
            });
    if (wanted < NODE_PORT_MIN || wanted > NODE_PORT_MAX) {
      throw new IllegalArgumentException(
          s.name() + ": node port " + wanted + " is outside 30000-32767");
    }
    int port = wanted;
    while (usedNodePorts.contains(port)) {
      port = port == NODE_PORT_MAX ? NODE_PORT_MIN : port + 1;
    }
    usedNodePorts.add(port);
    return port;
  }

  private void kindMapping(ComposeService s, PortMapping published, int nodePort) {
    String listen =
        published.hostIp().filter(ip -> !ip.isEmpty() && !ip.equals("0.0.0.0")).orElse("127.0.0.1");
    if (published.hostIp().isEmpty() || published.hostIp().get().equals("0.0.0.0")) {
      diag.note(
          s.name(), "port " + published.published().get() + " listens on 127.0.0.1 only on kind");
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("containerPort", nodePort);
    m.put("hostPort", published.published().get());
    m.put("listenAddress", listen);
    m.put("protocol", published.protocol().toUpperCase());
    portMappings.add(m);
  }

  Optional<KubeObject> ingress(ComposeService s, String component) {
    if (s.hints().exposeHosts().isEmpty()) {
      return Optional.empty();
    }
    Optional<PortMapping> port = s.containerPorts().stream().findFirst();
    if (port.isEmpty()) {
      diag.unsupported(s.name(), "kompose.service.expose on a service without ports");
      return Optional.empty();
    }
    V1IngressSpec spec = new V1IngressSpec();
    s.hints().ingressClass().ifPresent(spec::setIngressClassName);
    for (String hostAndPath : s.hints().exposeHosts()) {
      int slash = hostAndPath.indexOf('/');
      String host = slash < 0 ? hostAndPath : hostAndPath.substring(0, slash);
      String path = slash < 0 ? "/" : hostAndPath.substring(slash);
      V1IngressRule rule =
          new V1IngressRule()
              .http(
                  new V1HTTPIngressRuleValue()
                      .addPathsItem(
                          new V1HTTPIngressPath()
                              .path(path)
                              .pathType("Prefix")
                              .backend(
                                  new V1IngressBackend()
                                      .service(
                                          new V1IngressServiceBackend()
                                              .name(s.name())
                                              .port(
                                                  new V1ServiceBackendPort()
                                                      .number(port.get().target()))))));
      if (!host.isEmpty()) {
        rule.setHost(host);
      }
      spec.addRulesItem(rule);
    }
    V1Ingress ingress =
        new V1Ingress()
            .apiVersion("networking.k8s.io/v1")
            .kind("Ingress")
            .metadata(labels.meta(s.name(), namespace, s.name(), component))
            .spec(spec);
    return Optional.of(new KubeObject("Ingress", s.name(), ingress));
  }

  List<Map<String, Object>> kindPortMappings() {
    return portMappings;
  }
}
