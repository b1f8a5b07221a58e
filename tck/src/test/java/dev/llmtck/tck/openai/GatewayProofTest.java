package dev.llmtck.tck.openai;

import dev.llmtck.fixtures.Pacing;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmtck.fixtures.openai.ResponseTransformer;
import dev.llmtck.tck.clause.Proves;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The GL-* clauses fail on platforms that would fail GitLab's gateway in one way, and pass on the reference. */
class GatewayProofTest {
  private static final String CHAT = "/v1/chat/completions";
  private static final String FAMILY = OpenAiSettings.GITLAB_FAMILY.key();

  @Test
  void everyGatewayClausePassesOnTheReferencePlatform() {
    try (BrokenPlatform platform = BrokenPlatform.with(builder -> { })) {
      for (String clause : new String[] {"GL-COMPLETION-1", "GL-COMPLETION-2", "GL-GENERATION-1", "GL-CHAT-1",
          "GL-CHAT-2", "GL-TOOLS-1", "GL-TOOLS-3", "GL-CONTEXT-1", "GL-TIMEOUT-1"}) {
        platform.run(clause).assertPasses();
      }
      for (String family : GitLabFamily.ids()) {
        platform.run("GL-COMPLETION-1").with(FAMILY, family).assertPasses();
        platform.run("GL-CHAT-1").with(FAMILY, family).assertPasses();
      }
    }
  }

  @Test
  @Proves("GL-COMPLETION-1")
  void anAnswerLongerThanTheGatewaysMaxTokensFails() {
    try (BrokenPlatform platform = BrokenPlatform.editingJson(CHAT,
        body -> ((ObjectNode) body.get("usage")).put("completion_tokens", 500))) {
      platform.run("GL-COMPLETION-1").assertFailsWith("at most 128 tokens", "500");
    }
  }

  @Test
  @Proves("GL-COMPLETION-1")
  void anAnswerThatGoesOnPastAStopSequenceFails() {
    try (BrokenPlatform platform = BrokenPlatform.editingJson(CHAT,
        body -> ((ObjectNode) body.at("/choices/0/message")).put("content", "return a + b [INST] more"))) {
      platform.run("GL-COMPLETION-1").with(FAMILY, "codestral").assertFailsWith("past the stop sequence [INST]");
    }
  }

  @Test
  @Proves("GL-COMPLETION-2")
  void aStreamedCompletionWithoutDoneFails() {
    try (BrokenPlatform platform = BrokenPlatform.transformed(ResponseTransformer.forEachEvent((request, event) ->
        event.isDone() ? java.util.List.of() : java.util.List.of(event)))) {
      platform.run("GL-COMPLETION-2").assertFailsWith("without data: [DONE]");
    }
  }

  @Test
  @Proves("GL-GENERATION-1")
  void aTemplateThatRefusesTheTrailingAssistantPrefillFails() {
    try (Refusing platform = refusing(".*\\{\"role\":\"assistant\",\"content\":\"<new_code>\"\\}.*",
        "Conversation roles must alternate user/assistant/user/assistant/...")) {
      platform.run("GL-GENERATION-1").assertFailsWith("refuses the conversation's shape", "continue_final_message");
    }
  }

  @Test
  @Proves("GL-CHAT-1")
  void aContextTooSmallForClassicChatFailsWithTheAdvice() {
    try (BrokenPlatform platform = BrokenPlatform.with(builder -> builder.maxModelLen(4096))) {
      platform.run("GL-CHAT-1").assertFailsWith("does not fit the model's context", "max_tokens 8192",
          "AIGW_DUO_CHAT__MAX_TOKENS");
    }
  }

  @Test
  @Proves("GL-CHAT-2")
  void aTemplateThatRefusesSeveralSystemMessagesFails() {
    try (Refusing platform = refusing(".*\"role\":\"system\".*\"role\":\"system\".*",
        "System message must be at the beginning.")) {
      platform.run("GL-CHAT-2").assertFailsWith("system messages", "several leading ones");
      platform.run("GL-CHAT-2").with(FAMILY, "qwen").assertPasses(); // the gateway joins them for qwen
    }
  }

  @Test
  @Proves("GL-TOOLS-1")
  void aRequiredToolChoiceAnsweredWithTextFails() {
    try (BrokenPlatform platform = BrokenPlatform.editingJson(CHAT, body -> {
      ObjectNode message = (ObjectNode) body.at("/choices/0/message");
      message.remove("tool_calls");
      message.put("content", "<tool_call>{\"name\": \"get_issue\", \"arguments\": {\"id\": \"1\"}}</tool_call>");
    })) {
      platform.run("GL-TOOLS-1").assertFailsWith("came back as text", "--tool-call-parser");
    }
  }

  @Test
  @Proves("GL-TOOLS-2")
  void theAnyToolChoiceTheGatewaySendsForCodestralIsRefusedByVllmAndFails() {
    try (BrokenPlatform platform = BrokenPlatform.with(builder -> { })) {
      platform.run("GL-TOOLS-2").with(FAMILY, "codestral").assertFailsWith("tool_choice");
      platform.run("GL-TOOLS-2").with(FAMILY, "general").assertSkippedBecause("\"required\" for the general family");
    }
  }

