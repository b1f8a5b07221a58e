package dev.llmtck.tck.openai;

import java.net.URI;
import java.util.Optional;

/**
 * The model identifier GitLab Duo Self-Hosted expects for an OpenAI-compatible platform (GL-ID-1), and what its
 * endpoint field needs. The AI gateway splits the identifier at its first slash and hands both halves to LiteLLM:
 * provider {@code custom_openai}, model {@code <served model name>} (ai_gateway/model_metadata.py to_params,
 * ed9b01279085). Every Duo feature, code completion included, uses this one identifier and chat completions: LiteLLM
 * 1.88.0 has no {@code text-completion-custom_openai} provider (it refuses the prefix before sending anything), so
 * the kit no longer prints one.
 */
public final class GitLabModelIds {

  private GitLabModelIds() {}

  /** For every Duo feature: {@code custom_openai/<served model name>}. */
  public static String of(String servedModelName) {
    return "custom_openai/" + requireName(servedModelName);
  }

  /**
   * A warning when an OpenAI-compatible base URL is not what GitLab's endpoint field needs: it must end in
   * {@code /v1}, because the AI gateway passes it to LiteLLM as {@code api_base}, which appends
   * {@code /chat/completions} to exactly what is given.
   */
  public static Optional<String> endpointWarning(String baseUrl) {
    String path;
    try {
      path = URI.create(baseUrl.strip()).getPath();
    } catch (IllegalArgumentException e) {
      return Optional.of("the base URL '" + baseUrl + "' is not a URL");
    }
    path = path == null ? "" : path.replaceAll("/+$", "");
    if (path.endsWith("/v1/v1")) {
      return Optional.of("the base URL '" + baseUrl + "' ends in /v1/v1: LiteLLM appends /chat/completions to exactly"
          + " what you give, so requests go to .../v1/v1/chat/completions and get 404. Give it once: '"
          + baseUrl.strip().replaceAll("/+$", "").replaceAll("/v1$", "") + "'");
    }
    if (path.endsWith("/v1")) {
      return Optional.empty();
    }
    if (path.matches(".*/v1/(chat/completions|completions|models)")) {
      return Optional.of("the base URL '" + baseUrl + "' names an endpoint, not the API's base: give the"
          + " URL up to and including /v1 (GitLab and OpenAI clients add /chat/completions themselves)");
    }
    return Optional.of("the base URL '" + baseUrl + "' does not end in /v1: OpenAI clients (and GitLab's"
        + " AI gateway) append /chat/completions to exactly what you give, so vLLM answers 404. Did you mean '"
        + baseUrl.strip().replaceAll("/+$", "") + "/v1'?");
  }

  private static String requireName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a served model name is needed to derive a GitLab model identifier");
    }
    return name.strip();
  }
}
