package dev.llmtck.tck.openai;

/**
 * The model identifiers GitLab Duo Self-Hosted expects for an OpenAI-compatible platform (GL-ID-1). The AI
 * gateway hands them to LiteLLM, whose {@code custom_openai} provider speaks chat completions and whose
 * {@code text-completion-custom_openai} provider speaks {@code /v1/completions} (code completion, FIM).
 */
public final class GitLabModelIds {

  private GitLabModelIds() {}

  /** For Duo Chat and code generation: {@code custom_openai/<served model name>}. */
  public static String chat(String servedModelName) {
    return "custom_openai/" + requireName(servedModelName);
  }

  /** For code completion: {@code text-completion-custom_openai/<served model name>}. */
  public static String textCompletion(String servedModelName) {
    return "text-completion-custom_openai/" + requireName(servedModelName);
  }

  private static String requireName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a served model name is needed to derive a GitLab model identifier");
    }
    return name.strip();
  }
}
