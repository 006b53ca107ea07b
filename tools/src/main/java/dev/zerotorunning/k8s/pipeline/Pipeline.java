package dev.zerotorunning.k8s.pipeline;

import dev.zerotorunning.k8s.build.ManifestBuilder;
import dev.zerotorunning.k8s.build.Manifests;
import dev.zerotorunning.k8s.emit.OutputTree;
import dev.zerotorunning.k8s.load.ComposeLoader;
import dev.zerotorunning.k8s.load.EnvSources;
import dev.zerotorunning.k8s.model.ComposeProject;
import dev.zerotorunning.k8s.overlay.Overlay;
import dev.zerotorunning.k8s.overlay.OverlayBuilder;
import dev.zerotorunning.k8s.validate.OutputValidator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * load -> model -> objects (base, then overlays) -> YAML -> validation, the whole run behind {@code
 * generate} and {@code check}.
 */
public final class Pipeline {

  /**
   * @param project the loaded model (for the report and the secrets command)
   * @param manifests the built objects
   * @param output rendered files
   * @param errors schema and cross-object problems; a non-empty list means nothing may be written
   */
  public record Result(
      ComposeProject project, Manifests manifests, OutputTree output, List<String> errors) {
    public String report() {
      return project.diagnostics().report();
    }
  }

  private Pipeline() {}

  public static Result run(Path composeFile, EnvSources env) throws IOException {
    return run(new ComposeLoader().load(composeFile, env));
  }

  public static Result run(ComposeProject project) {
    Manifests manifests = new ManifestBuilder().build(project);
    List<Overlay> overlays = new OverlayBuilder().build(project, manifests);
    OutputTree output = OutputTree.render(manifests, overlays, project.sourceName());
    return new Result(project, manifests, output, OutputValidator.validate(output.files()));
  }
}
