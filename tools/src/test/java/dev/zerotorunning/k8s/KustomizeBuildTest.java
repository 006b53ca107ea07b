package dev.zerotorunning.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.zerotorunning.k8s.local.ImageTags;
import dev.zerotorunning.k8s.local.LocalOverlay;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The base must build with the kustomize inside kubectl (what {@code kubectl apply -k} runs), once
 * the git-ignored secret env files exist. Skipped where kubectl is not installed.
 */
class KustomizeBuildTest {

  @Test
  void theGoldenProjectBaseBuildsWithKubectlKustomize(@TempDir Path tmp) throws Exception {
    assumeKubectl();
    writeBase(tmp);
    String out = kustomize(tmp.resolve("base"));
    for (String kind :
        new String[] {
          "Namespace",
          "ConfigMap",
          "Secret",
          "Service",
          "Deployment",
          "StatefulSet",
          "Job",
          "ServiceAccount",
          "Role",
          "RoleBinding"
        }) {
      assertTrue(out.contains("\nkind: " + kind + "\n"), kind + " missing from:\n" + out);
    }
    assertTrue(
        out.contains("name: api-secrets"), "secretGenerator names stay unhashed for the task Jobs");
  }

  @Test
  void theLocalOverlayRetagsTheBuiltImagesAndMarksEachJobsRelease(@TempDir Path tmp)
      throws Exception {
    assumeKubectl();
    writeBase(tmp);
    LocalOverlay overlay = overlay(tmp, "dev-3f2a9c1b7d4e");
    overlay.write(tmp.resolve("local"));
    String out = kustomize(tmp.resolve("local"));
    assertFalse(out.contains("image: zero-to-running/api:dev\n"), out);
    assertTrue(out.contains("image: zero-to-running/api:dev-3f2a9c1b7d4e\n"), out);
    assertTrue(out.contains("image: zero-to-running/web:dev\n"), "not rebuilt, not retagged");
    String release = overlay.releases().get("migrate");
    assertTrue(out.contains("k8s-gen/release: " + release + "\n"), out);
    assertNotEquals(
        release,
        overlay(tmp, "dev-0123456789ab").releases().get("migrate"),
        "a new image is a new release");
    assertEquals(
        overlay.releases(),
        overlay(tmp, "dev-3f2a9c1b7d4e").releases(),
        "the same image and manifests are the same release");
  }

  @Test
  void composeSecretsAndConfigsBuildOnceTheSecretsCommandWroteTheirFiles(@TempDir Path tmp)
      throws Exception {
    assumeKubectl();
    String compose = GoldenTest.ROOT.resolve("secrets-and-configs/compose.yaml").toString();
    assertEquals(0, K8sGen.execute("generate", "--compose-file", compose, "--out", tmp.toString()));
    assertEquals(0, K8sGen.execute("secrets", "--compose-file", compose, "--out", tmp.toString()));
    String out = kustomize(tmp.resolve("base"));
    assertTrue(out.contains("name: secret-db-password"), out);
    assertTrue(out.contains("  db_password: ZmFrZS1kYi1wYXNzd29yZC1ub3QtcmVhbAo="), out);
  }

  /** The local overlay over tmp/base with the API image retagged. */
  private static LocalOverlay overlay(Path tmp, String apiTag) throws Exception {
    return LocalOverlay.of(
        tmp.resolve("base"),
        tmp.resolve("local"),
        ImageTags.parse(List.of("zero-to-running/api:dev=zero-to-running/api:" + apiTag)));
  }

  static void assumeKubectl() {
    assumeTrue(
        Stream.of(System.getenv("PATH").split(File.pathSeparator))
            .anyMatch(d -> Files.isExecutable(Path.of(d, "kubectl"))),
        "kubectl is not installed");
  }

  static String kustomize(Path dir) throws Exception {
    Process p =
        new ProcessBuilder("kubectl", "kustomize", dir.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    return out;
  }

  /** The golden project (base/, overlays/) with the secret env files make dev K8S=1 writes. */
  private static void writeBase(Path tmp) throws Exception {
    assertTrue(
        writeWithSecrets(GoldenTestSupport.expected(Path.of("project-stack")), tmp) >= 3,
        "secretGenerator files in kustomization.yaml");
  }

  /**
   * A generated tree written to {@code dir}, plus every secret env file its base's kustomization
   * reads (make dev K8S=1 writes them from .env).
   *
   * @return how many secret env files it wrote
   */
  static int writeWithSecrets(Map<String, String> files, Path dir) throws Exception {
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path target = dir.resolve(f.getKey());
      Files.createDirectories(target.getParent());
      Files.writeString(target, f.getValue());
    }
    Path base = dir.resolve("base");
    Files.createDirectories(base.resolve("secrets"));
    Matcher secretFiles =
        Pattern.compile("(?m)^ *- (secrets/[a-z0-9-]+\\.env)$")
            .matcher(files.get("base/kustomization.yaml"));
    int secrets = 0;
    while (secretFiles.find()) {
      Files.writeString(base.resolve(secretFiles.group(1)), "X=y\n");
      secrets++;
    }
    return secrets;
  }
}
