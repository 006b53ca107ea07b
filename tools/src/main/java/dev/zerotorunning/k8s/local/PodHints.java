package dev.zerotorunning.k8s.local;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;

/**
 * Why a pod is not ready, as a hint after its events and logs: read from the waiting reasons of its
 * containers and init containers in {@code kubectl get pod -o json}.
 */
public final class PodHints {
  private PodHints() {}

  /** The waiting reasons of a pod (or of each pod of a list). */
  static List<String> waitingReasons(String podJson) {
    List<String> reasons = new ArrayList<>();
    JsonElement root = podJson.isBlank() ? null : JsonParser.parseString(podJson);
    if (root == null || !root.isJsonObject()) {
      return reasons;
    }
    List<JsonObject> pods = new ArrayList<>();
    if (root.getAsJsonObject().has("items")) {
      root.getAsJsonObject().getAsJsonArray("items").forEach(p -> pods.add(p.getAsJsonObject()));
    } else {
      pods.add(root.getAsJsonObject());
    }
    for (JsonObject pod : pods) {
      JsonObject status = pod.getAsJsonObject("status");
      for (String key : List.of("initContainerStatuses", "containerStatuses")) {
        JsonArray statuses = status == null ? null : status.getAsJsonArray(key);
        if (statuses == null) {
          continue;
        }
        for (JsonElement s : statuses) {
          JsonObject state = s.getAsJsonObject().getAsJsonObject("state");
          JsonObject waiting = state == null ? null : state.getAsJsonObject("waiting");
          if (waiting != null && waiting.has("reason")) {
            reasons.add(waiting.get("reason").getAsString());
          }
        }
      }
    }
    return reasons;
  }

  /** The hint for a pod of {@code service}, generated base directory {@code base}. */
  public static String hint(String podJson, String service, String base) {
    String reasons = String.join(" ", waitingReasons(podJson));
    if (reasons.contains("ImagePull") || reasons.contains("ErrImage")) {
      return "hint: the node cannot get an image. Built images reach it through make dev K8S=1"
          + " (K8S_LOAD_CMD loads them; with K8S_CLUSTER=current set it for minikube or k3d);"
          + " others need the node to reach their registry";
    }
    if (reasons.contains("CrashLoopBackOff")) {
      return "hint: a container keeps exiting; its log is above. make logs K8S=1 SVC="
          + service
          + " follows it";
    }
    if (reasons.contains("CreateContainerConfigError")) {
      return "hint: a ConfigMap or Secret is missing; is .env complete? (make dev K8S=1 writes "
          + base
          + "/secrets/)";
    }
    return "hint: an init container wait-for-<service> still waiting means that service is not"
        + " ready, or that Job has not completed; see its events above. make status K8S=1 shows"
        + " all pods";
  }
}
