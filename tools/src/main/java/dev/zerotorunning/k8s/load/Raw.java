package dev.zerotorunning.k8s.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Typed access to the parsed YAML tree with error messages that name the offending path. */
final class Raw {
  private Raw() {}

  /** A compose-file error: wrong type or invalid value at {@code path}. */
  static final class ComposeFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    ComposeFormatException(String path, String message) {
      super(path + ": " + message);
    }
  }

  static String string(Object value, String path) {
    if (value == null) {
      return null;
    }
    if (value instanceof Map || value instanceof List) {
      throw new ComposeFormatException(path, "expected a scalar");
    }
    if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
      return String.valueOf(d.longValue()); // YAML `1.0` prints as Go prints it: "1"
    }
    return String.valueOf(value);
  }

  /** A unit-bearing value ({@link Units}) whose error message gains the path. */
  static <T> T parsed(Object value, String path, java.util.function.Function<Object, T> parser) {
    try {
      return parser.apply(value);
    } catch (ComposeFormatException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new ComposeFormatException(path, e.getMessage());
    }
  }

  static int integer(Object value, String path) {
    try {
      return Integer.parseInt(string(value, path).trim());
    } catch (NumberFormatException e) {
      throw new ComposeFormatException(path, "expected an integer, got \"" + value + "\"");
    }
  }

  static boolean bool(Object value, String path) {
    if (value instanceof Boolean b) {
      return b;
    }
    String s = string(value, path);
    if ("true".equalsIgnoreCase(s) || "false".equalsIgnoreCase(s)) {
      return Boolean.parseBoolean(s);
    }
    throw new ComposeFormatException(path, "expected true or false, got \"" + value + "\"");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value, String path) {
    if (value == null) {
      return new LinkedHashMap<>();
    }
    if (!(value instanceof Map)) {
      throw new ComposeFormatException(path, "expected a mapping");
    }
    return (Map<String, Object>) value;
  }

  static List<Object> list(Object value, String path) {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> l)) {
      throw new ComposeFormatException(path, "expected a list");
    }
    return new ArrayList<>(l);
  }

  /**
   * A scalar or a list of scalars, both common in compose ({@code env_file}, {@code tmpfs}, ...).
   */
  static List<String> stringOrList(Object value, String path) {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List)) {
      return List.of(string(value, path));
    }
    List<String> out = new ArrayList<>();
    List<Object> items = list(value, path);
    for (int i = 0; i < items.size(); i++) {
      out.add(string(items.get(i), path + "[" + i + "]"));
    }
    return out;
  }

  /** {@code KEY: value} mapping or {@code ["KEY=value", "KEY"]} list; a missing value is null. */
  static Map<String, String> keyValues(Object value, String path) {
    Map<String, String> out = new LinkedHashMap<>();
    if (value instanceof Map) {
      map(value, path).forEach((k, v) -> out.put(k, string(v, path + "." + k)));
    } else {
      for (String item : stringOrList(value, path)) {
        int eq = item.indexOf('=');
        out.put(eq < 0 ? item : item.substring(0, eq), eq < 0 ? null : item.substring(eq + 1));
      }
    }
    return out;
  }
}
