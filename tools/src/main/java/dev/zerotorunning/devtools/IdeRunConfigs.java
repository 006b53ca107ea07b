package dev.zerotorunning.devtools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The IDE's side of {@code make dev PROFILE=deps}: writes, into {@code .run/} (git-ignored), an
 * IntelliJ IDEA run configuration ({@value #INTELLIJ_FILE}, which IntelliJ lists by itself) and the
 * env file that {@code .vscode/launch.json} names ({@value #ENV_FILE}), both with the settings make
 * dev prints. Run from source with the JDK only (scripts/lib.sh java_tool).
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

  /**
   * The API's settings for a JVM on this machine against the ports make dev PROFILE=deps publishes
   * (compose.yaml gives the containers the same keys with service names as hosts). It listens where
   * the api container would be published (API_PORT, API_ADMIN_PORT).
   */
  static Map<String, String> hostSettings(Map<String, String> env) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("HTTP_PORT", env.getOrDefault("API_PORT", "8080"));
    settings.put("ADMIN_PORT", env.getOrDefault("API_ADMIN_PORT", "8081"));
    settings.put(
        "DATABASE_URL",
        "jdbc:postgresql://localhost:%s/%s"
            .formatted(
                env.getOrDefault("DB_PORT", "5432"), env.getOrDefault("POSTGRES_DB", "wander")));
    settings.put("DATABASE_USER", env.getOrDefault("POSTGRES_USER", "wander"));
    settings.put("DATABASE_PASSWORD", env.getOrDefault("POSTGRES_PASSWORD", ""));
    settings.put(
        "REDIS_URI", "redis://localhost:%s/0".formatted(env.getOrDefault("REDIS_PORT", "6379")));
    return settings;
  }

  /** The API's main class as api/pom.xml declares it (the build's one source). */
  static String apiMainClass(Path repo) throws IOException {
    Matcher m =
        Pattern.compile("<main.class>([^<]+)</main.class>")
            .matcher(Files.readString(repo.resolve("api/pom.xml")));
    if (!m.find()) {
      throw new IllegalStateException("api/pom.xml declares no <main.class>");
    }
    return m.group(1);
  }

  /** What make dev PROFILE=deps prints: how to run the API from an IDE against the containers. */
  static String instructions(String mainClass, Map<String, String> settings, List<Path> files) {
    String env =
        String.join(
            " ", settings.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    return String.join(
        "\n",
        "Run the API from your IDE (or: make run-api), against these containers:",
        "  main class   " + mainClass + "   (module " + MODULE + ", JDK 17+)",
        "  arguments    " + PROGRAM_ARGUMENTS + "   (working directory: the repository root)",
        "  environment  " + env,
        "  then         http://localhost:%s/api/health (admin: http://localhost:%s)"
            .formatted(settings.get("HTTP_PORT"), settings.get("ADMIN_PORT")),
        "  IDE          IntelliJ IDEA and VS Code (.vscode/launch.json) read them from "
            + String.join(" ", files.stream().map(Path::toString).toList()),
        "");
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

  /**
   * {@code java IdeRunConfigs.java DIR [--main-class]}, from the repository root with the settings
   * in the environment (.env loaded): writes the files into DIR and prints the instructions, or
   * with --main-class only the API's main class (make run-api runs it with the env file's
   * settings).
   */
  public static void main(String[] args) throws IOException {
    boolean mainClassOnly = args.length == 2 && args[1].equals("--main-class");
    if (args.length < 1 || args.length > 2 || (args.length == 2 && !mainClassOnly)) {
      System.err.println("usage: java IdeRunConfigs.java DIR [--main-class]");
      System.exit(2);
    }
    Map<String, String> settings = hostSettings(System.getenv());
    String mainClass = apiMainClass(Path.of(""));
    List<Path> files = write(Path.of(args[0]), mainClass, settings);
    System.out.print(mainClassOnly ? mainClass + "\n" : instructions(mainClass, settings, files));
  }
}
