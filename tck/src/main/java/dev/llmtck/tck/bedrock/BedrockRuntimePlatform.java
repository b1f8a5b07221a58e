package dev.llmtck.tck.bedrock;

import dev.llmtck.fixtures.bedrock.BedrockApiKey;
import dev.llmtck.fixtures.bedrock.BedrockCredentials;
import dev.llmtck.fixtures.bedrock.BedrockRuntimeMock;
import dev.llmtck.tck.platform.CommonSettings;
import dev.llmtck.tck.platform.Platform;
import dev.llmtck.tck.platform.RunTarget;
import dev.llmtck.tck.platform.Setting;
import dev.llmtck.tck.platform.Settings;
import dev.llmtck.tck.platform.TargetFacts;
import dev.llmtck.tck.runner.DuoFeature;
import dev.llmtck.tck.runner.GitLabValues;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * AWS Bedrock runtime: the BDR contract, its settings ({@link BedrockSettings}), the embedded
 * {@link BedrockRuntimeMock} when neither an endpoint nor credentials are given, AWS's regional endpoint when only
 * credentials are, GitLab's {@code bedrock/<model-id>} identifier and the Duo features a Bedrock model serves.
 */
public final class BedrockRuntimePlatform implements Platform<BedrockTarget, BedrockClient> {
  static final String EMBEDDED_MODEL = "anthropic.claude-3-haiku-20240307-v1:0";
  static final String EMBEDDED_DISABLED_MODEL = "anthropic.claude-3-5-sonnet-20240620-v1:0";
  static final String EMBEDDED_PROFILE_ONLY_MODEL = "anthropic.claude-3-7-sonnet-20250219-v1:0";
  static final String DEFAULT_REGION = "us-east-1";
  /** The AWS account of the embedded mock's Bedrock API key. */
  static final String EMBEDDED_ACCOUNT = "123456789012";
  /** The capability of the tool-use clauses: the embedded mock's model calls tools, so it declares it. */
  static final String TOOLS = "tools";

  private static final List<String> STREAMED = List.of("BDR-CONVERSE-1", "BDR-CONVERSE-3", "BDR-STREAM-1",
      "BDR-STREAM-2", "BDR-STREAM-3", "BDR-INVOKE-2");
  private static final List<String> TOOLS_CORE = List.of("BDR-TOOLS-1", "BDR-TOOLS-2", "BDR-TOOLS-3");
  private static final List<String> BASICS = List.of("BDR-AUTH-1", "BDR-AUTH-3", "BDR-AUTH-4",
      "BDR-AUTH-5", "BDR-AUTH-8", "BDR-ENDPOINT-1", "BDR-MODEL-1", "BDR-MODEL-2", "BDR-ERR-1", "BDR-ERR-2",
      "BDR-ERR-5");
  /** Streamed answers must say what whole ones say; supporting (a model not deterministic at 0 skips it). */
  private static final List<String> STREAMED_SUPPORTING = concat(List.of("BDR-STREAM-5"), BASICS);

  @Override
  public String id() {
    return "bedrock";
  }

  @Override
  public String displayName() {
    return "AWS Bedrock runtime";
  }

  @Override
  public List<Setting> settings() {
    return BedrockSettings.ALL;
  }

  @Override
  public List<Class<?>> contractClasses() {
    return List.of(BedrockAuthClauses.class, BedrockEndpointClauses.class, BedrockConverseClauses.class,
        BedrockStreamClauses.class, BedrockInvokeClauses.class, BedrockErrorClauses.class, BedrockToolClauses.class,
        BedrockSdkClauses.class);
  }

  @Override
  public Class<BedrockTarget> targetType() {
    return BedrockTarget.class;
  }

  @Override
  public Class<BedrockClient> clientType() {
    return BedrockClient.class;
  }

  @Override
  public RunTarget<BedrockTarget> open(Settings settings) {
    Duration timeout = settings.seconds(CommonSettings.TIMEOUT_SECONDS).orElseThrow();
    Optional<String> endpoint = settings.get(BedrockSettings.ENDPOINT);
    Optional<String> keyId = settings.get(BedrockSettings.ACCESS_KEY_ID);
    if (endpoint.isEmpty() && keyId.isEmpty()) {
      return embedded(timeout);
    }
    Optional<String> secret = settings.get(BedrockSettings.SECRET_ACCESS_KEY);
    Optional<String> model = settings.get(BedrockSettings.MODEL_ID);
    String region = settings.get(BedrockSettings.REGION).orElse(DEFAULT_REGION);
    if (keyId.isEmpty() || secret.isEmpty() || model.isEmpty()) {
      return RunTarget.incomplete("Bedrock target " + endpoint.orElse("in " + region) + " is incomplete: set "
          + (keyId.isEmpty() ? BedrockSettings.ACCESS_KEY_ID.key() + " (or AWS_ACCESS_KEY_ID) " : "")
          + (secret.isEmpty() ? BedrockSettings.SECRET_ACCESS_KEY.key() + " (or AWS_SECRET_ACCESS_KEY) " : "")
          + (model.isEmpty() ? BedrockSettings.MODEL_ID.key() + " (or --model)" : ""));
    }
    return RunTarget.configured(new BedrockTarget(endpoint.map(URI::create).orElse(null), region, keyId.get(),
        secret.get(), settings.text(BedrockSettings.SESSION_TOKEN), model.get(),
        settings.text(BedrockSettings.DISABLED_MODEL_ID), settings.text(BedrockSettings.PROFILE_ONLY_MODEL_ID),
        timeout, settings.flag(BedrockSettings.FAULT_CONTROL), false, settings.list(CommonSettings.CAPABILITIES),
        settings.text(BedrockSettings.API_KEY)));
  }

