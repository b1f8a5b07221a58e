package dev.llmtck.tck.bedrock;

import dev.llmtck.fixtures.bedrock.BedrockCredentials;
import dev.llmtck.fixtures.bedrock.BedrockRuntimeMock;
import dev.llmtck.tck.target.RunTarget;
import dev.llmtck.tck.target.TargetExtension;
import dev.llmtck.tck.target.TargetKeys;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives Bedrock clauses their {@link BedrockTarget} and a {@link BedrockClient} that records evidence. With
 * neither an endpoint nor credentials configured, the kit starts its embedded {@link BedrockRuntimeMock} once
 * per run and certifies that; with credentials but no endpoint it certifies AWS's regional endpoint. A target
 * without credentials or without a model aborts every clause with a reason naming the missing key.
 */
public final class BedrockTargetExtension extends TargetExtension<BedrockTarget, BedrockClient> {
  static final String EMBEDDED_MODEL = "anthropic.claude-3-haiku-20240307-v1:0";
  static final String EMBEDDED_DISABLED_MODEL = "anthropic.claude-3-5-sonnet-20240620-v1:0";
  static final String EMBEDDED_PROFILE_ONLY_MODEL = "anthropic.claude-3-7-sonnet-20250219-v1:0";

  /** Created by JUnit, through {@code @ExtendWith} on the contract. */
  public BedrockTargetExtension() {
    super(BedrockTarget.class, BedrockClient.class);
  }

  @Override
  protected BedrockClient client(BedrockTarget target, ExtensionContext context) {
    return new BedrockClient(target, context::publishReportEntry);
  }

  @Override
  protected RunTarget<BedrockTarget> resolve(ExtensionContext context) {
    Duration timeout = Duration.ofSeconds(context.getConfigurationParameter(TargetKeys.TIMEOUT_SECONDS)
        .map(Long::parseLong).orElse(60L));
    Optional<String> endpoint = value(context, TargetKeys.BEDROCK_ENDPOINT);
    Optional<String> keyId = value(context, TargetKeys.BEDROCK_ACCESS_KEY_ID);
    if (endpoint.isEmpty() && keyId.isEmpty()) {
      return embedded(timeout);
    }
    Optional<String> secret = value(context, TargetKeys.BEDROCK_SECRET_ACCESS_KEY);
    Optional<String> model = value(context, TargetKeys.BEDROCK_MODEL_ID);
    String region = value(context, TargetKeys.BEDROCK_REGION).orElse("us-east-1");
    if (keyId.isEmpty() || secret.isEmpty() || model.isEmpty()) {
      return RunTarget.incomplete("Bedrock target " + endpoint.orElse("in " + region) + " is incomplete: set "
          + (keyId.isEmpty() ? TargetKeys.BEDROCK_ACCESS_KEY_ID + " (or AWS_ACCESS_KEY_ID) " : "")
          + (secret.isEmpty() ? TargetKeys.BEDROCK_SECRET_ACCESS_KEY + " (or AWS_SECRET_ACCESS_KEY) " : "")
          + (model.isEmpty() ? TargetKeys.BEDROCK_MODEL_ID + " (or --model)" : ""));
    }
    return RunTarget.configured(new BedrockTarget(endpoint.map(URI::create).orElse(null), region, keyId.get(),
        secret.get(), value(context, TargetKeys.BEDROCK_SESSION_TOKEN).orElse(null), model.get(),
        value(context, TargetKeys.BEDROCK_DISABLED_MODEL_ID).orElse(null),
        value(context, TargetKeys.BEDROCK_PROFILE_ONLY_MODEL_ID).orElse(null), timeout,
        value(context, TargetKeys.BEDROCK_FAULT_CONTROL).map(Boolean::parseBoolean).orElse(false), false));
  }

  private static Optional<String> value(ExtensionContext context, String key) {
    return context.getConfigurationParameter(key).filter(s -> !s.isBlank());
  }

  /** Starts the embedded mock; the run's root store closes it when the run ends. */
  private static RunTarget<BedrockTarget> embedded(Duration timeout) {
    // Temporary credentials, so BDR-AUTH-2 (session tokens) is checked on the reference platform too.
    BedrockCredentials credentials = BedrockCredentials.temporary("ASIAEMBEDDED00000001",
        "embedded-" + UUID.randomUUID(), "embedded-token-" + UUID.randomUUID());
    BedrockRuntimeMock mock = BedrockRuntimeMock.builder()
        .credentials(credentials)
        .enableModel(EMBEDDED_MODEL)
        .enableModel("us." + EMBEDDED_PROFILE_ONLY_MODEL)
        .start();
    BedrockTarget target = new BedrockTarget(mock.endpoint(), mock.region(), credentials.accessKeyId(),
        credentials.secretAccessKey(), credentials.sessionToken(), EMBEDDED_MODEL, EMBEDDED_DISABLED_MODEL,
        EMBEDDED_PROFILE_ONLY_MODEL, timeout, true, true);
    return RunTarget.embedded(target, mock);
  }
}
