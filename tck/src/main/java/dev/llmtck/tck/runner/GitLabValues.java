package dev.llmtck.tck.runner;

import dev.llmtck.tck.target.TargetKeys;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What to type into GitLab Duo Self-Hosted's model configuration for a target (clause GL-ID-1): the endpoint
 * and the model identifier the AI gateway hands to LiteLLM ({@code custom_openai/<id>},
 * {@code text-completion-custom_openai/<id>}, {@code bedrock/<model-id>}, {@code azure/<deployment>}), and
 * warnings about values GitLab will not accept (an OpenAI base URL without {@code /v1}, the most common mistake).
 *
 * @param values field label to value, in the order GitLab's form asks for them; empty for an embedded target
 * @param warnings problems with the values, one sentence each
 */
public record GitLabValues(Map<String, String> values, List<String> warnings) {

  /** The values for {@code target}. */
  public static GitLabValues of(Target target) {
    Map<String, String> values = new LinkedHashMap<>();
    List<String> warnings = new ArrayList<>();
    switch (target.platform()) {
      case "openai" -> {
        String baseUrl = target.get(TargetKeys.OPENAI_BASE_URL);
        String model = target.get(TargetKeys.OPENAI_MODEL);
        if (baseUrl != null) {
          values.put("Endpoint", baseUrl);
          if (model != null) {
            values.put("Model identifier (chat, code generation)", "custom_openai/" + model);
            values.put("Model identifier (code completion)", "text-completion-custom_openai/" + model);
          }
          v1Warning(baseUrl).ifPresent(warnings::add);
        }
      }
      case "bedrock" -> {
        String model = target.get(TargetKeys.BEDROCK_MODEL_ID);
        if (model != null) {
          values.put("Model identifier", "bedrock/" + model);
        }
        putIfSet(values, "AWS_REGION_NAME (AI gateway environment)", target.get(TargetKeys.BEDROCK_REGION));
        putIfSet(values, "AWS_BEDROCK_RUNTIME_ENDPOINT (AI gateway environment)",
            target.get(TargetKeys.BEDROCK_ENDPOINT));
      }
      case "azure" -> {
        String endpoint = target.get(TargetKeys.AZURE_ENDPOINT);
        String deployment = target.get(TargetKeys.AZURE_DEPLOYMENT);
        if (endpoint != null) {
          values.put("Endpoint", endpoint);
          putIfSet(values, "Model identifier", deployment == null ? null : "azure/" + deployment);
          putIfSet(values, "API version", target.get(TargetKeys.AZURE_API_VERSION));
        }
      }
      default -> {
      }
    }
    return new GitLabValues(values, warnings);
  }

  private static void putIfSet(Map<String, String> values, String label, String value) {
    if (value != null) {
      values.put(label, value);
    }
  }

  /** A warning when an OpenAI-compatible base URL does not end in {@code /v1}. */
  static Optional<String> v1Warning(String baseUrl) {
    String path;
    try {
      path = URI.create(baseUrl.strip()).getPath();
    } catch (IllegalArgumentException e) {
      return Optional.of("the base URL '" + baseUrl + "' is not a URL");
    }
    path = path == null ? "" : path.replaceAll("/+$", "");
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
}
