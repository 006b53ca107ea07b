package dev.zerotorunning.k8s.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zerotorunning.k8s.load.YamlFiles;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The official models' generated validation really is strict: typos and omissions fail. */
class SchemaValidatorTest {

  private static final String GOOD =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: api, namespace: demo}
      spec:
        selector: {matchLabels: {app: api}}
        template:
          metadata: {labels: {app: api}}
          spec:
            containers:
            - name: api
              image: example/api:1
              ports: [{containerPort: 8080}]
      """;

  private static List<String> validate(String yaml) {
    return SchemaValidator.validate("test.yaml", YamlFiles.parseMap(yaml, "test.yaml"));
  }

  /** A replace that must hit, so a test can never pass by editing nothing. */
  private static String edit(String yaml, String from, String to) {
    assertTrue(yaml.contains(from), "fixture lacks: " + from);
    return yaml.replace(from, to);
  }

  @Test
  void aValidDeploymentPasses() {
    assertEquals(List.of(), validate(GOOD));
  }

  @Test
  void anUnknownFieldDeepInTheSpecFails() {
    List<String> errors = validate(edit(GOOD, "ports:", "prots:"));
    assertEquals(1, errors.size(), errors.toString());
    assertTrue(errors.get(0).contains("prots"), errors.get(0));
  }

  @Test
  void aMissingRequiredFieldFails() {
    List<String> errors = validate(edit(GOOD, "- name: api\n        image:", "- image:"));
    assertEquals(1, errors.size(), errors.toString());
    assertTrue(errors.get(0).contains("name"), errors.get(0));
  }

  @Test
  void aMissingRequiredTopLevelSpecFieldFails() {
    List<String> errors = validate(edit(GOOD, "  selector: {matchLabels: {app: api}}\n", ""));
    assertTrue(errors.toString().contains("selector"), errors.toString());
  }

  @Test
  void aWrongValueTypeFails() {
    List<String> errors = validate(edit(GOOD, "containerPort: 8080", "containerPort: eighty"));
    assertEquals(1, errors.size(), errors.toString());
  }

  @Test
  void anUnknownKindIsReported() {
    List<String> errors =
        SchemaValidator.validate(
            "x.yaml", Map.of("apiVersion", "example.com/v1", "kind", "Widget"));
    assertTrue(errors.get(0).contains("no schema known"), errors.toString());
  }
}
