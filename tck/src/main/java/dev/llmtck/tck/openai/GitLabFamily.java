package dev.llmtck.tck.openai;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The model families GitLab Duo Self-Hosted offers for a self-hosted model, and what GitLab's AI gateway sends an
 * OpenAI-compatible platform for each: every self-hosted family goes through LiteLLM's {@code custom_openai}
 * provider to {@code POST {endpoint}/chat/completions} (code completion included), with the family's prompt,
 * temperature, max_tokens and stop sequences (at most four: LiteLLM cuts the list).
 *
 * <p>Source: GitLab's AI gateway (ai-assist), read at commit eee38f6f459599cd9b193a6a910eb3adad5d5d31 (2026-08-22)
 * of its public GitHub mirror: {@code ai_gateway/model_selection/models.yml} (families, every one
 * {@code model_class_provider: litellm}), {@code ai_gateway/prompts/definitions/code_suggestions/completions/<family>/
 * 1.0.0.yml} and {@code .../generations/<family>/1.0.0.yml} (last changed in c68dc3b93b59, base completions
 * fef4b87a1e97), {@code chat/react/base/1.1.0.yml} and {@code chat/react/llama3}, {@code chat/agent/<family>}
 * (max_tokens 32,768; none for gpt; qwen a single system message), LiteLLM 1.88.0 (the gateway's pin)
 * {@code utils.py validate_openai_optional_params} (stop[:4]); the bodies were captured from the gateway's own
 * request-building code run against a local server.
 *
 * @param id the family's id in GitLab's model configuration
 * @param completion the code-completion request's parameters
 * @param generationMaxTokens the code-generation request's max_tokens
 * @param generationTemperature the code-generation request's temperature, or {@code null} when none is sent
 * @param generationPrefill whether code generation ends with an assistant prefill {@code <new_code>} and stops at
 *     {@code </new_code>} (the {@code base} prompt of the general, claude_3, qwen and gemini families)
 * @param chatMaxTokens classic (ReAct) Duo Chat's max_tokens
 * @param agentMaxTokens agentic Duo Chat's max_tokens, or {@code null} when the key is not sent
 * @param singleSystemMessage whether agentic chat joins its system messages into one
 * @param rewritesAnyToRequired whether the gateway turns a component's {@code tool_choice: "any"} into
 *     {@code "required"} for this family (its ChatLiteLLM model name is OpenAI's default, so the vendored
 *     bind_tools rewrites it); for the others {@code "any"} reaches the platform unchanged
 */
public record GitLabFamily(String id, Completion completion, int generationMaxTokens, Double generationTemperature,
    boolean generationPrefill, int chatMaxTokens, Integer agentMaxTokens, boolean singleSystemMessage,
    boolean rewritesAnyToRequired) {

  /** How a family's code-completion request is built. */
  public enum Prompt {
    /** {@code <s>[SUFFIX]{suffix}[PREFIX]{prefix}} with a system message (codestral, mistral). */
    MISTRAL_FIM,
    /** {@code <PRE> {prefix} <SUF> {suffix} <MID>}, no system message. */
    CODELLAMA_FIM,
    /** {@code <|fim_prefix|>...<|fim_suffix|>...<|fim_middle|>}, no system message. */
    CODEGEMMA_FIM,
    /** DeepSeek Coder's FIM tokens, no system message. */
    DEEPSEEK_FIM,
    /** An instruction around a {@code |CODE|} placeholder, with a system message (llama3). */
    INSTRUCTION,
    /** {@code <|prefix|>...<|suffix|>} after a language line, with a system message (gpt). */
    GPT_FIM,
    /** Long FIM instructions with {@code <prefix>...</prefix><suffix>...</suffix>} (the base prompt). */
    BASE_FIM
  }

  /**
   * A family's code-completion parameters.
   *
   * @param prompt how the messages are built
   * @param temperature the temperature, or {@code null} when none is sent
   * @param maxTokens max_tokens
   * @param stop the stop sequences as sent (at most four)
   */
  public record Completion(Prompt prompt, Double temperature, int maxTokens, List<String> stop) {
    public Completion {
      stop = List.copyOf(stop);
    }
  }

  private static final List<String> MISTRAL_STOPS = List.of("[INST]", "[/INST]", "[PREFIX]", "[MIDDLE]");

  public static final GitLabFamily CODESTRAL = new GitLabFamily("codestral",
      new Completion(Prompt.MISTRAL_FIM, 0.32, 64, MISTRAL_STOPS), 256, 0.3, false, 8192, 32768, false, false);
  public static final GitLabFamily MISTRAL = new GitLabFamily("mistral",
      new Completion(Prompt.MISTRAL_FIM, 0.0, 64, MISTRAL_STOPS), 256, 0.95, false, 8192, 32768, false, false);
  public static final GitLabFamily MIXTRAL = new GitLabFamily("mixtral",
      new Completion(Prompt.MISTRAL_FIM, 0.0, 64, MISTRAL_STOPS), 4096, 0.0, false, 8192, 32768, false, false);
  public static final GitLabFamily CODELLAMA = new GitLabFamily("codellama",
      new Completion(Prompt.CODELLAMA_FIM, 0.95, 128, List.of("<PRE>", "<SUF>", "<MID>", "<EOT>")), 256, 0.95,
      false, 8192, 32768, false, false);
  public static final GitLabFamily CODEGEMMA = new GitLabFamily("codegemma",
      new Completion(Prompt.CODEGEMMA_FIM, 0.95, 128, List.of("<|fim_prefix|>", "<|fim_suffix|>", "<|fim_middle|>",
          "<|file_separator|>")), 512, 0.95, false, 8192, 32768, false, false);
  public static final GitLabFamily DEEPSEEKCODER = new GitLabFamily("deepseekcoder",
      new Completion(Prompt.DEEPSEEK_FIM, 0.0, 128, List.of()), 512, 0.95, false, 8192, 32768, false, false);
  public static final GitLabFamily LLAMA3 = new GitLabFamily("llama3",
      new Completion(Prompt.INSTRUCTION, 0.0, 64, List.of()), 256, 0.0, false, 4096, 32768, false, false);
  public static final GitLabFamily GPT = new GitLabFamily("gpt",
      new Completion(Prompt.GPT_FIM, null, 64, List.of()), 512, 1.0, false, 8192, null, false, false);
  public static final GitLabFamily CLAUDE_3 = new GitLabFamily("claude_3",
      new Completion(Prompt.BASE_FIM, 0.0, 128, List.of()), 2048, 0.2, true, 8192, 32768, false, true);
  public static final GitLabFamily QWEN = new GitLabFamily("qwen",
      new Completion(Prompt.BASE_FIM, 0.0, 128, List.of()), 2048, 0.2, true, 8192, 32768, true, false);
  public static final GitLabFamily GEMINI = new GitLabFamily("gemini",
      new Completion(Prompt.BASE_FIM, 1.0, 128, List.of()), 2048, 0.2, true, 8192, 32768, false, true);
  public static final GitLabFamily GENERAL = new GitLabFamily("general",
      new Completion(Prompt.BASE_FIM, 0.0, 128, List.of()), 2048, 0.2, true, 8192, 32768, false, true);

  private static final List<GitLabFamily> ALL = List.of(CODESTRAL, MISTRAL, MIXTRAL, CODELLAMA, CODEGEMMA,
      DEEPSEEKCODER, LLAMA3, GPT, CLAUDE_3, QWEN, GEMINI, GENERAL);

  /** The family with this id (case ignored). */
  public static Optional<GitLabFamily> byId(String id) {
    return id == null ? Optional.empty() : ALL.stream().filter(f -> f.id.equals(id.strip().toLowerCase(Locale.ROOT)))
        .findFirst();
  }

  /** Every family's id. */
  public static List<String> ids() {
    return ALL.stream().map(GitLabFamily::id).toList();
  }

  /**
   * Whether classic Duo Chat's trailing assistant turn carries vLLM's {@code continue_final_message: true,
   * add_generation_prompt: false}: the vendored LiteLLM wrapper adds them when the GitLab model name contains
   * "mistral" (ai_gateway/vendor/langchain_litellm/litellm.py _add_mistral_params, commit cbfdf7b169f5).
   */
  public boolean continuesFinalMessage() {
    return id.contains("mistral");
  }

  /** All families, in GitLab's order. */
  public static List<GitLabFamily> all() {
    return ALL;
  }

  @Override
  public String toString() {
    return id;
  }

  /** Whether the family is one of those given, by id. */
  public boolean isOneOf(String... ids) {
    return Arrays.asList(ids).contains(id);
  }
}
