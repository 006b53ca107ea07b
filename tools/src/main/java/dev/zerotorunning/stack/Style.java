package dev.zerotorunning.stack;

/** Terminal colours as scripts/lib.sh uses them, or none (NO_COLOR, not a terminal). */
public record Style(boolean color) {
  /** Colours when this process writes to a terminal and NO_COLOR is unset, as scripts/lib.sh. */
  public static Style ofTerminal() {
    return new Style(System.console() != null && System.getenv("NO_COLOR") == null);
  }

  public String bold(String s) {
    return color ? "\033[1m" + s + "\033[0m" : s;
  }

  /** A line that says something went well: "✓ ...". */
  public String ok(String s) {
    return (color ? "\033[32m✓\033[0m " : "✓ ") + s;
  }

  /** A line that names a failure: "✗ ...". */
  public String fail(String s) {
    return color ? "\033[31m✗ " + s + "\033[0m" : "✗ " + s;
  }

  public String yellow(String s) {
    return color ? "\033[33m" + s + "\033[0m" : s;
  }
}
