package dev.llmtck.tck.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The kit's version, as Maven wrote it into {@code version.properties} at build time. */
final class KitVersion {
  private KitVersion() {
  }

  static String get() {
    try (InputStream in = KitVersion.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        Properties properties = new Properties();
        properties.load(in);
        String version = properties.getProperty("version", "");
        if (!version.isBlank() && !version.startsWith("${")) {
          return version;
        }
      }
    } catch (IOException e) {
      // fall through: an unknown version is reported as such
    }
    return "unknown";
  }
}
