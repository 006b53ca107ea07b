package dev.zerotorunning.bench;

import dev.zerotorunning.bench.Figure.Unit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * make dev cold, warm (next to plain {@code docker compose up --wait}), unchanged, after a Java
 * edit and after its undo (the first change after an image build compiles with Maven and records
 * its options; the second compiles without Maven); then the generator (make k8s) on our file and on
 * a 57-service one.
 */
final class StartupBench {
  static final Path EDIT_FILE =
      Path.of("api/src/main/java/dev/zerotorunning/wander/AppVersion.java");

  private final Stack stack;
  private final Path summaryJson;
  private final Path scratch;
  private final Consumer<Figure> record;

  StartupBench(Stack stack, Path summaryJson, Path scratch, Consumer<Figure> record) {
    this.stack = stack;
    this.summaryJson = summaryJson;
    this.scratch = scratch;
    this.record = record;
  }

  void run() throws IOException {
    stack.make("clean"); // cold: no images of this project, no volumes
    Processes.Ran cold = stack.mustMake("cold", "dev");
    record.accept(
        Figure.of(
            "make dev, cold (no project images, no volumes)", Unit.MS, cold.ms(), detail(cold)));
    record.accept(Figure.of("make down", Unit.MS, stack.mustMake("down", "down").ms(), ""));

    // The ceiling of a warm start: plain Compose on the same files and images, nothing of ours.
    Processes.Ran plain = stack.compose("up", "--detach", "--wait", "--quiet-pull");
    if (!plain.ok()) {
      throw new BenchFailure("plain docker compose up --wait failed:\n" + plain.tail(20));
    }
    stack.mustMake("down", "down");
    Processes.Ran warm = stack.mustMake("warm", "dev");
    record.accept(
        Figure.of("make dev, warm (images built, stack down)", Unit.MS, warm.ms(), detail(warm))
            .against("docker compose up --wait", plain.ms()));
    DevDetail.apiHealthyMs(Files.readString(summaryJson))
        .ifPresent(
            ms ->
                record.accept(
                    Figure.of(
                        "api container start -> healthy (warm)",
                        Unit.MS,
                        ms,
                        "from make dev's summary")));
    record.accept(
        Figure.of(
            "make dev while up, nothing changed",
            Unit.MS,
            stack.mustMake("again", "dev").ms(),
            ""));

    // The api alone: in a warm make dev it starts beside the worker's JVM on the same cores. Its
    // time to healthy as make status tells it (the stack tool reads Docker's health log).
    Processes.Ran restarted = stack.make(Map.of(), "restart", "SVC=api");
    if (!restarted.ok()) {
      throw new BenchFailure("make restart SVC=api failed:\n" + restarted.tail(30));
    }
    DevDetail.apiHealthyMs(Processes.run(List.of("scripts/stack.sh", "summary", "--json")).output())
        .ifPresent(
            ms ->
                record.accept(
                    Figure.of(
                        "api container start -> healthy (make restart SVC=api)",
                        Unit.MS,
                        ms,
                        "make status's time to healthy")));

    Processes.Ran edited;
    HarmlessEdit edit = HarmlessEdit.apply(EDIT_FILE);
    try {
      edited = devRestartingApi("edit");
    } finally {
      edit.undo();
    }
    record.accept(
        Figure.of(
            "edit "
                + EDIT_FILE.getFileName()
                + " -> make dev -> new api healthy (the first change after the image build)",
            Unit.MS,
            edited.ms(),
            detail(edited)));
    // The first change recorded Maven's compiler options: from the second on, no Maven starts.
    Processes.Ran undone = devRestartingApi("undo");
    record.accept(
        Figure.of(
            "the edit undone -> make dev -> new api healthy (the fast path, no Maven)",
            Unit.MS,
            undone.ms(),
            detail(undone)));
    generator();
  }

  /** make dev after a code change, which restarts the api in place (said when it did not). */
  private Processes.Ran devRestartingApi(String what) {
    String before = stack.startedAt("api");
    Processes.Ran ran = stack.mustMake(what, "dev");
    if (stack.startedAt("api").equals(before)) {
      System.err.println("bench: make dev did not restart the api (" + what + ")");
    }
    return ran;
  }

  private void generator() {
    String before =
        Processes.run(List.of("git", "status", "--porcelain", "--", "k8s-generated")).output();
    // The generator converts the project as committed: compose.yaml (K8S_COMPOSE_FILES), no
    // run-specific project name.
    for (int run = 1; run <= 2; run++) {
      Processes.Ran k8s = stack.make(Stack.env("COMPOSE_PROJECT_NAME", null), "k8s");
      if (k8s.ok()) {
        record.accept(
            Figure.of(
                "make k8s (run " + run + ")",
                Unit.MS,
                k8s.ms(),
                "regenerates k8s-generated/ from compose.yaml"));
      } else {
        System.err.println("bench: make k8s failed: " + k8s.tail(5));
      }
    }
    if (!Processes.run(List.of("git", "status", "--porcelain", "--", "k8s-generated"))
        .output()
        .equals(before)) {
      System.err.println("bench: make k8s changed k8s-generated/ (run make k8s-check)");
    }
    // A large real-world shape: 57 services like getsentry/self-hosted's file (goal: under 2 s).
    for (int run = 1; run <= 2; run++) {
      Processes.Ran k8s =
          stack.make(
              Stack.env("COMPOSE_PROJECT_NAME", null),
              "k8s",
              "K8S_COMPOSE_FILES=scripts/bench/sentry-shaped/compose.yaml",
              "K8S_DIR=" + scratch.resolve("sentry-shaped"));
      if (k8s.ok()) {
        record.accept(
            Figure.of(
                "make k8s, 57-service file (run " + run + ")",
                Unit.MS,
                k8s.ms(),
                "goal 2 s, JVM start included"));
      } else {
        System.err.println("bench: make k8s of the 57-service file failed: " + k8s.tail(5));
      }
    }
  }

  private String detail(Processes.Ran dev) {
    try {
      return DevDetail.of(Files.readString(summaryJson), dev.output());
    } catch (IOException e) {
      throw new UncheckedIOException("make dev wrote no summary at " + summaryJson, e);
    }
  }
}
