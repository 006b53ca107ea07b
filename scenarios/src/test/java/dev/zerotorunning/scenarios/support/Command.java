package dev.zerotorunning.scenarios.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One external command (docker, make), run to its end with its output captured. */
public final class Command {
  private Command() {}

  /** What a finished command left: its exit code, standard output and standard error. */
  public record Result(List<String> command, int exitCode, String out, String err) {
    public boolean succeeded() {
      return exitCode == 0;
    }

    /** The output, or an {@link AssertionError} naming the command and what it printed. */
    public String outOrFail() {
      if (!succeeded()) {
        throw new AssertionError(
            String.join(" ", command) + " exited " + exitCode + ": " + (err + out).strip());
      }
      return out;
    }
  }

  /**
   * Runs {@code command} in {@code dir} with extra environment {@code env}; kills it after {@code
   * timeout}.
   */
  public static Result run(
      Path dir, Map<String, String> env, Duration timeout, List<String> command) {
    try {
      Path out = Files.createTempFile("scenario-out", ".txt");
      Path err = Files.createTempFile("scenario-err", ".txt");
      try {
        ProcessBuilder builder =
            new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly().waitFor();
          throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout);
        }
        return new Result(
            command,
            process.exitValue(),
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
    }
  }

  /**
   * Starts {@code command} in {@code dir} in the background, its output and errors going to one
   * file that {@link Background#lines()} reads while it runs.
   */
  public static Background start(Path dir, Map<String, String> env, List<String> command) {
    try {
      Path out = Files.createTempFile("scenario-background", ".txt");
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
              .redirectErrorStream(true)
              .redirectOutput(out.toFile());
      builder.environment().putAll(env);
      return new Background(command, builder.start(), out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + String.join(" ", command), e);
    }
  }

  /** A command running in the background; {@link #close()} ends it (SIGTERM, then SIGKILL). */
  public static final class Background implements AutoCloseable {
    private static final Duration GRACE = Duration.ofSeconds(20);

    private final List<String> command;
    private final Process process;
    private final Path out;

    private Background(List<String> command, Process process, Path out) {
      this.command = command;
      this.process = process;
      this.out = out;
    }

    /** What it printed so far. */
    public List<String> lines() {
      try {
        return Files.readAllLines(out, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the output of " + String.join(" ", command), e);
      }
    }

    /** Ends it and returns everything it printed. */
    public List<String> stop() {
      process.destroy();
      try {
        if (!process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly().waitFor();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
      return lines();
    }

    @Override
    public void close() {
      if (process.isAlive()) {
        stop();
      }
      try {
        Files.deleteIfExists(out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
