package dev.llmtck.tck.azure;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The Azure OpenAI resource under test: its endpoint, key and deployment, the {@code api-version} to call it
 * with, and what the kit may provoke on it. Built by {@link AzureOpenAiPlatform} from the configuration keys
 * in {@link AzureSettings}, or pointing at the embedded reference mock when no endpoint is given.
 */
public final class AzureTarget {
  /** Azure's current GA inference version, and openai-java's default. */
  public static final String DEFAULT_API_VERSION = "2024-10-21";

  private final URI endpoint;
  private final String apiKey;
  private final String entraToken;
  private final String deployment;
  private final String apiVersion;
  private final Duration timeout;
  private final String filteredPrompt;
  private final String filteredAnswerPrompt;
  private final boolean faultControl;
  private final boolean embedded;
  private final java.util.Set<String> capabilities;

  AzureTarget(URI endpoint, String apiKey, String entraToken, String deployment, String apiVersion,
      Duration timeout, String filteredPrompt, String filteredAnswerPrompt, boolean faultControl, boolean embedded,
      java.util.Set<String> capabilities) {
    String base = endpoint.toString();
    this.endpoint = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    this.apiKey = apiKey;
    this.entraToken = entraToken;
    this.deployment = deployment;
    this.apiVersion = apiVersion;
    this.timeout = timeout;
    this.filteredPrompt = filteredPrompt;
    this.filteredAnswerPrompt = filteredAnswerPrompt;
    this.faultControl = faultControl;
    this.embedded = embedded;
    this.capabilities = java.util.Set.copyOf(capabilities);
  }

  /** The resource endpoint without a trailing slash, e.g. {@code https://name.openai.azure.com}. */
  public URI endpoint() {
    return endpoint;
  }

  /** The key sent as {@code api-key}; a secret, never printed. */
  String apiKey() {
    return apiKey;
  }

  /** The Microsoft Entra ID token to send as {@code Authorization: Bearer}, if one is configured; a secret. */
  Optional<String> entraToken() {
    return Optional.ofNullable(entraToken);
  }

  public String deployment() {
    return deployment;
  }

  public String apiVersion() {
    return apiVersion;
  }

  public Duration timeout() {
    return timeout;
  }

  /** The model identifier GitLab Duo Self-Hosted takes for this deployment: {@code azure/<deployment>}. */
  public String gitLabModelIdentifier() {
    return gitLabModelIdentifier(deployment);
  }

  /** The model identifier GitLab Duo Self-Hosted takes for a deployment: {@code azure/<deployment>}. */
  public static String gitLabModelIdentifier(String deployment) {
    return "azure/" + deployment;
  }

  /** The optional capabilities the target declares. */
  public java.util.Set<String> capabilities() {
    return capabilities;
  }

  /** A prompt the target's filter refuses, if the operator named one. */
  public Optional<String> filteredPrompt() {
    return Optional.ofNullable(filteredPrompt);
  }

  /** A prompt whose answer the target's filter stops, if the operator named one. */
  public Optional<String> filteredAnswerPrompt() {
    return Optional.ofNullable(filteredAnswerPrompt);
  }

  /** Whether the kit may switch the target's faults (only for an llmtck mock). */
  public boolean faultControl() {
    return faultControl;
  }

  /** Whether this is the kit's embedded reference mock. */
  public boolean embedded() {
    return embedded;
  }

  /** {@code /openai/deployments/<deployment>/<operation>?api-version=<version>} for this deployment. */
  String deploymentPath(String operation) {
    return deploymentPath(deployment, operation, apiVersion);
  }

  static String deploymentPath(String deployment, String operation, String apiVersion) {
    String path = "/openai/deployments/" + deployment + "/" + operation;
    return apiVersion == null ? path : path + "?api-version=" + apiVersion;
  }

  @Override
  public String toString() {
    return "Azure OpenAI " + endpoint + " deployment " + deployment + " api-version " + apiVersion
        + (embedded ? " (embedded reference mock)" : "");
  }
}
