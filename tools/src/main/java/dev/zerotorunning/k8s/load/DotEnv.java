package dev.zerotorunning.k8s.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads {@code .env} files the way Compose does: {@code KEY=VALUE}, optional {@code export},
 * comments, single quotes literal, double quotes with escapes, unquoted values trimmed and cut at "
 * #", and {@code ${VAR}} references to earlier keys (or the outer lookup) expanded in
 * unquoted/double-quoted values.
 */
public final class DotEnv {
  private DotEnv() {}

  public static Map<String, String> read(Path file, Function<String, Optional<String>> outer)
      throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8), outer);
  }

  public static Map<String, String> parse(String text, Function<String, Optional<String>> outer) {
    Map<String, String> vars = new LinkedHashMap<>();
    Interpolator interpolator =
        new Interpolator(name -> Optional.ofNullable(vars.get(name)).or(() -> outer.apply(name)));
    int i = 0;
    String s = text.replace("\r\n", "\n");
    while (i < s.length()) {
      int lineEnd = s.indexOf('\n', i);
      if (lineEnd < 0) {
        lineEnd = s.length();
      }
      String line = s.substring(i, lineEnd).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        i = lineEnd + 1;
        continue;
      }
      if (line.startsWith("export ")) {
        line = line.substring("export ".length()).stripLeading();
      }
      int eq = line.indexOf('=');
      if (eq < 0) {
        i = lineEnd + 1; // a bare KEY declares nothing in an env file
        continue;
      }
      String key = line.substring(0, eq).strip();
      int valueStart = s.indexOf('=', i) + 1;
      while (valueStart < s.length()
          && (s.charAt(valueStart) == ' ' || s.charAt(valueStart) == '\t')) {
        valueStart++;
      }
      char quote = valueStart < s.length() ? s.charAt(valueStart) : 0;
      if (quote == '\'' || quote == '"') {
        int close = closingQuote(s, valueStart, quote);
        String raw = s.substring(valueStart + 1, close);
        vars.put(key, quote == '\'' ? raw : interpolator.interpolate(unescape(raw)));
        int next = s.indexOf('\n', close);
        i = next < 0 ? s.length() : next + 1;
      } else {
        String raw = s.substring(valueStart, lineEnd);
        int comment = raw.indexOf(" #");
        if (comment >= 0) {
          raw = raw.substring(0, comment);
        }
        vars.put(key, interpolator.interpolate(raw.strip()));
        i = lineEnd + 1;
      }
    }
    return vars;
  }

  private static int closingQuote(String s, int open, char quote) {
    for (int j = open + 1; j < s.length(); j++) {
      if (quote == '"' && s.charAt(j) == '\\') {
        j++;
      } else if (s.charAt(j) == quote) {
        return j;
      }
    }
    throw new IllegalArgumentException("unterminated " + quote + " quote in env file");
  }

  private static String unescape(String raw) {
    StringBuilder sb = new StringBuilder();
    for (int j = 0; j < raw.length(); j++) {
      char c = raw.charAt(j);
      if (c == '\\' && j + 1 < raw.length()) {
        char n = raw.charAt(++j);
        switch (n) {
          case 'n' -> sb.append('\n');
          case 't' -> sb.append('\t');
          case 'r' -> sb.append('\r');
          case '"', '\\' -> sb.append(n);
          case '$' -> sb.append("$$"); // stays a literal dollar through interpolation
          default -> sb.append('\\').append(n);
        }
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
