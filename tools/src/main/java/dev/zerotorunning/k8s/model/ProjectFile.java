package dev.zerotorunning.k8s.model;

/**
 * A top-level {@code secrets:} or {@code configs:} entry: where its content comes from.
 *
 * @param source FILE (value: the resolved path), ENVIRONMENT (value: the variable's name), CONTENT
 *     (value: the inline content, configs only) or EXTERNAL (made outside Compose)
 */
public record ProjectFile(String name, Source source, String value) {
  public enum Source {
    FILE,
    ENVIRONMENT,
    CONTENT,
    EXTERNAL
  }
}
