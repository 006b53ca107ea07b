package dev.zerotorunning.k8s.validate;

import dev.zerotorunning.k8s.load.YamlFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Validates a generated directory as text, exactly as it is (or will be) on disk: every object file
 * against the API schema, then all of them together with the kustomization and kind config.
 */
public final class OutputValidator {
  private OutputValidator() {}

  public static List<String> validate(Map<String, String> files) {
    List<String> errors = new ArrayList<>();
    List<Map<String, Object>> objects = new ArrayList<>();
    for (Map.Entry<String, String> f : files.entrySet()) {
      String name = f.getKey();
      if (!name.endsWith(".yaml")
          || name.equals("kustomization.yaml")
          || name.equals("kind-config.yaml")) {
        continue;
      }
      Map<String, Object> tree = YamlFiles.parseMap(f.getValue(), name);
      errors.addAll(SchemaValidator.validate(name, tree));
      if (!name.startsWith("tasks/")) {
        objects.add(tree);
      }
    }
    Map<String, Object> kustomization =
        YamlFiles.parseMap(files.getOrDefault("kustomization.yaml", "{}"), "kustomization.yaml");
    List<?> resources = (List<?>) kustomization.getOrDefault("resources", List.of());
    for (Object r : resources) {
      if (!files.containsKey(String.valueOf(r))) {
        errors.add("kustomization.yaml: resource " + r + " does not exist");
      }
    }
    Map<String, Object> kind =
        YamlFiles.parseMap(files.getOrDefault("kind-config.yaml", "{}"), "kind-config.yaml");
    errors.addAll(new CrossObjectValidator(objects, kustomization, kind).validate());
    return errors;
  }
}
