package dev.zerotorunning.k8s.cli;

import dev.zerotorunning.k8s.build.KubeObject;
import dev.zerotorunning.k8s.build.ManifestBuilder;
import dev.zerotorunning.k8s.emit.SortedYaml;
import dev.zerotorunning.k8s.local.ImageTags;
import dev.zerotorunning.k8s.model.ComposeProject;
import dev.zerotorunning.k8s.model.Names;
import dev.zerotorunning.k8s.model.ProjectSettings;
import dev.zerotorunning.k8s.validate.SchemaValidator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code task}: prints a Job that runs a command once in a copy of a service's pod (image, env,
 * secrets, wait-for init containers), the Kubernetes form of {@code docker compose run SERVICE
 * CMD}. Printed, not written: {@code make reset-db K8S=1} pipes it to {@code kubectl apply -f -}.
 */
@Command(
    name = "task",
    mixinStandardHelpOptions = true,
    description = "Print a Job running COMMAND in a copy of SERVICE's pod.")
public final class TaskCommand implements Callable<Integer> {

  @Mixin ComposeOptions compose;

  @Option(names = "--name", required = true, description = "Job name.")
  String name;

  @Option(names = "--service", required = true, description = "Compose service whose pod to copy.")
  String service;

  @Option(
      names = "--overlay",
      paramLabel = "DIR",
      description =
          "Local overlay whose content-tagged images the Job runs (make dev K8S=1 writes it).")
  Path overlay;

  @Parameters(paramLabel = "COMMAND", description = "Replaces the service's command (args).")
  List<String> command = new ArrayList<>();

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    ComposeProject loaded = compose.load();
    ProjectSettings s = loaded.settings();
    ProjectSettings withTask =
        new ProjectSettings(
            s.namespace(),
            s.clusterName(),
            List.of(new ProjectSettings.Task(name, service, command)),
            s.environments());
    ComposeProject project =
        new ComposeProject(
            loaded.name(),
            loaded.sourceName(),
            loaded.projectDir(),
            loaded.services(),
            loaded.volumes(),
            loaded.secrets(),
            loaded.configs(),
            withTask,
            loaded.diagnostics());
    KubeObject job = new ManifestBuilder().build(project).tasks().get(Names.dnsLabel(name));
    @SuppressWarnings("unchecked")
    Map<String, Object> tree = (Map<String, Object>) SortedYaml.treeOf(job.model());
    if (overlay != null) {
      ImageTags.readOverlay(overlay.resolve("kustomization.yaml")).applyTo(podSpec(tree));
    }
    List<String> errors = SchemaValidator.validate("task " + name, tree);
    if (!errors.isEmpty()) {
      errors.forEach(spec.commandLine().getErr()::println);
      return 1;
    }
    spec.commandLine().getOut().print(SortedYaml.dump(tree));
    spec.commandLine().getOut().flush();
    return 0;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> podSpec(Map<String, Object> job) {
    Map<String, Object> template =
        (Map<String, Object>) ((Map<String, Object>) job.get("spec")).get("template");
    return (Map<String, Object>) template.get("spec");
  }
}
