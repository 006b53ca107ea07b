package dev.zerotorunning.k8s.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zerotorunning.k8s.local.ClusterPorts.KindMapping;
import dev.zerotorunning.k8s.local.ClusterPorts.Route;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The K8S=1 decisions on recorded inputs: the committed kind-config.yaml, kubectl JSON. */
class ClusterLocalTest {
  static final Path GENERATED = Path.of("..", "k8s-generated");

  static String resource(String name) throws Exception {
    return Files.readString(Path.of("src/test/resources/k8s-local", name));
  }

  @Test
  void kindPublishesWebsNodePortAndTheServicesSayWhichServiceOwnsIt() throws Exception {
    List<KindMapping> mappings = ClusterPorts.kindMappings(GENERATED.resolve("kind-config.yaml"));
    assertEquals(List.of(new KindMapping(30232, 3000, "127.0.0.1")), mappings);
    assertEquals(
        List.of(new Route("web", 3000, 80)),
        ClusterPorts.published(mappings, resource("services.json")));
    assertEquals(List.of(), ClusterPorts.published(mappings, ""));
  }

  @Test
  void forwardsTakeTheirHostPortFromTheVariableElseThePort() {
    assertEquals(
        List.of(new Route("api", 18080, 8080), new Route("db", 5432, 5432)),
        ClusterPorts.forwards(
            "api:API_PORT:8080 db:DB_PORT:5432", Map.of("API_PORT", "18080")::get));
    Refusal bad = assertThrows(Refusal.class, () -> ClusterPorts.forwards("api:8080", n -> null));
    assertTrue(bad.getMessage().contains("Fix:"), bad.getMessage());
  }

  @Test
  void urlsFollowTheComposeLabels() {
    Map<String, String> urls =
        ServiceUrls.format(
            List.of(new Route("web", 3000, 80), new Route("api", 18080, 8080)),
            Map.of("web", Map.of("dev.zerotorunning.url", "http://localhost:{80}")));
    assertEquals("http://localhost:3000", urls.get("web"));
    assertTrue(urls.containsKey("api"), urls.toString());
  }

  @Test
  void aPodThatCannotGetItsImageGetsTheLoadHint() throws Exception {
    String pod = resource("pod-image-pull.json");
    assertEquals(List.of("ErrImageNeverPull", "PodInitializing"), PodHints.waitingReasons(pod));
    assertTrue(PodHints.hint(pod, "api", "b").contains("the node cannot get an image"));
    assertTrue(PodHints.hint("{\"items\": []}", "api", "b").contains("init container"));
  }

  @Test
  void settingsComeFromTheGeneratedFilesAndTheClusterChoice() throws Exception {
    ClusterSettings kind = ClusterSettings.read(GENERATED, Map.of());
    assertEquals("zero-to-running", kind.namespace());
    assertEquals("zero-to-running", kind.partOf());
    assertEquals("kind-zero-to-running", kind.context());
    assertEquals("kind load docker-image --name zero-to-running", kind.loadCommand());
    assertEquals("statefulset/db", kind.workload("db", "psql"));
    assertTrue(kind.exports().contains("export NAMESPACE='zero-to-running'\n"), kind.exports());
    ClusterSettings current =
        ClusterSettings.read(GENERATED, Map.of("K8S_CLUSTER", "current", "K8S_LOAD_CMD", ""));
    assertEquals("", current.context());
    assertEquals("", current.loadCommand());
    Refusal none = assertThrows(Refusal.class, () -> kind.workload("nope", "shell"));
    assertTrue(
        none.getMessage().contains("(there are: api db redis web worker). Fix: make shell SVC="),
        none.getMessage());
    Refusal bogus =
        assertThrows(
            Refusal.class, () -> ClusterSettings.read(GENERATED, Map.of("K8S_CLUSTER", "bogus")));
    assertTrue(bogus.getMessage().contains("is not a cluster choice"), bogus.getMessage());
    assertEquals("export X='it'\\''s'\n", ClusterSettings.export("X", "it's"));
  }

  @Test
  void contentTagsKeepTheRepositoryAndAddTheImageId(@TempDir Path tmp) throws Exception {
    assertEquals(
        "zero-to-running/api:dev-abababababab",
        LocalImages.contentTag("zero-to-running/api:dev", "sha256:" + "ab".repeat(32)));
    assertEquals(
        "localhost:5000/api:000000000000",
        LocalImages.contentTag("localhost:5000/api", "sha256:" + "0".repeat(64)));
    Files.writeString(
        tmp.resolve("deployment-a.yaml"),
        "kind: Deployment\nspec:\n  template:\n    spec:\n      initContainers:\n"
            + "      - image: busybox:1\n      containers:\n      - image: app:dev\n");
    assertEquals(Set.of("app:dev", "busybox:1"), LocalImages.named(tmp));
  }
}
