package dev.zerotorunning.k8s;

import com.google.gson.Gson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The API server behind the fake kubectl's {@code apply}: reads what kustomize rendered (stdin) and
 * keeps just enough state in files to tell old pods from new. A Deployment or StatefulSet whose pod
 * template changed rolls: its pods get the next generation ({@code pods}: "name generation image=id
 * ..." with the image ID the node holds for each image; "missing" when the policy is Never, as
 * kubelet's ErrImageNeverPull, else "pulled"). A Job is created once; a changed Job spec is refused
 * as Kubernetes does (the template is immutable); each created Job is a run ({@code job-runs.log}).
 * Objects are kept as JSON under {@code objects/}, and a Job's release annotation beside it for the
 * fake kubectl's {@code get job -o jsonpath}.
 */
public final class FakeKubeApi {
  private FakeKubeApi() {}

  public static void main(String[] args) throws IOException {
    Path state = Path.of(args[1]);
    Path objects = state.resolve("objects");
    Files.createDirectories(objects);
    String yaml = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
    List<Map<String, Object>> docs = new ArrayList<>();
    for (Object o : new Load(LoadSettings.builder().build()).loadAllFromString(yaml)) {
      if (o != null) {
        docs.add(cast(o));
      }
    }
    Gson gson = new Gson();
    for (Map<String, Object> d : docs) {
      Path file = objects.resolve(d.get("kind") + "-" + name(d) + ".json");
      if ("Job".equals(d.get("kind")) && Files.exists(file)) {
        Map<String, Object> old = cast(gson.fromJson(Files.readString(file), Map.class));
        if (!norm(old.get("spec")).equals(norm(d.get("spec")))) {
          System.err.println(
              "The Job \""
                  + name(d)
                  + "\" is invalid: spec.template: Invalid value: field is immutable");
          System.exit(1);
        }
      }
    }
    Map<String, String> nodeImages = keyValues(state.resolve("node-images"));
    Map<String, String> pods = keyValues(state.resolve("pods"));
    for (Map<String, Object> d : docs) {
      String kind = String.valueOf(d.get("kind"));
      Path file = objects.resolve(kind + "-" + name(d) + ".json");
      Map<String, Object> old =
          Files.exists(file) ? cast(gson.fromJson(Files.readString(file), Map.class)) : null;
      if (kind.equals("Deployment") || kind.equals("StatefulSet")) {
        Object template = cast(d.get("spec")).get("template");
        Object oldTemplate = old == null ? null : cast(old.get("spec")).get("template");
        if (old == null || !norm(template).equals(norm(oldTemplate))) {
          int generation =
              pods.containsKey(name(d)) ? Integer.parseInt(pods.get(name(d)).split(" ")[0]) + 1 : 1;
          StringBuilder line = new StringBuilder().append(generation);
          for (Map<String, Object> c : containers(cast(template))) {
            String image = String.valueOf(c.get("image"));
            String fallback = "Never".equals(c.get("imagePullPolicy")) ? "missing" : "pulled";
            line.append(' ')
                .append(image)
                .append('=')
                .append(nodeImages.getOrDefault(image, fallback));
          }
          pods.put(name(d), line.toString());
        }
      }
      if (kind.equals("Job") && old == null) {
        String release =
            Objects.toString(
                cast(cast(d.get("metadata")).getOrDefault("annotations", Map.of()))
                    .get("k8s-gen/release"),
                "");
        Files.writeString(
            state.resolve("job-runs.log"),
            name(d) + " " + release + "\n",
            java.nio.file.StandardOpenOption.CREATE,
            java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(objects.resolve("Job-" + name(d) + ".release"), release);
      }
      Files.writeString(file, gson.toJson(d));
    }
    StringBuilder out = new StringBuilder();
    pods.forEach((k, v) -> out.append(k).append(' ').append(v).append('\n'));
    Files.writeString(state.resolve("pods"), out.toString());
  }

  /** Through JSON and back, so numbers compare as they were stored (1 and 1.0 alike). */
  private static String norm(Object o) {
    Gson gson = new Gson();
    return gson.toJson(gson.fromJson(gson.toJson(o), Object.class));
  }

  private static List<Map<String, Object>> containers(Map<String, Object> template) {
    Map<String, Object> spec = cast(template.get("spec"));
    List<Map<String, Object>> out = new ArrayList<>();
    for (String key : List.of("initContainers", "containers")) {
      for (Object c : (List<?>) spec.getOrDefault(key, List.of())) {
        out.add(cast(c));
      }
    }
    return out;
  }

  /** "key rest of line" files. */
  static Map<String, String> keyValues(Path file) throws IOException {
    Map<String, String> out = new TreeMap<>();
    if (Files.exists(file)) {
      for (String line : Files.readAllLines(file)) {
        String[] kv = line.split(" ", 2);
        if (kv.length == 2) {
          out.put(kv[0], kv[1]);
        }
      }
    }
    return out;
  }

  private static String name(Map<String, Object> d) {
    return String.valueOf(cast(d.get("metadata")).get("name"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Object o) {
    return (Map<String, Object>) o;
  }
}
