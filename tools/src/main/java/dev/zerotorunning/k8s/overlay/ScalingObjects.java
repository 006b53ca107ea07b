package dev.zerotorunning.k8s.overlay;

import dev.zerotorunning.k8s.build.KubeObject;
import dev.zerotorunning.k8s.build.Labels;
import dev.zerotorunning.k8s.model.Environment;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudgetSpec;
import io.kubernetes.client.openapi.models.V2CrossVersionObjectReference;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscalerSpec;
import io.kubernetes.client.openapi.models.V2MetricSpec;
import io.kubernetes.client.openapi.models.V2MetricTarget;
import io.kubernetes.client.openapi.models.V2ResourceMetricSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * For a Deployment that may run more than one copy: a HorizontalPodAutoscaler when the environment
 * asks to autoscale it, and a PodDisruptionBudget whenever it has two or more replicas, so a node
 * drain never takes the last one away.
 */
final class ScalingObjects {
  private final Labels labels;

  ScalingObjects(Labels labels) {
    this.labels = labels;
  }

  List<KubeObject> build(BaseView.Node deployment, String component, Environment.Sizing sizing) {
    List<KubeObject> out = new ArrayList<>();
    String name = deployment.name();
    String namespace = deployment.text("metadata", "namespace");
    sizing
        .autoscale()
        .ifPresent(
            a ->
                out.add(
                    new KubeObject(
                        "HorizontalPodAutoscaler",
                        name,
                        new V2HorizontalPodAutoscaler()
                            .apiVersion("autoscaling/v2")
                            .kind("HorizontalPodAutoscaler")
                            .metadata(meta(name, namespace, component))
                            .spec(
                                new V2HorizontalPodAutoscalerSpec()
                                    .scaleTargetRef(
                                        new V2CrossVersionObjectReference()
                                            .apiVersion("apps/v1")
                                            .kind("Deployment")
                                            .name(name))
                                    .minReplicas(a.min())
                                    .maxReplicas(a.max())
                                    .metrics(List.of(cpu(a.cpuPercent())))))));
    int least = sizing.autoscale().map(Environment.Autoscale::min).or(sizing::replicas).orElse(1);
    if (least >= 2) {
      out.add(
          new KubeObject(
              "PodDisruptionBudget",
              name,
              new V1PodDisruptionBudget()
                  .apiVersion("policy/v1")
                  .kind("PodDisruptionBudget")
                  .metadata(meta(name, namespace, component))
                  .spec(
                      new V1PodDisruptionBudgetSpec()
                          .maxUnavailable(new IntOrString(1))
                          .selector(new V1LabelSelector().matchLabels(selector(deployment))))));
    }
    return out;
  }

  private V1ObjectMeta meta(String name, String namespace, String component) {
    return labels.meta(name, namespace, name, component);
  }

  private static Map<String, String> selector(BaseView.Node deployment) {
    Map<String, String> out = new java.util.TreeMap<>();
    BaseView.map(deployment.tree(), "spec", "selector", "matchLabels")
        .forEach((k, v) -> out.put(k, String.valueOf(v)));
    return out;
  }

  private static V2MetricSpec cpu(int percent) {
    return new V2MetricSpec()
        .type("Resource")
        .resource(
            new V2ResourceMetricSource()
                .name("cpu")
                .target(new V2MetricTarget().type("Utilization").averageUtilization(percent)));
  }
}
