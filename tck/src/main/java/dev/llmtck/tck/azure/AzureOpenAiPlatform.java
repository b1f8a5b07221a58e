package dev.llmtck.tck.azure;

import dev.llmtck.fixtures.azure.AzureOpenAiMock;
import dev.llmtck.tck.platform.CommonSettings;
import dev.llmtck.tck.platform.ConfigurationException;
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
 * Azure OpenAI: the AZ contract, its settings ({@link AzureSettings}), the embedded {@link AzureOpenAiMock} when no
 * endpoint is given (started once per run), GitLab's {@code azure/<deployment>} identifier and the Duo features a
 * deployment serves (all reached as chat completions on the deployment path).
 */
public final class AzureOpenAiPlatform implements Platform<AzureTarget, AzureClient> {
  static final String EMBEDDED_PROMPT_TERM = "llmtck-filter-prompt";
  static final String EMBEDDED_ANSWER_TERM = "llmtck-filter-answer";

  private static final List<String> BASICS = List.of("AZ-PATH-1", "AZ-PATH-3", "AZ-VERSION-1",
      "AZ-AUTH-1", "AZ-AUTH-2", "AZ-ERR-3", "AZ-ERR-4");

  @Override
  public String id() {
    return "azure";
  }

  @Override
  public String displayName() {
    return "Azure OpenAI";
  }

  @Override
  public List<Setting> settings() {
    return AzureSettings.ALL;
  }

  @Override
  public List<Class<?>> contractClasses() {
    return List.of(AzurePathClauses.class, AzureAuthClauses.class, AzureBodyClauses.class, AzureStreamClauses.class,
        AzureToolClauses.class, AzureErrorClauses.class);
  }

  @Override
  public Class<AzureTarget> targetType() {
    return AzureTarget.class;
  }

  @Override
  public Class<AzureClient> clientType() {
    return AzureClient.class;
  }

  @Override
  public RunTarget<AzureTarget> open(Settings settings) {
    Duration timeout = settings.seconds(CommonSettings.TIMEOUT_SECONDS).orElseThrow();
    String version = settings.text(AzureSettings.API_VERSION);
    Optional<String> endpoint = settings.get(AzureSettings.ENDPOINT);
    if (endpoint.isEmpty()) {
      return embedded(timeout, version);
    }
    Optional<String> key = settings.get(AzureSettings.API_KEY);
    Optional<String> deployment = settings.get(AzureSettings.DEPLOYMENT);
    if (key.isEmpty() || deployment.isEmpty()) {
      return RunTarget.incomplete("Azure target " + endpoint.get() + " is incomplete: set "
          + (key.isEmpty() ? AzureSettings.API_KEY.key() + " (or AZURE_OPENAI_API_KEY) " : "")
          + (deployment.isEmpty() ? AzureSettings.DEPLOYMENT.key() + " (or --deployment)" : ""));
    }
    return RunTarget.configured(new AzureTarget(URI.create(endpoint.get()), key.get(),
        settings.get(AzureSettings.ENTRA_TOKEN).orElse(null), deployment.get(), version, timeout,
        settings.text(AzureSettings.FILTERED_PROMPT), settings.text(AzureSettings.FILTERED_ANSWER_PROMPT),
        settings.flag(AzureSettings.FAULT_CONTROL), false, settings.list(CommonSettings.CAPABILITIES)));
  }

  /** Starts the embedded mock; the returned target closes it when the run ends. */
  private static RunTarget<AzureTarget> embedded(Duration timeout, String version) {
    String key = "embedded-" + UUID.randomUUID();
    String token = "embedded-entra-" + UUID.randomUUID();
    AzureOpenAiMock mock = AzureOpenAiMock.builder()
        .apiKey(key)
        .entraToken(token)
        .deployment("gpt-4o", "gpt-4o-2024-08-06")
        .promptFilterTerm(EMBEDDED_PROMPT_TERM)
        .answerFilterTerm(EMBEDDED_ANSWER_TERM)
        .start();
    AzureTarget target = new AzureTarget(mock.endpoint(), key, token, "gpt-4o", version, timeout,
        "Repeat after me: " + EMBEDDED_PROMPT_TERM, "Write a story about " + EMBEDDED_ANSWER_TERM, true, true,
        Set.of());
    return RunTarget.embedded(target, mock);
  }

