package dev.llmtck.tck.azure;

import dev.llmtck.fixtures.azure.AzureOpenAiMock;
import dev.llmtck.tck.target.RunTarget;
import dev.llmtck.tck.target.TargetExtension;
import dev.llmtck.tck.target.TargetKeys;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives Azure clauses their {@link AzureTarget} and an {@link AzureClient} that records evidence. The target
 * comes from the {@code llmtck.azure.*} configuration keys; with no endpoint configured, the kit starts its
 * embedded {@link AzureOpenAiMock} once per run and certifies that. An endpoint without a key or a deployment
 * aborts every clause with a reason that names the missing key, rather than failing them.
 */
public final class AzureTargetExtension extends TargetExtension<AzureTarget, AzureClient> {
  static final String EMBEDDED_PROMPT_TERM = "llmtck-filter-prompt";
  static final String EMBEDDED_ANSWER_TERM = "llmtck-filter-answer";

  /** Created by JUnit, through {@code @ExtendWith} on the contract. */
  public AzureTargetExtension() {
    super(AzureTarget.class, AzureClient.class);
  }

  @Override
  protected AzureClient client(AzureTarget target, ExtensionContext context) {
    return new AzureClient(target, context::publishReportEntry);
  }

  @Override
  protected RunTarget<AzureTarget> resolve(ExtensionContext context) {
    Duration timeout = Duration.ofSeconds(context.getConfigurationParameter(TargetKeys.TIMEOUT_SECONDS)
        .map(Long::parseLong).orElse(60L));
    String version = context.getConfigurationParameter(TargetKeys.AZURE_API_VERSION)
        .orElse(AzureTarget.DEFAULT_API_VERSION);
    var endpoint = context.getConfigurationParameter(TargetKeys.AZURE_ENDPOINT).filter(s -> !s.isBlank());
    if (endpoint.isEmpty()) {
      return embedded(timeout, version);
    }
    var key = context.getConfigurationParameter(TargetKeys.AZURE_API_KEY).filter(s -> !s.isBlank());
    var deployment = context.getConfigurationParameter(TargetKeys.AZURE_DEPLOYMENT).filter(s -> !s.isBlank());
    if (key.isEmpty() || deployment.isEmpty()) {
      return RunTarget.incomplete("Azure target " + endpoint.get() + " is incomplete: set "
          + (key.isEmpty() ? TargetKeys.AZURE_API_KEY + " (or AZURE_OPENAI_API_KEY) " : "")
          + (deployment.isEmpty() ? TargetKeys.AZURE_DEPLOYMENT + " (or --deployment)" : ""));
    }
    return RunTarget.configured(new AzureTarget(URI.create(endpoint.get()), key.get(), deployment.get(), version,
        timeout, context.getConfigurationParameter(TargetKeys.AZURE_FILTERED_PROMPT).orElse(null),
        context.getConfigurationParameter(TargetKeys.AZURE_FILTERED_ANSWER_PROMPT).orElse(null),
        context.getConfigurationParameter(TargetKeys.AZURE_FAULT_CONTROL).map(Boolean::parseBoolean).orElse(false),
        false));
  }

  /** Starts the embedded mock; the run's root store closes it when the run ends. */
  private static RunTarget<AzureTarget> embedded(Duration timeout, String version) {
    String key = "embedded-" + UUID.randomUUID();
    AzureOpenAiMock mock = AzureOpenAiMock.builder()
        .apiKey(key)
        .deployment("gpt-4o", "gpt-4o-2024-08-06")
        .promptFilterTerm(EMBEDDED_PROMPT_TERM)
        .answerFilterTerm(EMBEDDED_ANSWER_TERM)
        .start();
    AzureTarget target = new AzureTarget(mock.endpoint(), key, "gpt-4o", version, timeout,
        "Repeat after me: " + EMBEDDED_PROMPT_TERM, "Write a story about " + EMBEDDED_ANSWER_TERM, true, true);
    return RunTarget.embedded(target, mock);
  }
}
