package dev.llmtck.tck.junit;

import dev.llmtck.tck.openai.OpenAiSettings;
import dev.llmtck.tck.platform.CommonSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * The OpenAI contract (every {@code OAI-*} clause) as JUnit tests of your own, one per clause (see
 * {@link ContractVerification}): subclass it, start your platform (for instance in a container), say where it is.
 *
 * <pre>{@code
 * class MyPlatformContractTest extends OpenAiContractVerification {
 *   static MyServer server = MyServer.start();
 *   protected String baseUrl() { return server.url() + "/v1"; }
 *   protected String model() { return "my-model"; }
 *   protected String apiKey() { return server.key(); }
 *   protected Set<String> capabilities() { return Set.of("tools"); }
 * }
 * }</pre>
 *
 * <p>For a {@code VllmContainer}, {@link VllmContainerVerification} fills these in from the container.
 */
public abstract class OpenAiContractVerification extends ContractVerification {

  /** The OpenAI-compatible base URL, ending in {@code /v1}. */
  protected abstract String baseUrl();

  /** The served model name to certify. */
  protected abstract String model();

  /** The API key the platform expects, or null when it has none. Never printed. */
  protected String apiKey() {
    return null;
  }

  /** Optional capabilities the platform has (e.g. {@code tools}); clauses needing others are skipped. */
  protected Set<String> capabilities() {
    return Set.of();
  }

  /** Further settings ({@link OpenAiSettings}), e.g. the expected vLLM version. */
  protected Map<String, String> settings() {
    return Map.of();
  }

  @Override
  protected final String platform() {
    return "openai";
  }

  @Override
  protected final Map<String, String> targetSettings() {
    Map<String, String> settings = new LinkedHashMap<>(settings());
    settings.put(OpenAiSettings.BASE_URL.key(), baseUrl());
    settings.put(OpenAiSettings.MODEL.key(), model());
    if (!capabilities().isEmpty()) {
      settings.put(CommonSettings.CAPABILITIES.key(), String.join(",", capabilities()));
    }
    if (apiKey() != null) {
      settings.put(OpenAiSettings.API_KEY.key(), apiKey());
    }
    return settings;
  }

  @Override
  protected final Set<String> secretKeys() {
    return Set.of(OpenAiSettings.API_KEY.key());
  }

  @Test
  void OAI_AUTH_1(TestReporter reporter) {
    verify("OAI-AUTH-1", reporter);
  }

  @Test
  void OAI_AUTH_2(TestReporter reporter) {
    verify("OAI-AUTH-2", reporter);
  }

  @Test
  void OAI_AUTH_3(TestReporter reporter) {
    verify("OAI-AUTH-3", reporter);
  }

  @Test
  void OAI_CHAT_1(TestReporter reporter) {
    verify("OAI-CHAT-1", reporter);
  }

  @Test
  void OAI_CHAT_2(TestReporter reporter) {
    verify("OAI-CHAT-2", reporter);
  }

  @Test
  void OAI_CHAT_3(TestReporter reporter) {
    verify("OAI-CHAT-3", reporter);
  }

  @Test
  void OAI_CHAT_4(TestReporter reporter) {
    verify("OAI-CHAT-4", reporter);
  }

  @Test
  void OAI_CHAT_5(TestReporter reporter) {
    verify("OAI-CHAT-5", reporter);
  }

  @Test
  void OAI_CHAT_6(TestReporter reporter) {
    verify("OAI-CHAT-6", reporter);
  }

  @Test
  void OAI_CHAT_7(TestReporter reporter) {
    verify("OAI-CHAT-7", reporter);
  }

  @Test
  void OAI_CMPL_1(TestReporter reporter) {
    verify("OAI-CMPL-1", reporter);
  }

  @Test
  void OAI_CMPL_2(TestReporter reporter) {
    verify("OAI-CMPL-2", reporter);
  }

  @Test
  void OAI_CMPL_3(TestReporter reporter) {
    verify("OAI-CMPL-3", reporter);
  }

  @Test
  void OAI_ERR_1(TestReporter reporter) {
    verify("OAI-ERR-1", reporter);
  }

