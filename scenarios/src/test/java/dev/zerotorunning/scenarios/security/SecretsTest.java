package dev.zerotorunning.scenarios.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No password or secret of .env leaves this machine: not in any layer or config of the project's
 * images ({@code docker save}), not in k8s-generated/, and .env itself is never committed.
 */
@Tag("security")
class SecretsTest {
  /** A .env setting whose value is a secret, by its name (an optional {@code export} first). */
  private static final Pattern SECRET_SETTING =
      Pattern.compile(
          "^\\s*(?:export\\s+)?([A-Za-z_]*(?:PASSWORD|SECRET|TOKEN|API_KEY|PRIVATE_KEY)[A-Za-z_]*)=(.*)$");

  /** Shorter values would match by chance (and are too weak to be secrets). */
  private static final int SHORTEST_SEARCHED = 6;

  private final Project project = new Project();

  /** A secret setting of .env: its name and its value without quotes. */
  record Setting(String name, String value) {}

  static List<Setting> secretSettings(Path envFile) {
    if (!Files.isRegularFile(envFile)) {
      return List.of();
    }
    List<Setting> settings = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(envFile, StandardCharsets.UTF_8)) {
        Matcher setting = SECRET_SETTING.matcher(line.replace("\r", ""));
        if (setting.matches()) {
          settings.add(new Setting(setting.group(1), unquote(setting.group(2))));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return settings;
  }

  private static String unquote(String value) {
    for (String quote : List.of("\"", "'")) {
      if (value.startsWith(quote)) {
        value = value.substring(1);
      }
      if (value.endsWith(quote)) {
        value = value.substring(0, value.length() - 1);
      }
    }
    return value;
  }

  /** The values searched for: .env's secrets and POSTGRES_PASSWORD of this environment. */
  private List<String> secrets() {
    TreeSet<String> values = new TreeSet<>();
    secretSettings(project.stack.root().resolve(".env")).forEach(s -> values.add(s.value()));
    String postgres = System.getenv("POSTGRES_PASSWORD");
    if (postgres != null) {
      values.add(postgres);
    }
    values.removeIf(value -> value.length() < SHORTEST_SEARCHED);
    assumeTrue(!values.isEmpty(), "no secret values in .env to search for");
    return List.copyOf(values);
  }

  @Test
  void everySecretOfDotEnvIsLongEnoughToBeSearchedFor() {
    List<String> tooShort =
        secretSettings(project.stack.root().resolve(".env")).stream()
            .filter(s -> !s.value().isEmpty() && s.value().length() < SHORTEST_SEARCHED)
            .map(Setting::name)
            .toList();
    assumeTrue(
        tooShort.isEmpty(),
        tooShort
            + " shorter than "
            + SHORTEST_SEARCHED
            + " characters: not searched (and too weak)");
  }

  static Stream<String> images() {
    return Stream.of(
        Project.API_IMAGE,
        Project.image("WEB_IMAGE", "zero-to-running/web:dev"),
        Project.image("WEB_DEV_IMAGE", "zero-to-running/web-dev:dev"));
  }

  @ParameterizedTest(name = "image {0}: no secret value of .env in its layers and configs")
  @MethodSource("images")
  void noSecretIsInAnImage(String image, @TempDir Path dir) throws IOException {
    List<String> secrets = secrets();
    assumeTrue(project.imageExists(image), "image " + image + " is not built here: not searched");
    Path saved = dir.resolve("image.tar");
    project.compose.docker("save", "--output", saved.toString(), image).outOrFail();
    List<String> blobs = new ArrayList<>();
    List<String> hits = new ArrayList<>();
    try (TarArchiveInputStream tar =
        new TarArchiveInputStream(new BufferedInputStream(Files.newInputStream(saved)))) {
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        if (entry.isFile()) {
          blobs.add(entry.getName());
          if (ByteSearch.containsAny(uncompressed(tar), secrets)) {
            hits.add(entry.getName());
          }
        }
      }
    }
    assertThat(blobs).as("the files of `docker save %s`", image).isNotEmpty();
    assertThat(hits)
        .as(
            "layers/configs of %s (of %d) holding one of the %d secret value(s) of .env",
            image, blobs.size(), secrets.size())
        .isEmpty();
  }

  /** A tar entry's content, gunzipped when it is a compressed layer. */
  private static InputStream uncompressed(InputStream entry) throws IOException {
    BufferedInputStream in = new BufferedInputStream(entry);
    in.mark(2);
    boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
    in.reset();
    return gzip ? new GZIPInputStream(in) : in;
  }

  @Test
  void noSecretIsInTheGeneratedKubernetesFiles() throws IOException {
    List<String> secrets = secrets();
    TreeSet<String> files = new TreeSet<>();
    files.addAll(Project.lines(project.git("ls-files", "k8s-generated").outOrFail()));
    files.addAll(
        Project.lines(
            project.git("ls-files", "-o", "--exclude-standard", "k8s-generated").outOrFail()));
    List<String> hits = new ArrayList<>();
    for (String file : files) {
      Path path = project.stack.root().resolve(file);
      if (Files.isRegularFile(path)) {
        try (InputStream in = Files.newInputStream(path)) {
          if (ByteSearch.containsAny(in, secrets)) {
            hits.add(file);
          }
        }
      }
    }
    assertThat(hits)
        .as(
            "k8s-generated/ files (of %d committed or committable) holding a secret value of .env",
            files.size())
        .isEmpty();
  }

  @Test
  void dotEnvIsGitIgnoredAndNotTracked() {
    assertThat(project.git("check-ignore", "--quiet", ".env").exitCode())
        .as("git check-ignore .env (0: ignored)")
        .isZero();
    assertThat(project.git("ls-files", "--error-unmatch", ".env").succeeded())
        .as(".env is tracked by git")
        .isFalse();
  }
}