  @Test
  @Proves("GL-TOOLS-3")
  void aPlatformThatRefusesReasoningContentFails() {
    try (Refusing platform = refusing(".*reasoning_content.*", "Extra inputs are not permitted: reasoning_content")) {
      platform.run("GL-TOOLS-3").assertFailsWith("is refused", "reasoning_content");
    }
  }

  @Test
  @Proves("GL-AUTH-1")
  void aKeylessTargetWhosePlatformRefusesTheDummyKeyFails() {
    try (BrokenPlatform platform = BrokenPlatform.withKeyOnly("a-key-gitlab-does-not-have")) {
      ClauseRun run = ClauseRun.of("GL-AUTH-1").against(platform.baseUrl(), null, platform.model(), "tools");
      run.assertFailsWith("refuses 'Bearer dummy_key'");
    }
  }

  @Test
  @Proves("GL-CONTEXT-1")
  void aContextTooSmallForTheFeaturesFailsAndSaysTheLargestChatMaxTokens() {
    try (BrokenPlatform platform = BrokenPlatform.with(builder -> builder.maxModelLen(16384))) {
      platform.run("GL-CONTEXT-1").assertFailsWith("agentic Duo Chat", "AIGW_DUO_CHAT__MAX_TOKENS to at most");
      platform.run("GL-CONTEXT-1").with(OpenAiSettings.DUO_CHAT_MAX_TOKENS.key(), "8000").assertPasses();
    }
  }

  @Test
  void onVllm032APromptPlusMaxTokensBeyondTheWindowIsCutNotRefused() {
    // classic chat asks 8192 on a 8200-token window: refused before 0.32, cut from 0.32 (as the real 0.32.0 does)
    try (BrokenPlatform old = BrokenPlatform.with(builder -> builder.maxModelLen(8200).vllmVersion("0.11.0"));
        BrokenPlatform current = BrokenPlatform.with(builder -> builder.maxModelLen(8200).vllmVersion("0.32.0"))) {
      old.run("GL-CHAT-1").assertFailsWith("does not fit the model's context");
      current.run("GL-CHAT-1").assertPasses();
      current.run("GL-CONTEXT-1").assertFailsWith("agentic Duo Chat (max_tokens 32768 > max_model_len 8200)");
      current.run("GL-CONTEXT-1").with(OpenAiSettings.DUO_CHAT_MAX_TOKENS.key(), "8192").assertPasses();
    }
  }

  @Test
  @Proves("GL-TIMEOUT-1")
  void aPlatformTooSlowForTheChatTimeoutFails() {
    // the first token after 15.5 s: inside code completion's 60 s (and the 30 s "well within"), past half of chat's 30 s
    try (BrokenPlatform platform = BrokenPlatform.with(builder -> builder.pacing(Pacing.of(Duration.ofMillis(15_500), Duration.ZERO)))) {
      platform.run("GL-TIMEOUT-1").with(dev.llmtck.tck.platform.CommonSettings.TIMEOUT_SECONDS.key(), "40")
          .assertFailsWith("a streamed chat answer of up to 256 tokens took", "30 s");
    }
  }

  /**
   * The reference platform behind a WireMock proxy that answers 400 in vLLM's envelope to chat requests whose
   * body matches {@code bodyRegex} (streamed ones included, which a response transformer cannot refuse).
   */
  private static Refusing refusing(String bodyRegex, String message) {
    return new Refusing(bodyRegex, message);
  }

  /** A refusing front and the platform behind it. */
  private static final class Refusing implements AutoCloseable {
    private final BrokenPlatform platform = BrokenPlatform.with(builder -> { });
    private final com.github.tomakehurst.wiremock.WireMockServer proxy = new com.github.tomakehurst.wiremock
        .WireMockServer(com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig().dynamicPort());

    Refusing(String bodyRegex, String message) {
      proxy.start();
      proxy.stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(
          com.github.tomakehurst.wiremock.client.WireMock.anyUrl()).atPriority(10).willReturn(
          com.github.tomakehurst.wiremock.client.WireMock.aResponse().proxiedFrom(platform.baseUrl()
              .replaceAll("/v1$", ""))));
      ObjectNode error = JsonNodeFactory.instance.objectNode();
      error.putObject("error").put("message", message).put("type", "BadRequestError").putNull("param")
          .put("code", 400);
      proxy.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
          com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(CHAT))
          .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matching(bodyRegex)).atPriority(1)
          .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(400)
              .withHeader("Content-Type", "application/json").withBody(error.toString())));
    }

    ClauseRun run(String clauseId) {
      return ClauseRun.of(clauseId).against(proxy.baseUrl() + "/v1", BrokenPlatform.KEY, platform.model(), "tools");
    }

    @Override
    public void close() {
      proxy.stop();
      platform.close();
    }
  }


}
