package dev.llmtck.tck.openai;

import dev.llmtck.tck.platform.Setting;
import dev.llmtck.tck.platform.Setting.Kind;
import java.util.List;

/**
 * The settings of an OpenAI-compatible target (vLLM and anything that speaks its API). With no base URL, a run
 * certifies the embedded reference platform.
 */
public final class OpenAiSettings {

  /** The API base URL, ending in {@code /v1}, e.g. {@code http://gpu-box:8000/v1}. */
  public static final Setting BASE_URL = Setting.of("llmtck.openai.baseUrl", Kind.URL,
      "the OpenAI-compatible base URL, ending in /v1").withFlags("--base-url").withProfileFields("baseUrl");

  /** The key the platform expects as {@code Authorization: Bearer <key>}; absent when it has none. */
  public static final Setting API_KEY = Setting.of("llmtck.openai.apiKey", Kind.SECRET,
      "the API key (Authorization: Bearer)").withFlags("--api-key").withEnvironment("LLMTCK_API_KEY", "OPENAI_API_KEY")
      .withSecretEnvField("apiKeyEnv");

  /** The served model name to certify (an id {@code GET /v1/models} lists). */
  public static final Setting MODEL = Setting.of("llmtck.openai.model", Kind.TEXT, "the served model name")
      .withFlags("--model").withProfileFields("model");

  /** The vLLM version {@code GET /version} should report; optional. */
  public static final Setting EXPECTED_VLLM_VERSION = Setting.of("llmtck.openai.expectedVllmVersion", Kind.TEXT,
      "the vLLM version GET /version should report").withFlags("--expected-vllm-version")
      .withProfileFields("expectedVllmVersion");

  /**
   * The GitLab model family the operator selects for this model in GitLab Duo Self-Hosted (codestral, mistral,
   * mixtral, codellama, codegemma, deepseekcoder, llama3, gpt, claude_3, qwen, gemini, general): it decides which
   * prompts, parameters and message shapes GitLab's AI gateway sends, so the GL-* clauses send that family's.
   */
  public static final Setting GITLAB_FAMILY = Setting.of("llmtck.gitlab.modelFamily", Kind.TEXT,
      "the GitLab model family selected for the model (" + String.join(", ", GitLabFamily.ids()) + ")")
      .withDefault(GitLabFamily.GENERAL.id()).withFlags("--gitlab-family").withProfileFields("gitlabFamily");

  /** The {@code AIGW_DUO_CHAT__MAX_TOKENS} GitLab's AI gateway runs with, if set (Duo Chat's max_tokens). */
  public static final Setting DUO_CHAT_MAX_TOKENS = Setting.of("llmtck.gitlab.duoChatMaxTokens",
      Kind.POSITIVE_INTEGER, "the AI gateway's AIGW_DUO_CHAT__MAX_TOKENS, if set").withFlags("--duo-chat-max-tokens")
      .withProfileFields("duoChatMaxTokens").withEnvironment("AIGW_DUO_CHAT__MAX_TOKENS");

  /** All of them. */
  public static final List<Setting> ALL = List.of(BASE_URL, API_KEY, MODEL, EXPECTED_VLLM_VERSION, GITLAB_FAMILY,
      DUO_CHAT_MAX_TOKENS);

  private OpenAiSettings() {
  }
}
