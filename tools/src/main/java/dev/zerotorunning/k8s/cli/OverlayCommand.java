package dev.zerotorunning.k8s.cli;

import dev.zerotorunning.k8s.local.ImageTags;
import dev.zerotorunning.k8s.local.LocalCommands;
import dev.zerotorunning.k8s.local.LocalImages;
import dev.zerotorunning.k8s.local.LocalOverlay;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code overlay}: at apply time, writes the git-ignored kustomize overlay that puts this machine's
 * content-tagged images over the committed base, and prints one {@code <job> <release>} line per
 * Job, so {@code make dev K8S=1} replaces exactly the Jobs whose release changed.
 */
@Command(
    name = "overlay",
    mixinStandardHelpOptions = true,
    description = "Write the local overlay (content-tagged images) and print each Job's release.")
public final class OverlayCommand implements Callable<Integer> {

  @Option(
      names = "--base",
      defaultValue = "k8s-generated/base",
      description = "Generated base directory (default: ${DEFAULT-VALUE}).")
  Path base;

  @Option(names = "--out", required = true, description = "Overlay directory (git-ignored).")
  Path out;

  @Option(
      names = "--image",
      paramLabel = "IMAGE=IMAGE:TAG",
      description = "A base image and its content-tagged name, repeatable.")
  List<String> images = new ArrayList<>();

  @Option(
      names = "--own-image",
      paramLabel = "IMAGE",
      description =
          "An image this project builds (repeatable): tagged with its content and loaded, with the"
              + " other local images the base names (--load-cmd).")
  List<String> ownImages = new ArrayList<>();

  @Option(
      names = "--load-cmd",
      defaultValue = "${env:K8S_LOAD_CMD:-}",
      description = "How an image reaches the nodes, the image appended (default: $K8S_LOAD_CMD).")
  String loadCommand;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (!ownImages.isEmpty()) {
      Map<String, String> env = System.getenv();
      images.addAll(
          new LocalImages(new LocalCommands(env), spec.commandLine().getErr())
              .tagAndLoad(
                  LocalImages.named(base),
                  ownImages,
                  loadCommand,
                  env.getOrDefault("K8S_COMPOSE_FILES", "compose.yaml")));
    }
    LocalOverlay overlay = LocalOverlay.of(base, out, ImageTags.parse(images));
    overlay.write(out);
    overlay
        .releases()
        .forEach((job, release) -> spec.commandLine().getOut().println(job + " " + release));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
