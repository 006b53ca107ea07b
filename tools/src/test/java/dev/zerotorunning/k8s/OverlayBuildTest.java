package dev.zerotorunning.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zerotorunning.k8s.emit.OutputTree;
import dev.zerotorunning.k8s.load.YamlFiles;
import dev.zerotorunning.k8s.overlay.BaseView;
import dev.zerotorunning.k8s.validate.CrossObjectValidator;
import dev.zerotorunning.k8s.validate.SchemaValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every generated overlay (ours in k8s-generated/ and each golden case's) builds with {@code
 * kubectl kustomize}, and what it builds, patches applied, passes the same schema and cross-object
 * validation as the base. The hardening every overlay promises holds on each built pod.
 */
class OverlayBuildTest {
  @TempDir Path tmp;

  @TestFactory
  Stream<DynamicTest> everyOverlayBuildsAndValidates() throws IOException {
    KustomizeBuildTest.assumeKubectl();
    Map<String, Map<String, String>> trees = new TreeMap<>();
    trees.put("k8s-generated", OutputTree.onDisk(Path.of("..", "k8s-generated")));
    try (Stream<Path> dirs = Files.list(GoldenTest.ROOT)) {
      for (Path d : dirs.sorted().toList()) {
        if (Files.isDirectory(d.resolve("expected/overlays"))) {
          trees.put(d.getFileName().toString(), GoldenTestSupport.expected(d.getFileName()));
        }
      }
    }
    assertTrue(
        trees.get("k8s-generated").keySet().stream()
            .anyMatch(f -> f.startsWith("overlays/production/")));
    assertTrue(trees.size() >= 2, "a golden case with overlays");
    List<DynamicTest> tests = new ArrayList<>();
    trees.forEach(
        (name, files) ->
            files.keySet().stream()
                .filter(f -> f.matches("overlays/[^/]+/kustomization\\.yaml"))
                .map(f -> f.split("/")[1])
                .forEach(
                    env ->
                        tests.add(
                            DynamicTest.dynamicTest(
                                name + " " + env, () -> check(name, files, env)))));
    return tests.stream();
  }

  private void check(String name, Map<String, String> files, String env) throws Exception {
    Path dir = tmp.resolve(name);
    if (!Files.exists(dir)) {
      KustomizeBuildTest.writeWithSecrets(files, dir);
    }
    String built = KustomizeBuildTest.kustomize(dir.resolve("overlays").resolve(env));
    List<Map<String, Object>> objects = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (String doc : built.split("(?m)^---$")) {
      if (doc.isBlank()) {
        continue;
      }
      Map<String, Object> tree = YamlFiles.parseMap(doc, env);
      // kustomize's own Secrets (from the base's generators) are not ours to check
      if (!"Secret".equals(tree.get("kind"))) {
        errors.addAll(SchemaValidator.validate(env + " " + tree.get("kind"), tree));
      }
      objects.add(tree);
    }
    String namespace =
        String.valueOf(
            YamlFiles.parseMap(files.get("base/kustomization.yaml"), "base").get("namespace"));
    errors.addAll(
        new CrossObjectValidator(objects, Map.of("namespace", namespace), Map.of()).validate());
    assertEquals(List.of(), errors, name + " overlays/" + env + " built by kubectl kustomize");
    for (Map<String, Object> o : objects) {
      if (List.of("Deployment", "StatefulSet", "Job").contains(o.get("kind"))) {
        assertHardened(o);
      }
      if ("Service".equals(o.get("kind"))) {
        assertFalse(
            "NodePort".equals(BaseView.at(o, "spec", "type")),
            "kind NodePorts stay on the laptop: " + o);
      }
    }
    assertTrue(objects.stream().anyMatch(o -> "NetworkPolicy".equals(o.get("kind"))));
  }

  /**
   * The restricted Pod Security Standard's essentials, unless compose made the service privileged.
   */
  @SuppressWarnings("unchecked")
  private static void assertHardened(Map<String, Object> workload) {
    Map<String, Object> pod =
        (Map<String, Object>) BaseView.at(workload, "spec", "template", "spec");
    String id = workload.get("kind") + "/" + BaseView.at(workload, "metadata", "name");
    List<Map<String, Object>> containers = new ArrayList<>();
    containers.addAll((List<Map<String, Object>>) pod.getOrDefault("containers", List.of()));
    containers.addAll((List<Map<String, Object>>) pod.getOrDefault("initContainers", List.of()));
    if (containers.stream()
        .anyMatch(c -> Boolean.TRUE.equals(BaseView.at(c, "securityContext", "privileged")))) {
      return;
    }
    assertEquals(true, BaseView.at(pod, "securityContext", "runAsNonRoot"), id);
    assertEquals(
        "RuntimeDefault", BaseView.at(pod, "securityContext", "seccompProfile", "type"), id);
    for (Map<String, Object> c : containers) {
      String cid = id + " " + c.get("name");
      assertEquals(false, BaseView.at(c, "securityContext", "allowPrivilegeEscalation"), cid);
      assertEquals(true, BaseView.at(c, "securityContext", "readOnlyRootFilesystem"), cid);
      assertEquals(List.of("ALL"), BaseView.at(c, "securityContext", "capabilities", "drop"), cid);
      assertFalse("Never".equals(c.get("imagePullPolicy")), cid + " pulls from the registry");
      assertTrue(
          ((List<Map<String, Object>>) c.getOrDefault("volumeMounts", List.of()))
              .stream().anyMatch(m -> "/tmp".equals(m.get("mountPath"))),
          cid + " has a writable /tmp");
    }
  }
}
