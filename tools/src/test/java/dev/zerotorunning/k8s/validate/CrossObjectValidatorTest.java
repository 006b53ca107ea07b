package dev.zerotorunning.k8s.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zerotorunning.k8s.GoldenTestSupport;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Breaks one reference at a time in a known-good output and expects exactly that to be caught. */
class CrossObjectValidatorTest {
  private Map<String, String> files;

  @BeforeEach
  void load() throws Exception {
    files = new TreeMap<>(GoldenTestSupport.expected(Path.of("project-stack")));
    assertEquals(
        List.of(), OutputValidator.validate(files), "the golden output is the valid baseline");
  }

  private List<String> errorsAfter(String file, String from, String to) {
    String before = files.get(file);
    assertTrue(before.contains(from), file + " lacks " + from);
    files.put(file, before.replace(from, to));
    return OutputValidator.validate(files);
  }

  @Test
  void selectorNotMatchingPodLabels() {
    List<String> errors =
        errorsAfter(
            "base/deployment-redis.yaml",
            "      app.kubernetes.io/name: redis\n      app.kubernetes.io/part-of",
            "      app.kubernetes.io/name: rediss\n      app.kubernetes.io/part-of");
    assertTrue(errors.stream().anyMatch(e -> e.contains("selector")), errors.toString());
  }

  @Test
  void serviceTargetPortThatNoContainerHas() {
    List<String> errors =
        errorsAfter("base/service-redis.yaml", "targetPort: tcp-6379", "targetPort: tcp-6380");
    assertTrue(errors.stream().anyMatch(e -> e.contains("targetPort tcp-6380")), errors.toString());
  }

  @Test
  void aJobWaitWhoseRoleMayDoMore() {
    List<String> errors =
        errorsAfter("base/role-wait-for-migrate.yaml", "  verbs:\n  - get", "  verbs:\n  - list");
    assertTrue(
        errors.stream().anyMatch(e -> e.contains("Role/wait-for-migrate: may do more")),
        errors.toString());
  }

  @Test
  void aJobWaitWhoseRoleNamesAnotherJob() {
    List<String> errors =
        errorsAfter(
            "base/role-wait-for-migrate.yaml",
            "  resourceNames:\n  - migrate",
            "  resourceNames:\n  - seed");
    assertTrue(
        errors.stream()
            .anyMatch(e -> e.contains("ServiceAccount wait-for-migrate may not get Job migrate")),
        errors.toString());
  }

  @Test
  void aJobWaitWithoutItsServiceAccount() {
    List<String> errors =
        errorsAfter(
            "base/deployment-worker.yaml",
            "serviceAccountName: wait-for-migrate",
            "serviceAccountName: default");
    assertTrue(
        errors.stream().anyMatch(e -> e.contains("waits for Job migrate but runs as no emitted")),
        errors.toString());
  }

  @Test
  void missingConfigMap() {
    files.remove("base/configmap-web-env.yaml");
    files.put(
        "base/kustomization.yaml",
        files.get("base/kustomization.yaml").replace("- configmap-web-env.yaml\n", ""));
    List<String> errors = OutputValidator.validate(files);
    assertTrue(errors.stream().anyMatch(e -> e.contains("ConfigMap web-env")), errors.toString());
  }

  @Test
  void secretThatIsNeitherEmittedNorGenerated() {
    List<String> errors =
        errorsAfter("base/deployment-api.yaml", "name: api-secrets", "name: api-secret");
    assertTrue(errors.stream().anyMatch(e -> e.contains("Secret api-secret,")), errors.toString());
  }

  @Test
  void externalClaimsAreExemptOnlyWhenTheWorkloadNamesThem() throws Exception {
    files = new TreeMap<>(GoldenTestSupport.expected(Path.of("external-volume")));
    assertEquals(List.of(), OutputValidator.validate(files));
    List<String> errors =
        errorsAfter(
            "base/deployment-transcoder.yaml",
            "k8s-gen/existing-claims: family-media",
            "k8s-gen/existing-claims: other-media");
    assertEquals(
        List.of(
            "Deployment/transcoder: references PersistentVolumeClaim family-media, which is neither"
                + " emitted nor generated"),
        errors);
  }

  @Test
  void waitForAServiceThatDoesNotExist() {
    List<String> errors =
        errorsAfter("base/deployment-web.yaml", "name: wait-for-api", "name: wait-for-apx");
    assertTrue(
        errors.stream().anyMatch(e -> e.contains("waits for Service apx")), errors.toString());
  }

  @Test
  void volumeMountWithoutVolume() {
    List<String> errors =
        errorsAfter(
            "base/statefulset-db.yaml",
            "      name: db-data\n    spec:",
            "      name: db-dat\n    spec:");
    assertTrue(errors.stream().anyMatch(e -> e.contains("volumeMount db-data")), errors.toString());
  }

  @Test
  void kindPortMappingWithoutNodePort() {
    List<String> errors =
        errorsAfter("kind-config.yaml", "containerPort: 30232", "containerPort: 30233");
    assertTrue(errors.stream().anyMatch(e -> e.contains("30233")), errors.toString());
  }

  @Test
  void kustomizationListingAMissingFile() {
    files.remove("base/service-web.yaml");
    List<String> errors = OutputValidator.validate(files);
    assertTrue(
        errors.stream().anyMatch(e -> e.contains("service-web.yaml does not exist")),
        errors.toString());
  }

  @Test
  void objectInAnotherNamespace() {
    List<String> errors =
        errorsAfter("base/service-db.yaml", "namespace: zero-to-running", "namespace: other");
    assertTrue(errors.stream().anyMatch(e -> e.contains("namespace is other")), errors.toString());
  }

  /** The overlays' own objects are checked against the base they extend. */
  private List<String> overlayErrorsAfter(String file, String from, String to) throws Exception {
    files = new TreeMap<>(GoldenTestSupport.expected(Path.of("environments-overlays")));
    assertEquals(List.of(), OutputValidator.validate(files), "the golden overlays are valid");
    return errorsAfter("overlays/production/" + file, from, to);
  }

  @Test
  void anAutoscalerOfAWorkloadTheBaseLacks() throws Exception {
    List<String> errors =
        overlayErrorsAfter(
            "horizontalpodautoscaler-vote.yaml", "    name: vote\n", "    name: votes\n");
    assertTrue(
        errors.stream().anyMatch(e -> e.contains("scales Deployment votes")), errors.toString());
  }

  @Test
  void aNetworkPolicyOnAPortThePodsDoNotDeclare() throws Exception {
    List<String> errors =
        overlayErrorsAfter("networkpolicy-allow-to-vote.yaml", "port: tcp-80", "port: tcp-81");
    assertTrue(errors.stream().anyMatch(e -> e.contains("port tcp-81")), errors.toString());
  }

  @Test
  void aDisruptionBudgetSelectingNoPods() throws Exception {
    List<String> errors =
        overlayErrorsAfter(
            "poddisruptionbudget-vote.yaml",
            "      app.kubernetes.io/name: vote",
            "      app.kubernetes.io/name: voter");
    assertTrue(errors.stream().anyMatch(e -> e.contains("matches no pod")), errors.toString());
  }

  @Test
  void aPatchOfAnObjectTheBaseLacks() throws Exception {
    List<String> errors =
        overlayErrorsAfter("patch-deployment-vote.yaml", "  name: vote\n", "  name: vot\n");
    assertTrue(
        errors.stream().anyMatch(e -> e.contains("patches Deployment vot, which the base")),
        errors.toString());
  }
}
