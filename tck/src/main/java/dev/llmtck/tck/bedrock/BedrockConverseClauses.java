package dev.llmtck.tck.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmtck.tck.clause.Clause;
import dev.llmtck.tck.clause.Level;
import java.util.Arrays;

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

    AwsErrorReply.assertOk(reply, "a Converse call");
    JsonNode body = reply.json();
    String shown = AwsErrorReply.abbreviate(reply.body());
    JsonNode message = body.path("output").path("message");
    assertThat(message.path("role").asText())
        .withFailMessage("Converse's output.message.role should be \"assistant\"; the answer is %s", shown)
        .isEqualTo("assistant");
    assertThat(message.path("content").isArray() && message.path("content").size() > 0)
        .withFailMessage("Converse's output.message.content should be a non-empty list of content blocks; the answer "
            + "is %s", shown)
        .isTrue();
    assertThat(message.path("content").path(0).path("text").isTextual())
        .withFailMessage("the first content block of a text answer should be {\"text\": \"...\"}; the answer is %s",
            shown)
        .isTrue();
    assertThat(body.path("stopReason").asText())
        .withFailMessage("stopReason should be one of the service model's %s; the answer has %s",
            Arrays.toString(STOP_REASONS), body.path("stopReason"))
        .isIn((Object[]) STOP_REASONS);
    assertUsage(body.path("usage"), "the Converse answer");
    assertLatency(body.path("metrics"), "the Converse answer");
  }

  @Clause(id = "BDR-CONVERSE-2", level = Level.MUST,
      statement = "inferenceConfig.maxTokens N bounds the answer: outputTokens <= N, and stopReason max_tokens "
          + "when the answer was cut",
      source = "Bedrock runtime service model: InferenceConfiguration.maxTokens; StopReason max_tokens")
  void maxTokensBoundsTheAnswer(BedrockTarget target, BedrockClient client) {
    var reply = client.post(target.modelId(), "converse",
        ConverseBodies.user("Write a long essay about the history of version control systems.", 5));

    AwsErrorReply.assertOk(reply, "a Converse call with inferenceConfig.maxTokens 5");
    JsonNode body = reply.json();
    assertThat(body.path("usage").path("outputTokens").asInt(Integer.MAX_VALUE))
        .withFailMessage("with inferenceConfig.maxTokens 5, usage.outputTokens should be at most 5; the answer has "
            + "usage %s", body.path("usage"))
        .isLessThanOrEqualTo(5);
    assertThat(body.path("stopReason").asText())
        .withFailMessage("an essay cut at maxTokens 5 should end with stopReason \"max_tokens\"; the answer has %s",
            body.path("stopReason"))
        .isEqualTo("max_tokens");
  }

  @Clause(id = "BDR-CONVERSE-3", level = Level.MUST,
      statement = "a system prompt and a multi-turn user/assistant/user conversation are accepted",
      source = "Bedrock runtime service model: ConverseRequest.system (SystemContentBlocks), messages "
          + "(ConversationRole user|assistant)")
  void systemAndMultiTurnAreAccepted(BedrockTarget target, BedrockClient client) {
    var reply = client.post(target.modelId(), "converse", ConverseBodies.conversation("You answer briefly.",
        "What is a merge request?", "A proposal to merge one branch into another.", "And a pipeline?"));

    AwsErrorReply.assertOk(reply, "a Converse call with a system prompt and user/assistant/user turns");
    assertThat(reply.json().path("output").path("message").path("role").asText())
        .withFailMessage("the answer to a multi-turn conversation should be output.message with role \"assistant\"; "
            + "it is %s", AwsErrorReply.abbreviate(reply.body()))
        .isEqualTo("assistant");
  }

  static void assertUsage(JsonNode usage, String where) {
    assertThat(usage.path("inputTokens").isIntegralNumber() && usage.path("outputTokens").isIntegralNumber())
        .withFailMessage("%s should carry usage with integer inputTokens and outputTokens; its usage is %s", where,
            usage.isMissingNode() ? "missing" : usage)
        .isTrue();
    assertThat(usage.path("totalTokens").asLong())
        .withFailMessage("%s's usage.totalTokens should be inputTokens + outputTokens = %s; it is %s", where,
            usage.path("inputTokens").asLong() + usage.path("outputTokens").asLong(), usage.path("totalTokens"))
        .isEqualTo(usage.path("inputTokens").asLong() + usage.path("outputTokens").asLong());
  }

  static void assertLatency(JsonNode metrics, String where) {
    assertThat(metrics.path("latencyMs").isIntegralNumber())
        .withFailMessage("%s should carry metrics.latencyMs, an integer (the service model requires it); its "
            + "metrics are %s", where, metrics.isMissingNode() ? "missing" : metrics)
        .isTrue();
  }
}
