package dev.zerotorunning.devtools;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The IDE's side of {@code make dev PROFILE=deps}: writes, into {@code .run/} (git-ignored), an
 * IntelliJ IDEA run configuration ({@value #INTELLIJ_FILE}, which IntelliJ lists by itself) and the
 * env file that {@code .vscode/launch.json} names ({@value #ENV_FILE}), both with the settings make
 * dev prints. Run from source with the JDK only: {@code java IdeRunConfigs.java MAIN_CLASS DIR},
 * the {@code KEY=VALUE} lines on stdin.
 */
public final class IdeRunConfigs {
  /** What make run-api passes too: Dropwizard's server command with the API's configuration. */
  public static final String PROGRAM_ARGUMENTS = "server api/config.yml";

  /** The Maven module (IntelliJ module, VS Code project) that holds the API. */
  public static final String MODULE = "api";

  public static final String NAME = "API (make dev PROFILE=deps)";
  public static final String ENV_FILE = "api-host.env";
  public static final String INTELLIJ_FILE = "api-host.run.xml";

  private IdeRunConfigs() {}

  /** The IntelliJ "Application" run configuration, its working directory the repository root. */
  static String intellij(String mainClass, Map<String, String> env) {
    StringBuilder xml = new StringBuilder();
    xml.append("<component name=\"ProjectRunConfigurationManager\">\n")
        .append("  <configuration default=\"false\" name=\"")
        .append(escape(NAME))
        .append("\" type=\"Application\" factoryName=\"Application\">\n")
        .append("    <envs>\n");
    env.forEach(
        (k, v) ->
            xml.append("      <env name=\"")
                .append(escape(k))
                .append("\" value=\"")
                .append(escape(v))
                .append("\" />\n"));
    xml.append("    </envs>\n");
    option(xml, "MAIN_CLASS_NAME", mainClass);
    xml.append("    <module name=\"").append(MODULE).append("\" />\n");
    option(xml, "PROGRAM_PARAMETERS", PROGRAM_ARGUMENTS);
    option(xml, "WORKING_DIRECTORY", "$PROJECT_DIR$");
    return xml.append("    <method v=\"2\">\n")
        .append("      <option name=\"Make\" enabled=\"true\" />\n")
        .append("    </method>\n")
        .append("  </configuration>\n")
        .append("</component>\n")
        .toString();
  }

  /** KEY=VALUE lines, as VS Code's envFile (and a shell's {@code set -a; .}) read them. */
  static String envFile(Map<String, String> env) {
    StringBuilder out =
        new StringBuilder("# written by make dev PROFILE=deps; edit .env instead\n");
    env.forEach((k, v) -> out.append(k).append('=').append(v).append('\n'));
    return out.toString();
  }

  /** Parses KEY=VALUE lines (blank lines skipped); a line without '=' is refused. */
  static Map<String, String> parse(List<String> lines) {
    Map<String, String> env = new LinkedHashMap<>();
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("not a KEY=VALUE line: " + line);
      }
      env.put(line.substring(0, eq), line.substring(eq + 1));
    }
    return env;
  }

  static List<Path> write(Path dir, String mainClass, Map<String, String> env) throws IOException {
    Files.createDirectories(dir);
    Path xml = Files.writeString(dir.resolve(INTELLIJ_FILE), intellij(mainClass, env));
    Path envFile = Files.writeString(dir.resolve(ENV_FILE), envFile(env));
    return List.of(xml, envFile);
  }

  private static void option(StringBuilder xml, String name, String value) {
    xml.append("    <option name=\"")
        .append(name)
        .append("\" value=\"")
        .append(escape(value))
        .append("\" />\n");
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("\n", "&#10;");
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: java IdeRunConfigs.java MAIN_CLASS DIR < KEY=VALUE lines");
      System.exit(2);
    }
    List<String> lines =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
            .lines()
            .toList();
    try {
      for (Path p : write(Path.of(args[1]), args[0], parse(lines))) {
        System.out.println(p);
      }
    } catch (IllegalArgumentException e) {
      System.err.println("IdeRunConfigs: " + e.getMessage());
      System.exit(2);
    }
  }
}
