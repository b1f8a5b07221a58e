package dev.llmtck.tck.launch;

import dev.llmtck.tck.runner.Profile;
import java.security.SecureRandom;
import java.util.HexFormat;

/** The API key a launched target is started with: the profile's {@code apiKeyEnv} variable when set, else random. */
final class LaunchKeys {

  private LaunchKeys() {
  }

  static String apiKey(Profile profile) {
    String fromEnvironment = profile.apiKeyEnv() == null ? null : System.getenv(profile.apiKeyEnv());
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return fromEnvironment;
    }
    byte[] random = new byte[16];
    new SecureRandom().nextBytes(random);
    return "llmtck-" + HexFormat.of().formatHex(random);
  }
}
