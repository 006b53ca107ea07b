package dev.zerotorunning.stack.workers;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * make workers: each worker that exists and how the rollouts of the last hour spread over them,
 * from one SQL query's JSON (scripts/worker-spread.sql: deployment_steps names the worker that ran
 * each step, rollouts the lease holder). Workers that ran steps but exist no more (scaled down,
 * killed) are listed as gone.
 */
public final class WorkerSpread {
  static final List<String> HEADER =
      List.of(
          "WORKER",
          "CONSUMER NAME",
          "STATE",
          "ROLLOUTS",
          "COMPLETED",
          "FAILED",
          "STEPS",
          "RUNNING NOW");

  /** A worker that exists: its label (worker-1, a pod name), consumer name and state. */
  public record Worker(String label, String consumer, String state) {}

  private WorkerSpread() {}

  /** The table's rows, header first. */
  public static List<List<String>> rows(List<Worker> workers, String spreadJson) {
    JsonObject spread = JsonParser.parseString(spreadJson).getAsJsonObject();
    Map<String, JsonObject> steps = byWorker(spread.get("steps"));
    Map<String, JsonObject> leases = byWorker(spread.get("leases"));
    List<List<String>> rows = new ArrayList<>();
    rows.add(HEADER);
    List<String> known = new ArrayList<>();
    for (Worker w : workers) {
      known.add(w.consumer());
      rows.add(row(w.label(), w.consumer(), w.state(), steps, leases));
    }
    steps.keySet().stream()
        .filter(consumer -> !known.contains(consumer))
        .forEach(consumer -> rows.add(row("(gone)", consumer, "-", steps, leases)));
    return rows;
  }

  /** The closing line: the last hour's totals. */
  public static String totals(String spreadJson) {
    JsonObject t = JsonParser.parseString(spreadJson).getAsJsonObject().getAsJsonObject("totals");
    return "Last hour: "
        + number(t, "requested")
        + " rollouts requested, "
        + number(t, "finished")
        + " finished, "
        + number(t, "waiting")
        + " pending or in progress. A rollout taken over after a worker died counts for both"
        + " workers.";
  }

  private static List<String> row(
      String label,
      String consumer,
      String state,
      Map<String, JsonObject> steps,
      Map<String, JsonObject> leases) {
    JsonObject s = steps.getOrDefault(consumer, new JsonObject());
    JsonObject l = leases.get(consumer);
    return List.of(
        label,
        consumer,
        state,
        number(s, "rollouts"),
        number(s, "completed"),
        number(s, "failed"),
        number(s, "steps"),
        l == null || !l.has("running") ? "-" : l.get("running").getAsString());
  }

  private static Map<String, JsonObject> byWorker(JsonElement array) {
    Map<String, JsonObject> m = new TreeMap<>();
    if (array instanceof JsonArray a) {
      a.forEach(
          e -> {
            JsonObject o = e.getAsJsonObject();
            if (o.has("worker") && !o.get("worker").isJsonNull()) {
              m.put(o.get("worker").getAsString(), o);
            }
          });
    }
    return m;
  }

  private static String number(JsonObject o, String key) {
    return o != null && o.has(key) && !o.get(key).isJsonNull() ? o.get(key).getAsString() : "0";
  }

  /** How to make rollouts to watch them spread: nine POSTs with curl, against API_BASE_URL. */
  public static String rolloutHint(String api) {
    return """
    Create rollouts to watch them spread (or use the dashboard's form), then: make workers
      for i in $(seq 9); do curl -s -o /dev/null -X POST %s/deployments -H 'Content-Type: application/json' \\
        -d '{"service":"api","environment":"staging","version":"v1.0.'$i'","deployed_by":"you@example.com"}'; done
    """
        .formatted(api);
  }
}
