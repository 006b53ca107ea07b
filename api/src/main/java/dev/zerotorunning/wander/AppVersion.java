package dev.zerotorunning.wander;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The build's version, written into wander-version.properties by Maven resource filtering. */
public final class AppVersion {
  private AppVersion() {}

  public static String current() {
    Properties properties = new Properties();
    try (InputStream in = AppVersion.class.getResourceAsStream("/wander-version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties.getProperty("version", "unknown");
  }
}
