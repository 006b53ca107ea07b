package dev.zerotorunning.k8s.build;

import dev.zerotorunning.k8s.model.ComposeProject;
import dev.zerotorunning.k8s.model.ComposeService;
import dev.zerotorunning.k8s.model.Dependency;
import io.kubernetes.client.openapi.models.RbacV1Subject;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1PolicyRule;
import io.kubernetes.client.openapi.models.V1Role;
import io.kubernetes.client.openapi.models.V1RoleBinding;
import io.kubernetes.client.openapi.models.V1RoleRef;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code depends_on: service_completed_successfully} on a one-shot that runs as a Job (once per
 * release, not in every pod): each dependent pod gets a {@code wait-for-<job>} init container that
 * asks the API server, with the pod's own service account token, whether that Job has succeeded. It
 * uses only sh and curl or wget from the waiter's image (no extra image on the node). Per awaited
 * Job one ServiceAccount, Role and RoleBinding named {@code wait-for-<job>}: the Role may only
 * {@code get} that one Job. A pod that waits for several Jobs runs as the account of the first (in
 * name order), which every other awaited Job's RoleBinding also lists.
 */
final class JobWaits {
  static final String PREFIX = "wait-for-";

  private final ComposeProject project;
  private final WorkloadPlan plan;

  JobWaits(ComposeProject project, WorkloadPlan plan) {
    this.project = project;
    this.plan = plan;
  }

  /** The Jobs a service waits for to complete, in name order. */
  List<String> awaitedJobs(ComposeService s) {
    return s.dependsOn().stream()
        .filter(d -> d.condition().equals(Dependency.COMPLETED))
        .map(Dependency::service)
        .filter(name -> plan.role(name) == WorkloadPlan.Role.JOB)
        .sorted()
        .toList();
  }

  /** The service account a service's pods run as: that of its first awaited Job, if any. */
  Optional<String> serviceAccount(ComposeService s) {
    return awaitedJobs(s).stream().findFirst().map(job -> PREFIX + job);
  }

  /** The init container that blocks until Job {@code job} has succeeded (fails if it failed). */
  static V1Container container(String job, String image, String pullPolicy) {
    String sa = "/var/run/secrets/kubernetes.io/serviceaccount";
    String script =
        "sa="
            + sa
            + "\n"
            + "url=\"https://kubernetes.default.svc/apis/batch/v1/namespaces/$(cat"
            + " $sa/namespace)/jobs/"
            + job
            + "\"\n"
            + "if command -v curl >/dev/null; then\n"
            + "  get() { curl -fsS --max-time 5 --cacert $sa/ca.crt"
            + " -H \"Authorization: Bearer $(cat $sa/token)\" \"$url\"; }\n"
            + "elif command -v wget >/dev/null; then\n"
            + "  get() { wget -q -T 5 -O - --ca-certificate=$sa/ca.crt"
            + " --header=\"Authorization: Bearer $(cat $sa/token)\" \"$url\"; }\n"
            + "else\n"
            + "  echo '"
            + PREFIX
            + job
            + ": the image has neither curl nor wget; set x-k8s.wait-image' >&2; exit 1\n"
            + "fi\n"
            + "until job=$(get) && echo \"$job\" | grep -Eq '\"succeeded\": ?[1-9]'; do\n"
            + "  if echo \"${job:-}\" | grep -Eq '\"type\": ?\"Failed\"'; then\n"
            + "    echo 'job "
            + job
            + " failed: make logs K8S=1 SVC="
            + job
            + "' >&2; exit 1\n"
            + "  fi\n"
            + "  echo 'waiting for job "
            + job
            + " to complete'; sleep 2\n"
            + "done\n"
            + "echo 'job "
            + job
            + " completed'\n";
    return new V1Container()
        .name(PREFIX + job)
        .image(image)
        .imagePullPolicy(pullPolicy)
        .command(List.of("sh", "-c", script));
  }

  /** ServiceAccount, Role and RoleBinding per awaited Job. */
  List<KubeObject> rbac(Labels labels, String namespace) {
    Map<String, TreeSet<String>> accountsByJob = new TreeMap<>();
    for (ComposeService s : project.services()) {
      Optional<String> account = serviceAccount(s);
      for (String job : awaitedJobs(s)) {
        accountsByJob.computeIfAbsent(job, j -> new TreeSet<>()).add(account.orElseThrow());
      }
    }
    List<KubeObject> out = new ArrayList<>();
    accountsByJob.forEach(
        (job, accounts) -> {
          String name = PREFIX + job;
          out.add(
              new KubeObject(
                  "ServiceAccount",
                  name,
                  new V1ServiceAccount()
                      .apiVersion("v1")
                      .kind("ServiceAccount")
                      .metadata(labels.meta(name, namespace, job, "job-wait"))));
          out.add(
              new KubeObject(
                  "Role",
                  name,
                  new V1Role()
                      .apiVersion("rbac.authorization.k8s.io/v1")
                      .kind("Role")
                      .metadata(labels.meta(name, namespace, job, "job-wait"))
                      .rules(
                          List.of(
                              new V1PolicyRule()
                                  .apiGroups(List.of("batch"))
                                  .resources(List.of("jobs"))
                                  .resourceNames(List.of(job))
                                  .verbs(List.of("get"))))));
          out.add(
              new KubeObject(
                  "RoleBinding",
                  name,
                  new V1RoleBinding()
                      .apiVersion("rbac.authorization.k8s.io/v1")
                      .kind("RoleBinding")
                      .metadata(labels.meta(name, namespace, job, "job-wait"))
                      .roleRef(
                          new V1RoleRef()
                              .apiGroup("rbac.authorization.k8s.io")
                              .kind("Role")
                              .name(name))
                      .subjects(
                          accounts.stream()
                              .map(
                                  a ->
                                      new RbacV1Subject()
                                          .kind("ServiceAccount")
                                          .name(a)
                                          .namespace(namespace))
                              .toList())));
        });
    return out;
  }
}
