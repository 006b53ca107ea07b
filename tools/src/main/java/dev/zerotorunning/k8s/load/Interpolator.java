package dev.zerotorunning.k8s.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Compose variable interpolation: {@code $V}, {@code ${V}}, {@code ${V:-d}}, {@code ${V-d}}, {@code
 * ${V:?err}}, {@code ${V?err}}, {@code ${V:+alt}}, {@code ${V+alt}} and {@code $$} for a literal
 * dollar. Defaults may themselves contain {@code ${...}} (Compose allows nesting).
 */
public final class Interpolator {

  /** Raised for {@code ${V:?err}} / {@code ${V?err}} and for malformed expressions. */
  public static final class InterpolationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InterpolationException(String message) {
      super(message);
    }
  }

  private final Function<String, Optional<String>> lookup;
  private final List<String> unsetVariables = new ArrayList<>();

  public Interpolator(Function<String, Optional<String>> lookup) {
    this.lookup = lookup;
  }

  /** Variables referenced without default and not set; Compose warns about these and uses "". */
  public List<String> unsetVariables() {
    return List.copyOf(unsetVariables);
  }

  /** Interpolates every string value (not keys) of a YAML tree, returning a new tree. */
  public Object interpolateTree(Object node, String path) {
    if (node instanceof String s) {
      try {
        return interpolate(s);
      } catch (InterpolationException e) {
        throw new InterpolationException(path + ": " + e.getMessage());
      }
    }
    if (node instanceof Map<?, ?> map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      map.forEach(
          (k, v) ->
              out.put(k, interpolateTree(v, path.isEmpty() ? String.valueOf(k) : path + "." + k)));
      return out;
    }
    if (node instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        out.add(interpolateTree(list.get(i), path + "[" + i + "]"));
      }
      return out;
    }
    return node;
  }

  public String interpolate(String text) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c != '$' || i + 1 >= text.length()) {
        out.append(c);
        i++;
        continue;
      }
      char next = text.charAt(i + 1);
      if (next == '$') {
        out.append('$');
        i += 2;
      } else if (next == '{') {
        int end = matchingBrace(text, i + 1);
        out.append(expand(text.substring(i + 2, end)));
        i = end + 1;
      } else if (isNameStart(next)) {
        int end = i + 1;
        while (end < text.length() && isNamePart(text.charAt(end))) {
          end++;
        }
        out.append(valueOrBlank(text.substring(i + 1, end)));
        i = end;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private String expand(String expr) {
    int nameEnd = 0;
    while (nameEnd < expr.length() && isNamePart(expr.charAt(nameEnd))) {
      nameEnd++;
    }
    String name = expr.substring(0, nameEnd);
    if (name.isEmpty() || !isNameStart(name.charAt(0))) {
      throw new InterpolationException("invalid interpolation format for \"${" + expr + "}\"");
    }
    if (nameEnd == expr.length()) {
      return valueOrBlank(name);
    }
    boolean colon = expr.charAt(nameEnd) == ':';
    int opAt = colon ? nameEnd + 1 : nameEnd;
    if (opAt >= expr.length()) {
      throw new InterpolationException("invalid interpolation format for \"${" + expr + "}\"");
    }
    char op = expr.charAt(opAt);
    String arg = expr.substring(opAt + 1);
    Optional<String> value = lookup.apply(name);
    // The colon forms treat an empty value like an unset one, exactly as POSIX shells do.
    boolean present = colon ? value.filter(v -> !v.isEmpty()).isPresent() : value.isPresent();
    switch (op) {
      case '-':
        return present ? value.get() : interpolate(arg);
      case '?':
        if (!present) {
          throw new InterpolationException(
              "required variable "
                  + name
                  + " is missing a value"
                  + (arg.isEmpty() ? "" : ": " + interpolate(arg)));
        }
        return value.get();
      case '+':
        return present ? interpolate(arg) : "";
      default:
        throw new InterpolationException("invalid interpolation format for \"${" + expr + "}\"");
    }
  }

  private String valueOrBlank(String name) {
    Optional<String> value = lookup.apply(name);
    if (value.isEmpty() && !unsetVariables.contains(name)) {
      unsetVariables.add(name);
    }
    return value.orElse("");
  }

  private static int matchingBrace(String text, int open) {
    int depth = 0;
    for (int j = open; j < text.length(); j++) {
      if (text.charAt(j) == '{') {
        depth++;
      } else if (text.charAt(j) == '}' && --depth == 0) {
        return j;
      }
    }
    throw new InterpolationException(
        "invalid interpolation format: unclosed \"${\" in \"" + text + "\"");
  }

  private static boolean isNameStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  private static boolean isNamePart(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