  @Test
  void OAI_ERR_2(TestReporter reporter) {
    verify("OAI-ERR-2", reporter);
  }

  @Test
  void OAI_ERR_3(TestReporter reporter) {
    verify("OAI-ERR-3", reporter);
  }

  @Test
  void OAI_ERR_4(TestReporter reporter) {
    verify("OAI-ERR-4", reporter);
  }

  @Test
  void OAI_ERR_5(TestReporter reporter) {
    verify("OAI-ERR-5", reporter);
  }

  @Test
  void OAI_ERR_6(TestReporter reporter) {
    verify("OAI-ERR-6", reporter);
  }

  @Test
  void OAI_HEALTH_1(TestReporter reporter) {
    verify("OAI-HEALTH-1", reporter);
  }

  @Test
  void OAI_HEALTH_2(TestReporter reporter) {
    verify("OAI-HEALTH-2", reporter);
  }

  @Test
  void OAI_MODELS_1(TestReporter reporter) {
    verify("OAI-MODELS-1", reporter);
  }

  @Test
  void OAI_MODELS_2(TestReporter reporter) {
    verify("OAI-MODELS-2", reporter);
  }

  @Test
  void OAI_MODELS_3(TestReporter reporter) {
    verify("OAI-MODELS-3", reporter);
  }

  @Test
  void OAI_MODELS_4(TestReporter reporter) {
    verify("OAI-MODELS-4", reporter);
  }

  @Test
  void OAI_STREAM_1(TestReporter reporter) {
    verify("OAI-STREAM-1", reporter);
  }

  @Test
  void OAI_STREAM_2(TestReporter reporter) {
    verify("OAI-STREAM-2", reporter);
  }

  @Test
  void OAI_STREAM_3(TestReporter reporter) {
    verify("OAI-STREAM-3", reporter);
  }

  @Test
  void OAI_STREAM_4(TestReporter reporter) {
    verify("OAI-STREAM-4", reporter);
  }

  @Test
  void OAI_STREAM_5(TestReporter reporter) {
    verify("OAI-STREAM-5", reporter);
  }

  @Test
  void OAI_TOOLS_1(TestReporter reporter) {
    verify("OAI-TOOLS-1", reporter);
  }

  @Test
  void OAI_TOOLS_2(TestReporter reporter) {
    verify("OAI-TOOLS-2", reporter);
  }

  @Test
  void OAI_TOOLS_3(TestReporter reporter) {
    verify("OAI-TOOLS-3", reporter);
  }

  @Test
  void OAI_TOOLS_4(TestReporter reporter) {
    verify("OAI-TOOLS-4", reporter);
  }

  @Test
  void OAI_URL_1(TestReporter reporter) {
    verify("OAI-URL-1", reporter);
  }

  @Test
  void GL_COMPLETION_1(TestReporter reporter) {
    verify("GL-COMPLETION-1", reporter);
  }

  @Test
  void GL_COMPLETION_2(TestReporter reporter) {
    verify("GL-COMPLETION-2", reporter);
  }

  @Test
  void GL_GENERATION_1(TestReporter reporter) {
    verify("GL-GENERATION-1", reporter);
  }

  @Test
  void GL_CHAT_1(TestReporter reporter) {
    verify("GL-CHAT-1", reporter);
  }

  @Test
  void GL_CHAT_2(TestReporter reporter) {
    verify("GL-CHAT-2", reporter);
  }

  @Test
  void GL_TOOLS_1(TestReporter reporter) {
    verify("GL-TOOLS-1", reporter);
  }

  @Test
  void GL_TOOLS_2(TestReporter reporter) {
    verify("GL-TOOLS-2", reporter);
  }

  @Test
  void GL_TOOLS_3(TestReporter reporter) {
    verify("GL-TOOLS-3", reporter);
  }

  @Test
  void GL_AUTH_1(TestReporter reporter) {
    verify("GL-AUTH-1", reporter);
  }

  @Test
  void GL_CONTEXT_1(TestReporter reporter) {
    verify("GL-CONTEXT-1", reporter);
  }

  @Test
  void GL_TIMEOUT_1(TestReporter reporter) {
    verify("GL-TIMEOUT-1", reporter);
  }
}
