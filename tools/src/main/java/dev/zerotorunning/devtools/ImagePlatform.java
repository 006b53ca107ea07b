package dev.zerotorunning.devtools;

import java.util.Locale;
import java.util.Optional;

/**
 * Which platform the API image is built for: {@code PLATFORM} when set, else the architecture of
 * the Docker engine that will run it (not the JVM's: a JDK under Rosetta on Apple Silicon says
 * x86_64 while the engine runs arm64 natively). Run from source with the JDK only ({@code java
 * ImagePlatform.java PLATFORM ENGINE_ARCH}); prints {@code linux/amd64} or {@code linux/arm64}, or
 * one line with the fix and exit status 2.
 */
public final class ImagePlatform {
  private ImagePlatform() {}

  static final String OVERRIDE = "PLATFORM";

  /**
   * The platform for an override (may be blank) and the engine's architecture as Docker names it.
   */
  public static String choose(String override, String engineArch) {
    if (override != null && !override.isBlank()) {
      return normalise(override.trim().replaceFirst("^linux/", ""))
          .orElseThrow(
              () ->
                  new IllegalArgumentException(
                      OVERRIDE
                          + "="
                          + override.trim()
                          + " is not a platform the images are built for. Fix: PLATFORM=linux/amd64"
                          + " or PLATFORM=linux/arm64"));
    }
    return normalise(engineArch)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "Docker runs on "
                        + engineArch
                        + ", for which no Java base image is built here. Fix: set"
                        + " PLATFORM=linux/amd64 (emulated) or use an amd64/arm64 machine"));
  }

  private static Optional<String> normalise(String arch) {
    return switch (arch == null ? "" : arch.trim().toLowerCase(Locale.ROOT)) {
      case "amd64", "x86_64", "x64", "x86-64" -> Optional.of("linux/amd64");
      case "arm64", "aarch64", "arm64v8", "arm64/v8" -> Optional.of("linux/arm64");
      default -> Optional.empty();
    };
  }

  public static void main(String[] args) {
    try {
      System.out.println(choose(args.length > 0 ? args[0] : "", args.length > 1 ? args[1] : ""));
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
    }
  }
}
