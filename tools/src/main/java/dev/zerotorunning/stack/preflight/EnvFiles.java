package dev.zerotorunning.stack.preflight;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The variables a .env file sets: KEY=VALUE lines, "export KEY=VALUE" too, comments skipped. */
public final class EnvFiles {
  private static final Pattern ASSIGNMENT =
      Pattern.compile("^\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_]*)\\s*=");

  private EnvFiles() {}

  public static Set<String> keys(List<String> lines) {
    Set<String> keys = new LinkedHashSet<>();
    for (String line : lines) {
      Matcher m = ASSIGNMENT.matcher(line);
      if (m.find()) {
        keys.add(m.group(1));
      }
    }
    return keys;
  }

  /** The keys .env.example declares that .env lacks (new since .env was copied), in its order. */
  public static List<String> missing(List<String> example, List<String> env) {
    Set<String> have = keys(env);
    return keys(example).stream().filter(k -> !have.contains(k)).toList();
  }
}
