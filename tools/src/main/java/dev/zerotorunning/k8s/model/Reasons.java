package dev.zerotorunning.k8s.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/**
 * A failure as one line a user can act on: no exception class names, no stack frames, whatever went
 * wrong (bad input always ends here before it reaches the terminal).
 */
public final class Reasons {
  private Reasons() {}

  public static String of(Throwable e) {
    if (e instanceof UncheckedIOException u && u.getCause() != null) {
      return of(u.getCause());
    }
    if (e instanceof NoSuchFileException f) {
      return "no such file: " + f.getFile();
    }
    if (e instanceof AccessDeniedException f) {
      return "permission denied: " + f.getFile();
    }
    if (e instanceof FileSystemException f) {
      return f.getFile() + ": " + (f.getReason() == null ? "cannot be read" : f.getReason());
    }
    String message = e.getMessage();
    if (message == null || message.isBlank() || message.contains("Exception")) {
      return e instanceof IOException
          ? "input/output error"
          : "unexpected failure (please report it with the compose file)";
    }
    return message.strip().replaceAll("\\s*\\R\\s*", "; ");
  }
}
