package dev.llmtck.tck.bedrock;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The Bedrock runtime under test: endpoint (a configured override, or AWS's regional endpoint), region,
 * credentials, the model to certify, and optional ids that some clauses need. Built by
 * {@link BedrockRuntimePlatform} from the {@code llmtck.bedrock.*} keys, or pointing at the embedded mock.
 */
public final class BedrockTarget {
  /** The geography prefixes of cross-region inference profile ids. */
  static final java.util.Set<String> PROFILE_GEOGRAPHIES = java.util.Set.of("us", "eu", "apac", "global", "us-gov",
      "jp", "au", "ca");
  private final URI endpoint;
  private final boolean endpointOverridden;
  private final String region;
  private final String accessKeyId;
  private final String secretAccessKey;
  private final String sessionToken;
  private final String modelId;
  private final String disabledModelId;
  private final String profileOnlyModelId;
  private final Duration timeout;
  private final boolean faultControl;
  private final boolean embedded;
  private final java.util.Set<String> capabilities;
  private final String apiKey;

  BedrockTarget(URI endpoint, String region, String accessKeyId, String secretAccessKey, String sessionToken,
      String modelId, String disabledModelId, String profileOnlyModelId, Duration timeout, boolean faultControl,
      boolean embedded, java.util.Set<String> capabilities) {
    this(endpoint, region, accessKeyId, secretAccessKey, sessionToken, modelId, disabledModelId, profileOnlyModelId,
        timeout, faultControl, embedded, capabilities, null);
  }

  BedrockTarget(URI endpoint, String region, String accessKeyId, String secretAccessKey, String sessionToken,
      String modelId, String disabledModelId, String profileOnlyModelId, Duration timeout, boolean faultControl,
      boolean embedded, java.util.Set<String> capabilities, String apiKey) {
    this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey;
    this.endpointOverridden = endpoint != null;
    String base = endpoint == null ? "https://bedrock-runtime." + region + ".amazonaws.com" : endpoint.toString();
    this.endpoint = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    this.region = region;
    this.accessKeyId = accessKeyId;
    this.secretAccessKey = secretAccessKey;
    this.sessionToken = sessionToken;
    this.modelId = modelId;
    this.disabledModelId = disabledModelId;
    this.profileOnlyModelId = profileOnlyModelId;
    this.timeout = timeout;
    this.faultControl = faultControl;
    this.embedded = embedded;
    this.capabilities = java.util.Set.copyOf(capabilities);
  }

  /** Where requests go, without a trailing slash: what the gateway's {@code AWS_BEDROCK_RUNTIME_ENDPOINT} holds. */
  public URI endpoint() {
    return endpoint;
  }

  /** Whether the endpoint was configured (an override) rather than AWS's regional default. */
  public boolean endpointOverridden() {
    return endpointOverridden;
  }

  public String region() {
    return region;
  }

  public String accessKeyId() {
    return accessKeyId;
  }

  /** The secret; never printed. */
  String secretAccessKey() {
    return secretAccessKey;
  }

  /** The session token of temporary credentials, if any; never printed. */
  Optional<String> sessionToken() {
    return Optional.ofNullable(sessionToken);
  }

  /** The Bedrock API key sent as {@code Authorization: Bearer} (BDR-AUTH-6), if one was configured; never printed. */
  Optional<String> apiKey() {
    return Optional.ofNullable(apiKey);
  }

  /** The model id or inference profile id to certify. */
  public String modelId() {
    return modelId;
  }

  public Optional<String> disabledModelId() {
    return Optional.ofNullable(disabledModelId);
  }

  public Optional<String> profileOnlyModelId() {
    return Optional.ofNullable(profileOnlyModelId);
  }

  public Duration timeout() {
    return timeout;
  }

  /** Whether the kit may switch the target's faults (only for an llmtck Bedrock mock). */
  public boolean faultControl() {
    return faultControl;
  }

  public boolean embedded() {
    return embedded;
  }

  /** The model identifier GitLab Duo Self-Hosted takes: {@code bedrock/<model-id>}. */
  public String gitLabModelIdentifier() {
    return gitLabModelIdentifier(modelId);
  }

  /** The model identifier GitLab Duo Self-Hosted takes for a model id: {@code bedrock/<model-id>}. */
  public static String gitLabModelIdentifier(String modelId) {
    return "bedrock/" + modelId;
  }

  /** The optional capabilities the target declares. */
  public java.util.Set<String> capabilities() {
    return capabilities;
  }

  /** The provider part of the model id ({@code anthropic}, {@code mistral}, {@code meta}), profile prefix removed. */
  public String provider() {
    String id = modelId.contains("/") ? modelId.substring(modelId.lastIndexOf('/') + 1) : modelId;
    String[] parts = id.toLowerCase(Locale.ROOT).split("\\.");
    // us.anthropic.claude-... -> anthropic: a cross-region inference profile names its geography first
    return parts.length >= 3 && PROFILE_GEOGRAPHIES.contains(parts[0]) ? parts[1] : parts[0];
  }

  @Override
  public String toString() {
    return "Bedrock runtime " + endpoint + " region " + region + " model " + modelId
        + (embedded ? " (embedded reference mock)" : "");
  }
}
