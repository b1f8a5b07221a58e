package dev.llmtck.tck.openai;

import dev.llmtck.tck.evidence.Evidence;
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
import java.util.function.BiConsumer;

/**
 * OpenAI-compatible platforms (vLLM first): the OAI contract, its settings ({@link OpenAiSettings}), the embedded
 * reference platform when no base URL is given, GitLab's {@code custom_openai/} identifiers and the Duo features
 * such a platform serves.
 */
public final class OpenAiCompatiblePlatform implements Platform<OpenAiTarget, OpenAiClient> {
  /** What the embedded reference platform runs with: tool calling on. */
  static final List<String> EMBEDDED_CAPABILITIES = List.of("tools");

  /** What every feature's requests rely on: the base URL, the key as GitLab sends it, errors LiteLLM can map. */
  private static final List<String> BASICS = List.of("OAI-URL-1", "OAI-AUTH-1", "OAI-AUTH-2", "GL-AUTH-1",
      "OAI-ERR-1", "OAI-ERR-2");
  private static final List<String> STREAMS = List.of("OAI-STREAM-1", "OAI-STREAM-2");

  @Override
  public String id() {
    return "openai";
  }

  @Override
  public String displayName() {
    return "OpenAI-compatible (vLLM)";
  }

  @Override
  public List<Setting> settings() {
    return OpenAiSettings.ALL;
  }

  @Override
  public List<Class<?>> contractClasses() {
    return List.of(EndpointClauses.class, ModelsClauses.class, HealthClauses.class, AuthClauses.class,
        ChatClauses.class, ChatStreamClauses.class, CompletionsClauses.class, ToolCallingClauses.class,
        ErrorClauses.class, GatewayClauses.class);
  }

  @Override
  public Class<OpenAiTarget> targetType() {
    return OpenAiTarget.class;
  }

  @Override
  public Class<OpenAiClient> clientType() {
    return OpenAiClient.class;
  }

  @Override
  public RunTarget<OpenAiTarget> open(Settings settings) {
    Duration timeout = settings.seconds(CommonSettings.TIMEOUT_SECONDS).orElseThrow();
    Optional<String> baseUrl = settings.get(OpenAiSettings.BASE_URL);
    if (baseUrl.isEmpty()) {
      EmbeddedReferencePlatform embedded = EmbeddedReferencePlatform.start(timeout);
      return RunTarget.embedded(embedded.target(), embedded);
    }
    String model = settings.required(OpenAiSettings.MODEL, "when " + OpenAiSettings.BASE_URL.key() + " is set: the"
        + " served model to certify");
    return RunTarget.configured(new OpenAiTarget(URI.create(baseUrl.get()), settings.get(OpenAiSettings.API_KEY),
        model, settings.list(CommonSettings.CAPABILITIES), timeout,
        settings.get(OpenAiSettings.EXPECTED_VLLM_VERSION), false, family(settings),
        settings.number(OpenAiSettings.DUO_CHAT_MAX_TOKENS).map(Long::intValue)));
  }

  private static GitLabFamily family(Settings settings) {
    String id = settings.text(OpenAiSettings.GITLAB_FAMILY);
    return GitLabFamily.byId(id).orElseThrow(() -> new ConfigurationException(OpenAiSettings.GITLAB_FAMILY.label()
        + " is '" + id + "', not one of GitLab's model families: " + String.join(", ", GitLabFamily.ids())));
  }

  @Override
  public OpenAiClient client(OpenAiTarget target, BiConsumer<String, String> reportEntry) {
    return new OpenAiClient(target, evidence -> reportEntry.accept(Evidence.KEY, evidence.toJson()));
  }

  @Override
  public Set<String> capabilities(OpenAiTarget target) {
    return target.capabilities();
  }

  @Override
  public TargetFacts facts(Settings settings) {
    Optional<String> baseUrl = settings.get(OpenAiSettings.BASE_URL);
    if (baseUrl.isEmpty()) {
      return new TargetFacts(true, "the embedded reference platform", EMBEDDED_CAPABILITIES,
          new GitLabValues(Map.of(), List.of()));
    }
    String model = settings.text(OpenAiSettings.MODEL);
    Map<String, String> values = new LinkedHashMap<>();
    values.put("Endpoint", baseUrl.get());
    if (model != null) {
      values.put("Model identifier", GitLabModelIds.of(model));
    }
    values.put("Model family", settings.text(OpenAiSettings.GITLAB_FAMILY));
    List<String> warnings = new ArrayList<>();
    GitLabModelIds.endpointWarning(baseUrl.get()).ifPresent(warnings::add);
    return new TargetFacts(false, baseUrl.get() + ", model " + model,
        List.copyOf(settings.list(CommonSettings.CAPABILITIES)), new GitLabValues(values, warnings));
  }

  /**
   * The Duo features, each resting on the requests GitLab's AI gateway sends for it (GatewayClauses): code
   * completion goes through chat completions for every self-hosted model family, so /v1/completions (OAI-CMPL-*)
   * gates no feature; the Agent Platform needs tool calling.
   */
  @Override
  public List<DuoFeature> duoFeatures() {
    return List.of(
        new DuoFeature(DuoFeature.CODE_COMPLETION, List.of("GL-COMPLETION-1", "GL-COMPLETION-2"), BASICS, null),
        new DuoFeature(DuoFeature.CODE_GENERATION, List.of("GL-GENERATION-1"), concat(STREAMS, BASICS), null),
        new DuoFeature(DuoFeature.DUO_CHAT, List.of("GL-CHAT-1"), concat(STREAMS, BASICS), null),
        new DuoFeature(DuoFeature.AGENT_PLATFORM, List.of("GL-CHAT-2", "GL-TOOLS-1", "GL-TOOLS-3", "OAI-TOOLS-1",
            "OAI-TOOLS-2", "OAI-TOOLS-3", "OAI-TOOLS-4"), concat(List.of("GL-TOOLS-2"), concat(STREAMS, BASICS)),
            null));
  }

  /** The base URL answers JSON, the key is accepted, the model is listed: what a typo in a profile breaks. */
  @Override
  public List<String> likelyCauses() {
    return List.of("OAI-URL-1", "OAI-AUTH-2", "OAI-MODELS-3");
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }

  @Override
  public Map<String, String> normalise(Map<String, String> resolved, Set<String> fromFlags, boolean launched) {
    String baseUrl = resolved.get(OpenAiSettings.BASE_URL.key());
    if (baseUrl == null && launched) {
      return resolved; // the launcher supplies the base URL
    }
    if (baseUrl == null) {
      if (fromFlags.contains(OpenAiSettings.MODEL.key()) || fromFlags.contains(OpenAiSettings.API_KEY.key())) {
        throw new ConfigurationException("--model and --api-key need --base-url (without it the run certifies the"
            + " embedded reference platform)");
      }
      // the embedded reference platform: nothing else describes it
      Map<String, String> embedded = new LinkedHashMap<>(resolved);
      OpenAiSettings.ALL.forEach(setting -> embedded.remove(setting.key()));
      return embedded;
    }
    if (resolved.get(OpenAiSettings.MODEL.key()) == null) {
      throw new ConfigurationException("--model is required with --base-url: the served model name to certify (one"
          + " of the ids GET " + baseUrl.replaceAll("/+$", "") + "/models lists)");
    }
    return resolved;
  }
}