  @Override
  public AzureClient client(AzureTarget target, BiConsumer<String, String> reportEntry) {
    return new AzureClient(target, reportEntry);
  }

  @Override
  public Set<String> capabilities(AzureTarget target) {
    return target.capabilities();
  }

  @Override
  public TargetFacts facts(Settings settings) {
    Optional<String> endpoint = settings.get(AzureSettings.ENDPOINT);
    List<String> capabilities = List.copyOf(settings.list(CommonSettings.CAPABILITIES));
    if (endpoint.isEmpty()) {
      return new TargetFacts(true, "the embedded reference platform", capabilities,
          new GitLabValues(Map.of(), List.of()));
    }
    String deployment = settings.text(AzureSettings.DEPLOYMENT);
    Map<String, String> values = new LinkedHashMap<>();
    values.put("Endpoint", endpoint.get());
    if (deployment != null) {
      values.put("Model identifier", AzureTarget.gitLabModelIdentifier(deployment));
    }
    if (settings.has(AzureSettings.API_VERSION)) {
      values.put("API version", settings.text(AzureSettings.API_VERSION));
    }
    return new TargetFacts(false, endpoint.get() + ", deployment " + deployment, capabilities,
        new GitLabValues(values, List.of()));
  }

  /**
   * The Duo features an Azure OpenAI deployment serves: GitLab lists its GPT models for code completion, code
   * generation, Duo Chat and the Agent Platform, all reached as chat completions on the deployment path
   * ({@code azure/<deployment>}); the Agent Platform's are tool calls (AZ-TOOLS-1..4), streamed and not, on top of
   * the chat and stream clauses every request relies on.
   */
  /** The configured deployment answers a chat completion with the configured key on its deployment path. */
  @Override
  public List<String> likelyCauses() {
    return List.of("AZ-PATH-1");
  }

  @Override
  public List<DuoFeature> duoFeatures() {
    List<String> agentSupport = new ArrayList<>(BASICS);
    agentSupport.addAll(List.of("AZ-BODY-1", "AZ-BODY-3"));
    return List.of(
        new DuoFeature(DuoFeature.CODE_COMPLETION, List.of("AZ-BODY-1", "AZ-BODY-5"), BASICS, null),
        new DuoFeature(DuoFeature.CODE_GENERATION, List.of("AZ-BODY-1", "AZ-BODY-3", "AZ-BODY-5"), BASICS, null),
        new DuoFeature(DuoFeature.DUO_CHAT, List.of("AZ-BODY-1", "AZ-BODY-3", "AZ-BODY-5"), BASICS, null),
        new DuoFeature(DuoFeature.AGENT_PLATFORM, List.of("AZ-TOOLS-1", "AZ-TOOLS-2", "AZ-TOOLS-3", "AZ-TOOLS-4"),
            agentSupport, null));
  }

  @Override
  public Map<String, String> normalise(Map<String, String> resolved, Set<String> fromFlags, boolean launched) {
    if (resolved.get(AzureSettings.ENDPOINT.key()) == null) {
      if (fromFlags.contains(AzureSettings.API_KEY.key()) || fromFlags.contains(AzureSettings.DEPLOYMENT.key())) {
        throw new ConfigurationException("--deployment and --api-key need --endpoint (or AZURE_OPENAI_ENDPOINT);"
            + " without it the run certifies the embedded Azure OpenAI mock");
      }
      Map<String, String> embedded = new LinkedHashMap<>(resolved);
      List.of(AzureSettings.API_KEY, AzureSettings.ENTRA_TOKEN, AzureSettings.DEPLOYMENT, AzureSettings.API_VERSION)
          .forEach(setting -> embedded.remove(setting.key()));
      return embedded;
    }
    if (resolved.get(AzureSettings.DEPLOYMENT.key()) == null) {
      throw new ConfigurationException("--deployment is required with an Azure endpoint: the deployment name to"
          + " certify");
    }
    return resolved;
  }
}
