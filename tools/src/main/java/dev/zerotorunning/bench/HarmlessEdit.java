package dev.zerotorunning.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A comment line at the top of a Java class body (google-java-format keeps it). It moves the line
 * numbers of the code below, so the bytecode and the image change: a comment that moves nothing
 * compiles to the same classes, and Jib's reproducible image would be the same one. Undoing it
 * removes exactly that line, so a concurrent edit of the file by someone else survives.
 */
final class HarmlessEdit {
  static final String LINE = "  // make bench: a harmless edit, reverted when the bench ends";

  private final Path file;

  private HarmlessEdit(Path file) {
    this.file = file;
  }

  /** Inserts the line after the first public class declaration of {@code file}. */
  static HarmlessEdit apply(Path file) throws IOException {
    List<String> out = new ArrayList<>();
    boolean done = false;
    for (String line : Files.readAllLines(file)) {
      out.add(line);
      if (!done && line.matches("^public .*class .*\\{$")) {
        out.add(LINE);
        done = true;
      }
    }
    if (!done) {
      throw new IllegalStateException(file + " has no public class declaration to edit after");
    }
    HarmlessEdit edit = new HarmlessEdit(file);
    Runtime.getRuntime().addShutdownHook(new Thread(edit::undo)); // an interrupted bench too
    Files.write(file, out);
    return edit;
  }

  /** Removes the line again (idempotent). */
  void undo() {
    try {
      List<String> lines = Files.readAllLines(file);
      if (lines.contains(LINE)) {
        lines.removeIf(LINE::equals);
        Files.write(file, lines);
      }
    } catch (IOException e) {
      System.err.println("bench: could not undo the edit of " + file + ": " + e.getMessage());
    }
  }
}
