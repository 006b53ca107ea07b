package dev.zerotorunning.stack;

import picocli.CommandLine.Option;

/** Tables and messages for people: in colour on a terminal. */
public final class OutputOptions {
  @Option(
      names = "--color",
      description = "Bold headers and coloured marks (scripts/lib.sh passes it on a terminal).")
  boolean color;

  public Style style() {
    return new Style(color);
  }
}