  /** Starts the embedded mock; the returned target closes it when the run ends. */
  private static RunTarget<BedrockTarget> embedded(Duration timeout) {
    // Temporary credentials, so BDR-AUTH-2 (session tokens) is checked on the reference platform too.
    BedrockCredentials credentials = BedrockCredentials.temporary("ASIAEMBEDDED00000001",
        "embedded-" + UUID.randomUUID(), "embedded-token-" + UUID.randomUUID());
    // A Bedrock API key too, so BDR-AUTH-6 (bearer keys) is checked on the reference platform.
    String apiKey = BedrockApiKey.longTerm(EMBEDDED_ACCOUNT, "embedded-" + UUID.randomUUID());
    BedrockRuntimeMock mock = BedrockRuntimeMock.builder()
        .credentials(credentials)
        .apiKey(apiKey)
        .enableModel(EMBEDDED_MODEL)
        .enableModel("us." + EMBEDDED_PROFILE_ONLY_MODEL)
        .start();
    BedrockTarget target = new BedrockTarget(mock.endpoint(), mock.region(), credentials.accessKeyId(),
        credentials.secretAccessKey(), credentials.sessionToken(), EMBEDDED_MODEL, EMBEDDED_DISABLED_MODEL,
        EMBEDDED_PROFILE_ONLY_MODEL, timeout, true, true, Set.of(TOOLS), apiKey);
    return RunTarget.embedded(target, mock);
  }

  @Override
  public BedrockClient client(BedrockTarget target, BiConsumer<String, String> reportEntry) {
    return new BedrockClient(target, reportEntry);
  }

  @Override
  public Set<String> capabilities(BedrockTarget target) {
    return target.capabilities();
  }

  @Override
  public TargetFacts facts(Settings settings) {
    List<String> capabilities = List.copyOf(settings.list(CommonSettings.CAPABILITIES));
    Optional<String> endpoint = settings.get(BedrockSettings.ENDPOINT);
    boolean embedded = endpoint.isEmpty() && !settings.has(BedrockSettings.ACCESS_KEY_ID);
    if (embedded) {
      return new TargetFacts(true, "the embedded reference platform", List.of(TOOLS),
          new GitLabValues(gitLab(settings), List.of()));
    }
    String where = endpoint.orElse("region " + settings.text(BedrockSettings.REGION)) + ", model "
        + settings.text(BedrockSettings.MODEL_ID);
    return new TargetFacts(false, where, capabilities, new GitLabValues(gitLab(settings), List.of()));
  }

  private static Map<String, String> gitLab(Settings settings) {
    Map<String, String> values = new LinkedHashMap<>();
    settings.get(BedrockSettings.MODEL_ID).ifPresent(model -> values.put("Model identifier",
        BedrockTarget.gitLabModelIdentifier(model)));
    settings.get(BedrockSettings.REGION).ifPresent(region -> values.put("AWS_REGION_NAME (AI gateway environment)",
        region));
    settings.get(BedrockSettings.ENDPOINT).ifPresent(endpoint -> values.put(
        "AWS_BEDROCK_RUNTIME_ENDPOINT (AI gateway environment)", endpoint));
    return values;
  }

  /**
   * The Duo features a Bedrock model serves: GitLab lists Claude and Mixtral on AWS Bedrock for code
   * completion, code generation and Duo Chat ({@code bedrock/<model-id>}); LiteLLM calls Converse (or
   * InvokeModel) for whole answers and ConverseStream (or InvokeModelWithResponseStream) for streamed ones. The
   * Agent Platform needs tool calling, which LiteLLM sends through Converse's {@code toolConfig}: BDR-TOOLS-1..3
   * (a call, its result answered, the call streamed) define it, on top of the streamed clauses; InvokeModel's
   * Anthropic tool use (BDR-TOOLS-4, skipped for other families) must not fail. The tool clauses run only when the
   * target declares {@code tools}; without it the feature is "not checked", with those clauses named as skipped.
   */
  @Override
  public List<DuoFeature> duoFeatures() {
    return List.of(
        new DuoFeature(DuoFeature.CODE_COMPLETION, List.of("BDR-CONVERSE-1", "BDR-CONVERSE-2", "BDR-INVOKE-1"),
            BASICS, null),
        new DuoFeature(DuoFeature.CODE_GENERATION, STREAMED, STREAMED_SUPPORTING, null),
        new DuoFeature(DuoFeature.DUO_CHAT, STREAMED, STREAMED_SUPPORTING, null),
        new DuoFeature(DuoFeature.AGENT_PLATFORM, TOOLS_CORE, concat(STREAMED, concat(List.of("BDR-TOOLS-4"),
            STREAMED_SUPPORTING)), null));
  }

  /** The endpoint answers signed requests, and Converse answers with the configured model. */
  @Override
  public List<String> likelyCauses() {
    return List.of("BDR-ENDPOINT-1", "BDR-CONVERSE-1");
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }

  @Override
  public Map<String, String> flagHints() {
    return Map.of("--api-key", "Bedrock takes AWS credentials from AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and"
        + " AWS_SESSION_TOKEN, and a Bedrock API key from AWS_BEARER_TOKEN_BEDROCK (or a profile's apiKeyEnv), not"
        + " --api-key");
  }
}
