package dev.zerotorunning.k8s.validate;

import dev.zerotorunning.k8s.emit.OutputTree;
import dev.zerotorunning.k8s.load.YamlFiles;
import dev.zerotorunning.k8s.overlay.Overlay;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Validates a generated directory as text, exactly as it is (or will be) on disk: every object file
 * against the API schema, then all of them together with the kustomization and kind config. Each
 * overlay's own objects are checked the same way, together with the base they extend, and each of
 * its patches must name a base object. (The built overlays, patches applied, are validated again
 * after {@code kubectl kustomize} in the tests.)
 */
public final class OutputValidator {
  private OutputValidator() {}

  private static final String KUSTOMIZATION = "kustomization.yaml";

  public static List<String> validate(Map<String, String> files) {
    List<String> errors = new ArrayList<>();
    Map<String, String> base = new TreeMap<>();
    Map<String, Map<String, String>> overlays = new TreeMap<>();
    files.forEach(
        (name, text) -> {
          if (name.startsWith(Overlay.DIR)) {
            String rest = name.substring(Overlay.DIR.length());
            int slash = rest.indexOf('/');
            overlays
                .computeIfAbsent(rest.substring(0, Math.max(slash, 0)), k -> new TreeMap<>())
                .put(rest.substring(slash + 1), text);
          } else if (name.startsWith(OutputTree.BASE)) {
            base.put(name.substring(OutputTree.BASE.length()), text);
          } else {
            base.put(name, text); // kind-config.yaml
          }
        });
    List<Map<String, Object>> baseObjects = objects(base, OutputTree.BASE, errors);
    Map<String, Object> kustomization = parse(base, KUSTOMIZATION, OutputTree.BASE);
    checkResources(base, kustomization, OutputTree.BASE, errors);
    Map<String, Object> kind = parse(base, "kind-config.yaml", "");
    errors.addAll(new CrossObjectValidator(baseObjects, kustomization, kind).validate());
    overlays.forEach(
        (name, overlay) -> {
          String where = Overlay.DIR + name + "/";
          List<Map<String, Object>> all = new ArrayList<>(baseObjects);
          all.addAll(objects(overlay, where, errors));
          Map<String, Object> own = parse(overlay, KUSTOMIZATION, where);
          checkResources(overlay, own, where, errors);
          checkPatches(overlay, baseObjects, where, errors);
          // The base's generators still make its Secrets; the overlay adds no kind cluster.
          errors.addAll(new CrossObjectValidator(all, kustomization, Map.of()).validate());
        });
    return errors;
  }

  /**
   * Whole objects of one directory, each schema-checked (kustomization, kind config and patches
   * aside).
   */
  private static List<Map<String, Object>> objects(
      Map<String, String> files, String where, List<String> errors) {
    List<Map<String, Object>> objects = new ArrayList<>();
    for (Map.Entry<String, String> f : files.entrySet()) {
      String name = f.getKey();
      if (!name.endsWith(".yaml")
          || name.equals(KUSTOMIZATION)
          || name.equals("kind-config.yaml")
          || name.startsWith(Overlay.PATCH_PREFIX)) {
        continue;
      }
      Map<String, Object> tree = YamlFiles.parseMap(f.getValue(), where + name);
      errors.addAll(SchemaValidator.validate(where + name, tree));
      if (!name.startsWith("tasks/")) {
        objects.add(tree);
      }
    }
    return objects;
  }

  private static void checkResources(
      Map<String, String> files,
      Map<String, Object> kustomization,
      String where,
      List<String> errors) {
    List<?> resources = (List<?>) kustomization.getOrDefault("resources", List.of());
    for (Object r : resources) {
      String resource = String.valueOf(r);
      if (!resource.startsWith("../") && !files.containsKey(resource)) {
        errors.add(where + KUSTOMIZATION + ": resource " + r + " does not exist");
      }
    }
  }

  private static void checkPatches(
      Map<String, String> overlay,
      List<Map<String, Object>> baseObjects,
      String where,
      List<String> errors) {
    overlay.forEach(
        (name, text) -> {
          if (!name.startsWith(Overlay.PATCH_PREFIX)) {
            return;
          }
          Map<String, Object> patch = YamlFiles.parseMap(text, where + name);
          Object kind = patch.get("kind");
          Object target = ((Map<?, ?>) patch.getOrDefault("metadata", Map.of())).get("name");
          boolean found =
              baseObjects.stream()
                  .anyMatch(
                      o ->
                          kind.equals(o.get("kind"))
                              && target.equals(((Map<?, ?>) o.get("metadata")).get("name")));
          if (!found) {
            errors.add(
                where
                    + name
                    + ": patches "
                    + kind
                    + " "
                    + target
                    + ", which the base does not have");
          }
        });
  }

  private static Map<String, Object> parse(Map<String, String> files, String name, String where) {
    return YamlFiles.parseMap(files.getOrDefault(name, "{}"), where + name);
  }
}
