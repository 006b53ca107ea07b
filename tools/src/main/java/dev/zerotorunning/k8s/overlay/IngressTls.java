package dev.zerotorunning.k8s.overlay;

import dev.zerotorunning.k8s.build.KubeObject;
import dev.zerotorunning.k8s.build.Labels;
import dev.zerotorunning.k8s.model.Diagnostics;
import dev.zerotorunning.k8s.model.Environment;
import io.kubernetes.client.openapi.models.V1HTTPIngressPath;
import io.kubernetes.client.openapi.models.V1HTTPIngressRuleValue;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1IngressBackend;
import io.kubernetes.client.openapi.models.V1IngressRule;
import io.kubernetes.client.openapi.models.V1IngressServiceBackend;
import io.kubernetes.client.openapi.models.V1IngressSpec;
import io.kubernetes.client.openapi.models.V1IngressTLS;
import io.kubernetes.client.openapi.models.V1ServiceBackendPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The published services, reached through an Ingress with TLS on the environment's host instead of
 * the kind NodePorts: one service gets the host itself, several get {@code <service>.<host>}. The
 * certificate's Secret is not generated (cert-manager or the platform team makes it): the overlay
 * names it.
 */
final class IngressTls {
  private final Labels labels;
  private final Diagnostics diag;

  IngressTls(Labels labels, Diagnostics diag) {
    this.labels = labels;
    this.diag = diag;
  }

  List<KubeObject> build(Environment env, List<BaseView.Node> publishedServices) {
    List<KubeObject> out = new ArrayList<>();
    if (env.host().isEmpty()) {
      if (!publishedServices.isEmpty()) {
        diag.note(
            "(project)",
            "x-k8s.environments." + env.name() + " has no host, so its overlay has no Ingress");
      }
      return out;
    }
    boolean several = publishedServices.size() > 1;
    for (BaseView.Node service : publishedServices) {
      String name = service.name();
      String host = several ? name + "." + env.host().get() : env.host().get();
      String secret = env.tlsSecret().map(s -> several ? name + "-" + s : s).orElse(name + "-tls");
      List<Map<String, Object>> ports = BaseView.list(service.tree(), "spec", "ports");
      if (ports.isEmpty()) {
        continue;
      }
      int port = ((Number) ports.get(0).get("port")).intValue();
      V1IngressSpec spec =
          new V1IngressSpec()
              .tls(List.of(new V1IngressTLS().hosts(List.of(host)).secretName(secret)))
              .rules(
                  List.of(
                      new V1IngressRule()
                          .host(host)
                          .http(
                              new V1HTTPIngressRuleValue()
                                  .paths(
                                      List.of(
                                          new V1HTTPIngressPath()
                                              .path("/")
                                              .pathType("Prefix")
                                              .backend(
                                                  new V1IngressBackend()
                                                      .service(
                                                          new V1IngressServiceBackend()
                                                              .name(name)
                                                              .port(
                                                                  new V1ServiceBackendPort()
                                                                      .number(port)))))))));
      env.ingressClass().ifPresent(spec::ingressClassName);
      out.add(
          new KubeObject(
              "Ingress",
              name,
              new V1Ingress()
                  .apiVersion("networking.k8s.io/v1")
                  .kind("Ingress")
                  .metadata(
                      labels.meta(
                          name,
                          service.text("metadata", "namespace"),
                          name,
                          service.text("metadata", "labels", Labels.COMPONENT)))
                  .spec(spec)));
    }
    return out;
  }
}
