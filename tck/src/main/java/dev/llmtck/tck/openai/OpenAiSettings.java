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

  /** All of them. */
  public static final List<Setting> ALL = List.of(BASE_URL, API_KEY, MODEL, EXPECTED_VLLM_VERSION);

  private OpenAiSettings() {
  }
}
