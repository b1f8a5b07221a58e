package dev.llmtck.tck.runner;

import dev.llmtck.tck.platform.Platforms;
import dev.llmtck.tck.platform.Settings;
import java.util.List;
import java.util.Map;

/**
 * What to type into GitLab Duo Self-Hosted's model configuration for a target (clause GL-ID-1): the endpoint
 * and the model identifier the AI gateway hands to LiteLLM ({@code custom_openai/<id>}, {@code bedrock/<model-id>},
 * {@code azure/<deployment>}, as the target's platform states them), and warnings about values GitLab will not
 * accept (an OpenAI base URL without {@code /v1}, the most common mistake).
 *
 * @param values field label to value, in the order GitLab's form asks for them; empty for an embedded target
 * @param warnings problems with the values, one sentence each
 */
public record GitLabValues(Map<String, String> values, List<String> warnings) {
  /** The report note under which a clause states the model identifier to type into GitLab. */
  public static final String MODEL_NOTE = "llmtck.gitlab.model";
  /** The report note under which a clause states the endpoint to type into GitLab. */
  public static final String ENDPOINT_NOTE = "llmtck.gitlab.endpoint";

  public GitLabValues {
    values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    warnings = List.copyOf(warnings);
  }

  /** The values for {@code target}, as its platform states them; none for a platform not installed. */
  public static GitLabValues of(Target target) {
    return Platforms.byId(target.platform()).map(p -> p.facts(Settings.of(target.settings())).gitLab())
        .orElse(new GitLabValues(Map.of(), List.of()));
  }
}
