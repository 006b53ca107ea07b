package dev.zerotorunning.k8s.validate;

import com.google.gson.JsonElement;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Role;
import io.kubernetes.client.openapi.models.V1RoleBinding;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks an object against the Kubernetes API schema through the official client's generated {@code
 * validateJsonElement}: an unknown field (a typo such as {@code contianers}) or a missing required
 * field fails, with the path-free message the client produces, prefixed by our file name.
 */
public final class SchemaValidator {
  private SchemaValidator() {}

  /** apiVersion/kind to the generated model class whose schema applies. */
  private static final Map<String, Class<?>> MODELS =
      Map.ofEntries(
          Map.entry("v1/Namespace", V1Namespace.class),
          Map.entry("v1/ConfigMap", V1ConfigMap.class),
          Map.entry("v1/Secret", V1Secret.class),
          Map.entry("v1/Service", V1Service.class),
          Map.entry("v1/ServiceAccount", V1ServiceAccount.class),
          Map.entry("v1/PersistentVolumeClaim", V1PersistentVolumeClaim.class),
          Map.entry("apps/v1/Deployment", V1Deployment.class),
          Map.entry("apps/v1/StatefulSet", V1StatefulSet.class),
          Map.entry("batch/v1/Job", V1Job.class),
          Map.entry("networking.k8s.io/v1/Ingress", V1Ingress.class),
          Map.entry("networking.k8s.io/v1/NetworkPolicy", V1NetworkPolicy.class),
          Map.entry("policy/v1/PodDisruptionBudget", V1PodDisruptionBudget.class),
          Map.entry("autoscaling/v2/HorizontalPodAutoscaler", V2HorizontalPodAutoscaler.class),
          Map.entry("rbac.authorization.k8s.io/v1/Role", V1Role.class),
          Map.entry("rbac.authorization.k8s.io/v1/RoleBinding", V1RoleBinding.class));

  /**
   * @return problems found, empty when the object is valid
   */
  public static List<String> validate(String where, Map<String, Object> tree) {
    List<String> errors = new ArrayList<>();
    String key = tree.get("apiVersion") + "/" + tree.get("kind");
    Class<?> model = MODELS.get(key);
    if (model == null) {
      errors.add(where + ": no schema known for " + key);
      return errors;
    }
    JsonElement json = JSON.getGson().toJsonTree(tree);
    try {
      model.getMethod("validateJsonElement", JsonElement.class).invoke(null, json);
      JSON.getGson()
          .fromJson(json, model); // also catches wrong value types (a string where a number goes)
    } catch (InvocationTargetException e) {
      errors.add(where + ": " + e.getCause().getMessage());
    } catch (RuntimeException e) {
      errors.add(where + ": " + e.getMessage());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
    return errors;
  }
}
