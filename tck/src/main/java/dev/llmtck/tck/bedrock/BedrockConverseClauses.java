package dev.llmtck.tck.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmtck.tck.clause.Clause;
import dev.llmtck.tck.clause.Level;

/**
 * The Converse API, {@code POST /model/{modelId}/converse}: shapes from the Bedrock runtime service model
 * ({@code ConverseRequest}, {@code ConverseResponse}, {@code TokenUsage}, {@code ConverseMetrics}, {@code
 * StopReason}).
 */
@BedrockContract
public class BedrockConverseClauses {
  static final String[] STOP_REASONS = {"end_turn", "tool_use", "max_tokens", "stop_sequence", "guardrail_intervened",
      "content_filtered", "malformed_model_output", "malformed_tool_use", "model_context_window_exceeded"};

  @Clause(id = "BDR-CONVERSE-1", level = Level.MUST,
      statement = "Converse answers output.message (role assistant, text content blocks), a stopReason of the "
          + "service model's enum, usage (inputTokens, outputTokens, totalTokens = their sum) and metrics.latencyMs",
      source = "Bedrock runtime service model: ConverseResponse (required output, stopReason, usage, metrics)")
  void converseAnswersTheServiceModelShape(BedrockTarget target, BedrockClient client) {
    var reply = client.post(target.modelId(), "converse", ConverseBodies.user("Name three colours.", 64));

    assertThat(reply.status()).as("status (body: %s)", AwsErrorReply.abbreviate(reply.body())).isEqualTo(200);
    JsonNode body = reply.json();
    JsonNode message = body.path("output").path("message");
    assertThat(message.path("role").asText()).as("output.message.role").isEqualTo("assistant");
    assertThat(message.path("content").isArray() && message.path("content").size() > 0)
        .as("output.message.content is a non-empty list").isTrue();
    assertThat(message.path("content").path(0).path("text").isTextual()).as("content[0].text").isTrue();
    assertThat(body.path("stopReason").asText()).as("stopReason").isIn((Object[]) STOP_REASONS);
    assertUsage(body.path("usage"));
    assertThat(body.path("metrics").path("latencyMs").isIntegralNumber()).as("metrics.latencyMs").isTrue();
  }

  @Clause(id = "BDR-CONVERSE-2", level = Level.MUST,
      statement = "inferenceConfig.maxTokens N bounds the answer: outputTokens <= N, and stopReason max_tokens "
          + "when the answer was cut",
      source = "Bedrock runtime service model: InferenceConfiguration.maxTokens; StopReason max_tokens")
  void maxTokensBoundsTheAnswer(BedrockTarget target, BedrockClient client) {
    var reply = client.post(target.modelId(), "converse",
        ConverseBodies.user("Write a long essay about the history of version control systems.", 5));

    assertThat(reply.status()).as("status (body: %s)", AwsErrorReply.abbreviate(reply.body())).isEqualTo(200);
    JsonNode body = reply.json();
    assertThat(body.path("usage").path("outputTokens").asInt(Integer.MAX_VALUE)).as("usage.outputTokens")
        .isLessThanOrEqualTo(5);
    assertThat(body.path("stopReason").asText()).as("stopReason of an essay cut at 5 tokens").isEqualTo("max_tokens");
  }

  @Clause(id = "BDR-CONVERSE-3", level = Level.MUST,
      statement = "a system prompt and a multi-turn user/assistant/user conversation are accepted",
      source = "Bedrock runtime service model: ConverseRequest.system (SystemContentBlocks), messages "
          + "(ConversationRole user|assistant)")
  void systemAndMultiTurnAreAccepted(BedrockTarget target, BedrockClient client) {
    var reply = client.post(target.modelId(), "converse", ConverseBodies.conversation("You answer briefly.",
        "What is a merge request?", "A proposal to merge one branch into another.", "And a pipeline?"));

    assertThat(reply.status()).as("status (body: %s)", AwsErrorReply.abbreviate(reply.body())).isEqualTo(200);
    assertThat(reply.json().path("output").path("message").path("role").asText()).as("role").isEqualTo("assistant");
  }

  static void assertUsage(JsonNode usage) {
    assertThat(usage.path("inputTokens").isIntegralNumber()).as("usage.inputTokens").isTrue();
    assertThat(usage.path("outputTokens").isIntegralNumber()).as("usage.outputTokens").isTrue();
    assertThat(usage.path("totalTokens").asLong()).as("usage.totalTokens = inputTokens + outputTokens")
        .isEqualTo(usage.path("inputTokens").asLong() + usage.path("outputTokens").asLong());
  }
}
