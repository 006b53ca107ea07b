package dev.zerotorunning.k8s.local;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code make status K8S=1}: the table {@code make status} prints for Compose, from {@code kubectl
 * get statefulsets,deployments,jobs,pods -o json}: per workload its state, ready/desired pods,
 * restarts, the time its newest pod took from start to ready (a Job: how long it ran) and its URL.
 */
public final class StatusTable {
  static final List<String> HEADER =
      List.of("SERVICE", "STATE", "READY", "RESTARTS", "READY AFTER", "URL / PORT");
  private static final List<String> KIND_ORDER = List.of("StatefulSet", "Job", "Deployment");

  private StatusTable() {}

  /** The rows, header first; empty when the namespace has no workload. */
  public static List<List<String>> rows(String kubectlJson, Map<String, String> urls) {
    JsonElement root = JsonParser.parseString(kubectlJson);
    if (!root.isJsonObject() || !(root.getAsJsonObject().get("items") instanceof JsonArray items)) {
      throw new IllegalArgumentException(
          "expected the JSON of kubectl get ... -o json on stdin (an object with items)");
    }
    List<JsonObject> pods = new ArrayList<>();
    List<JsonObject> workloads = new ArrayList<>();
    for (JsonElement e : items) {
      JsonObject o = e.getAsJsonObject();
      String kind = str(o, "kind").orElse("");
      if (kind.equals("Pod")) {
        pods.add(o);
      } else if (KIND_ORDER.contains(kind)) {
        workloads.add(o);
      }
    }
    workloads.sort(
        Comparator.comparing((JsonObject o) -> KIND_ORDER.indexOf(str(o, "kind").orElse("")))
            .thenComparing(StatusTable::name));
    List<List<String>> rows = new ArrayList<>();
    if (workloads.isEmpty()) {
      return rows;
    }
    rows.add(HEADER);
    for (JsonObject w : workloads) {
      String name = name(w);
      List<JsonObject> own = pods.stream().filter(p -> name.equals(appName(p))).toList();
      int restarts =
          own.stream()
              .flatMap(p -> array(obj(p, "status"), "containerStatuses").stream())
              .mapToInt(c -> num(c.getAsJsonObject(), "restartCount"))
              .sum();
      String url = urls.getOrDefault(name, "-");
      JsonObject spec = obj(w, "spec");
      JsonObject status = obj(w, "status");
      if (str(w, "kind").orElse("").equals("Job")) {
        int completions = spec.has("completions") ? num(spec, "completions") : 1;
        int succeeded = num(status, "succeeded");
        String state =
            succeeded >= completions
                ? "complete"
                : condition(status, "Failed").isPresent() ? "failed" : "running";
        String ran =
            str(status, "startTime")
                .flatMap(s -> str(status, "completionTime").map(c -> "ran " + between(s, c)))
                .orElse("-");
        rows.add(List.of(name, state, succeeded + "/" + completions, "" + restarts, ran, "-"));
        continue;
      }
      int desired = spec.has("replicas") ? num(spec, "replicas") : 1;
      int ready = num(status, "readyReplicas");
      String state =
          desired == 0
              ? "scaled to 0"
              : ready >= desired ? "running" : waitingReason(own).orElse("starting");
      String readyAfter =
          own.stream()
              .max(Comparator.comparing(p -> str(obj(p, "status"), "startTime").orElse("")))
              .flatMap(StatusTable::timeToReady)
              .orElse("-");
      rows.add(List.of(name, state, ready + "/" + desired, "" + restarts, readyAfter, url));
    }
    return rows;
  }

  /** Columns padded to their widest cell, two spaces apart (as {@code column -t}). */
  public static String format(List<List<String>> rows) {
    int[] widths = new int[HEADER.size()];
    rows.forEach(
        r -> {
          for (int i = 0; i < r.size(); i++) {
            widths[i] = Math.max(widths[i], r.get(i).length());
          }
        });
    StringBuilder out = new StringBuilder();
    for (List<String> r : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < r.size(); i++) {
        line.append(
            i == r.size() - 1 ? r.get(i) : String.format("%-" + (widths[i] + 2) + "s", r.get(i)));
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }

  private static Optional<String> timeToReady(JsonObject pod) {
    JsonObject status = obj(pod, "status");
    return str(status, "startTime")
        .flatMap(
            start ->
                condition(status, "Ready")
                    .filter(c -> str(c, "status").orElse("").equals("True"))
                    .flatMap(c -> str(c, "lastTransitionTime"))
                    .map(t -> between(start, t)));
  }

  /**
   * Why a pod's container waits (CrashLoopBackOff, ErrImageNeverPull ...), init containers first.
   */
  private static Optional<String> waitingReason(List<JsonObject> pods) {
    for (JsonObject p : pods) {
      for (String key : List.of("initContainerStatuses", "containerStatuses")) {
        for (JsonElement c : array(obj(p, "status"), key)) {
          Optional<String> reason =
              str(obj(obj(c.getAsJsonObject(), "state"), "waiting"), "reason")
                  .filter(r -> !r.equals("PodInitializing") && !r.equals("ContainerCreating"));
          if (reason.isPresent()) {
            return reason;
          }
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<JsonObject> condition(JsonObject status, String type) {
    return array(status, "conditions").stream()
        .map(JsonElement::getAsJsonObject)
        .filter(c -> str(c, "type").orElse("").equals(type))
        .findFirst();
  }

  /** "12.3s", as make status prints durations. */
  static String between(String from, String to) {
    long ms = Duration.between(Instant.parse(from), Instant.parse(to)).toMillis();
    return (ms / 1000) + "." + (ms % 1000) / 100 + "s";
  }

  private static String name(JsonObject o) {
    return str(obj(o, "metadata"), "name").orElse("?");
  }

  private static String appName(JsonObject pod) {
    return str(obj(obj(pod, "metadata"), "labels"), "app.kubernetes.io/name").orElse("");
  }

  private static JsonObject obj(JsonObject o, String key) {
    return o != null && o.get(key) instanceof JsonObject j ? j : new JsonObject();
  }

  private static List<JsonElement> array(JsonObject o, String key) {
    List<JsonElement> out = new ArrayList<>();
    if (o.get(key) instanceof JsonArray a) {
      a.forEach(out::add);
    }
    return out;
  }

  private static Optional<String> str(JsonObject o, String key) {
    return o.has(key) && o.get(key).isJsonPrimitive()
        ? Optional.of(o.get(key).getAsString())
        : Optional.empty();
  }

  private static int num(JsonObject o, String key) {
    return o.has(key) && o.get(key).isJsonPrimitive() ? o.get(key).getAsInt() : 0;
  }
}
