package dev.llmtck.tck.openai;

import dev.llmtck.tck.target.OpenAiTarget;
import dev.llmtck.tck.target.RunTarget;
import dev.llmtck.tck.target.TargetKeys;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Resolves the run's {@link OpenAiTarget} once per engine run (root store): from the configuration parameters
 * in {@link TargetKeys}, or, with no base URL set, by starting the embedded reference platform, which the root
 * store closes when the run ends.
 */
final class OpenAiTargets {

  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  private OpenAiTargets() {}

  static OpenAiTarget of(ExtensionContext context) {
    return RunTarget.of(context, OpenAiTargets.class, OpenAiTargets::resolve);
  }

  private static RunTarget<OpenAiTarget> resolve(ExtensionContext root) {
    Duration timeout = root.getConfigurationParameter(TargetKeys.TIMEOUT_SECONDS)
        .map(OpenAiTargets::seconds).orElse(DEFAULT_TIMEOUT);
    Optional<String> baseUrl = root.getConfigurationParameter(TargetKeys.OPENAI_BASE_URL).filter(s -> !s.isBlank());
    if (baseUrl.isEmpty()) {
      EmbeddedReferencePlatform embedded = EmbeddedReferencePlatform.start(timeout);
      return RunTarget.embedded(embedded.target(), embedded);
    }
    String model = root.getConfigurationParameter(TargetKeys.OPENAI_MODEL).filter(s -> !s.isBlank())
        .orElseThrow(() -> new ExtensionConfigurationException(
            TargetKeys.OPENAI_MODEL + " must name the served model to certify when " + TargetKeys.OPENAI_BASE_URL
                + " is set"));
    Set<String> capabilities = root.getConfigurationParameter(TargetKeys.CAPABILITIES)
        .map(list -> Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty())
            .collect(Collectors.toUnmodifiableSet()))
        .orElse(Set.of());
    return RunTarget.configured(new OpenAiTarget(URI.create(baseUrl.get().strip()),
        root.getConfigurationParameter(TargetKeys.OPENAI_API_KEY), model, capabilities, timeout,
        root.getConfigurationParameter(TargetKeys.OPENAI_EXPECTED_VLLM_VERSION), false));
  }

  private static Duration seconds(String text) {
    try {
      long seconds = Long.parseLong(text.strip());
      if (seconds > 0) {
        return Duration.ofSeconds(seconds);
      }
    } catch (NumberFormatException e) {
      // Reported below.
    }
    throw new ExtensionConfigurationException(TargetKeys.TIMEOUT_SECONDS + " must be a positive number of seconds, "
        + "not '" + text + "'");
  }
}
