package dev.llmtck.tck.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmtck.tck.bedrock.BedrockClient.Frame;
import dev.llmtck.tck.clause.Clause;
import dev.llmtck.tck.clause.Level;
import dev.llmtck.tck.clause.RequiresCapability;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.opentest4j.AssertionFailedError;

/**
 * Tool use, what the Duo Agent Platform needs (LiteLLM sends a {@code bedrock/} model's tools through Converse's
 * {@code toolConfig}): a Converse call offering a tool and asking a question that names it is answered with a
 * {@code toolUse} block; the tool's result sent back is answered with text; ConverseStream streams the call; and
 * InvokeModel with the Anthropic Messages body does the same with {@code tools}. Shapes from the Bedrock runtime
 * service model (boto/botocore {@code botocore/data/bedrock-runtime/2023-09-30/service-2.json} @ 0e6e2404b85d:
 * {@code ToolConfiguration}, {@code ToolSpecification}, {@code ToolUseBlock}, {@code ToolResultBlock},
 * {@code ContentBlockStartEvent}, {@code ToolUseBlockDelta}, {@code StopReason}; findings B.1 to B.7).
 *
 * <p>Only for targets that declare {@code tools}: Bedrock models differ (Titan, Mistral 7B, Mixtral and Llama 3.0
 * take no tools, some take none on ConverseStream), so whether the model has tool use is the target's to declare.
 * The question uses {@code toolChoice auto}, which every tool-capable model takes ({@code any} and {@code tool}
 * only some).
 */
@BedrockContract
@RequiresCapability("tools")
public class BedrockToolClauses {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOOL_USE_ID = "[a-zA-Z0-9_.:-]{1,64}";

  @Clause(id = "BDR-TOOLS-1", level = Level.MUST,
      statement = "Converse with toolConfig (one toolSpec, toolChoice auto) and a question naming the tool answers a "
          + "toolUse content block with a toolUseId, the tool's name and an input object holding the required "
          + "property, and stopReason tool_use",
      source = "Bedrock runtime service model (boto/botocore botocore/data/bedrock-runtime/2023-09-30/service-2.json "
          + "@ 0e6e2404b85d): ToolConfiguration, ToolSpecification, ToolUseBlock (required toolUseId, name, input; "
          + "ToolUseId pattern [a-zA-Z0-9_.:-]+, 1..64), StopReason tool_use; Bedrock User Guide, Call a tool with "
          + "the Converse API")
  void converseAnswersAToolUse(BedrockTarget target, BedrockClient client) {
    var reply = client.post(target.modelId(), "converse", ConverseBodies.toolQuestion(512));

    AwsErrorReply.assertOk(reply, "a Converse call with toolConfig (tool " + ConverseBodies.TOOL + ")");
    JsonNode body = reply.json();
    JsonNode toolUse = null;
    for (JsonNode block : body.path("output").path("message").path("content")) {
      if (block.has("toolUse")) {
        toolUse = block.get("toolUse");
        break;
      }
    }
    if (toolUse == null) {
      throw new AssertionFailedError("a question naming the tool " + ConverseBodies.TOOL + " should be answered with a "
          + "toolUse content block; output.message.content has none (stopReason " + body.path("stopReason")
          + "): " + AwsErrorReply.abbreviate(reply.body()));
    }
    assertToolCall(toolUse.path("toolUseId"), toolUse.path("name"), toolUse.path("input"), "the toolUse block");
    assertThat(body.path("stopReason").asText())
        .withFailMessage("an answer that calls a tool should end with stopReason \"tool_use\"; it has %s",
            body.path("stopReason"))
        .isEqualTo("tool_use");
  }

  @Clause(id = "BDR-TOOLS-2", level = Level.MUST,
      statement = "a follow-up carrying the assistant's toolUse and the user's toolResult for it (toolConfig sent "
          + "again) is answered 200 with text, and a stopReason other than tool_use",
      source = "Bedrock runtime service model (botocore service-2.json @ 0e6e2404b85d): ToolResultBlock (required "
          + "toolUseId, content; ToolResultContentBlock text); Bedrock: \"The toolConfig field must be defined when "
          + "using toolUse and toolResult content blocks.\" (third-party reports, findings B.4)")
  void toolResultIsAnsweredWithText(BedrockTarget target, BedrockClient client) {
    var reply = client.post(target.modelId(), "converse", ConverseBodies.toolResultFollowUp(256));

    AwsErrorReply.assertOk(reply, "a Converse call whose last turn is the toolResult of " + ConverseBodies.TOOL
        + " (toolUseId " + ConverseBodies.TOOL_USE_ID + ")");
    JsonNode body = reply.json();
    StringBuilder text = new StringBuilder();
    for (JsonNode block : body.path("output").path("message").path("content")) {
      text.append(block.path("text").asText(""));
    }
    assertThat(text.toString())
        .withFailMessage("the tool's result should be answered with text; output.message.content has no text "
            + "(stopReason %s): %s", body.path("stopReason"), AwsErrorReply.abbreviate(reply.body()))
        .isNotBlank();
    assertThat(body.path("stopReason").asText())
        .withFailMessage("the answer to the tool's result should end the turn (end_turn, max_tokens or "
            + "stop_sequence); its stopReason is %s", body.path("stopReason"))
        .isIn("end_turn", "max_tokens", "stop_sequence");
  }

  @Clause(id = "BDR-TOOLS-3", level = Level.MUST,
      statement = "ConverseStream streams the tool use: a contentBlockStart with start.toolUse (toolUseId, the "
          + "tool's name), contentBlockDelta events of delta.toolUse.input fragments for that block joining into a "
          + "JSON object, its contentBlockStop, and messageStop with stopReason tool_use",
      source = "Bedrock runtime service model (botocore service-2.json @ 0e6e2404b85d): ContentBlockStartEvent "
          + "(ContentBlockStart.toolUse: ToolUseBlockStart toolUseId, name), ContentBlockDeltaEvent "
          + "(ToolUseBlockDelta.input, a string), ContentBlockStopEvent, MessageStopEvent; findings B.6")
  void converseStreamStreamsTheToolUse(BedrockTarget target, BedrockClient client) {
    var stream = client.stream(target.modelId(), "converse-stream", ConverseBodies.toolQuestion(512));

    AwsErrorReply.assertOk(stream, "a ConverseStream call with toolConfig (tool " + ConverseBodies.TOOL + ")");
    assertThat(stream.framingError())
        .withFailMessage("every frame should decode; after %s good frames: %s", stream.frames().size(),
            stream.framingError())
        .isNull();
    List<String> events = stream.frames().stream().map(f -> f.header(":event-type")).toList();
    Frame start = null;
    for (Frame frame : stream.frames()) {
      if ("contentBlockStart".equals(frame.header(":event-type")) && frame.json().path("start").has("toolUse")) {
        start = frame;
        break;
      }
    }
    if (start == null) {
      throw new AssertionFailedError("a streamed tool call should begin with a contentBlockStart whose start holds "
          + "toolUse; the stream has none (events: " + events + ")");
    }
    JsonNode startEvent = start.json();
    int index = startEvent.path("contentBlockIndex").asInt(-1);
    JsonNode header = startEvent.path("start").path("toolUse");
    StringBuilder input = new StringBuilder();
    boolean stopped = false;
    int at = stream.frames().indexOf(start);
    for (Frame frame : stream.frames().subList(at + 1, stream.frames().size())) {
      JsonNode event = frame.json();
      if (event.path("contentBlockIndex").asInt(-2) != index) {
        continue;
      }
      if ("contentBlockDelta".equals(frame.header(":event-type"))) {
        JsonNode fragment = event.path("delta").path("toolUse").path("input");
        assertThat(fragment.isTextual())
            .withFailMessage("a delta of the tool-use block (contentBlockIndex %s) should be delta.toolUse.input, a "
                + "string fragment of the input's JSON; it is %s", index, frame.payload())
            .isTrue();
        input.append(fragment.asText());
      } else if ("contentBlockStop".equals(frame.header(":event-type"))) {
        stopped = true;
        break;
      }
    }
    if (!stopped) {
      throw new AssertionFailedError("the tool-use block (contentBlockIndex " + index + ") should end with its "
          + "contentBlockStop; none came (events: " + events + ")");
    }
    JsonNode parsed;
    try {
      parsed = input.isEmpty() ? null : JSON.readTree(input.toString());
    } catch (IOException e) {
      parsed = null;
    }
    if (parsed == null || !parsed.isObject()) {
      throw new AssertionFailedError("the delta.toolUse.input fragments of the tool-use block should join into a "
          + "JSON object; they join into \"" + AwsErrorReply.abbreviate(input.toString()) + "\"");
    }
    assertToolCall(header.path("toolUseId"), header.path("name"), parsed, "the streamed tool use");
    JsonNode messageStop = stream.frames().stream().filter(f -> "messageStop".equals(f.header(":event-type")))
        .map(Frame::json).findFirst().orElse(null);
    if (messageStop == null) {
      throw new AssertionFailedError("a streamed tool call should end with messageStop (stopReason tool_use); the "
          + "stream has no messageStop (events: " + events + ")");
    }
    assertThat(messageStop.path("stopReason").asText())
        .withFailMessage("a streamed answer that calls a tool should end with messageStop stopReason \"tool_use\"; "
            + "it has %s", messageStop.path("stopReason"))
        .isEqualTo("tool_use");
  }

  @Clause(id = "BDR-TOOLS-4", level = Level.MUST,
      statement = "InvokeModel with the Anthropic Messages body (tools, tool_choice auto) and a question naming the "
          + "tool answers a tool_use content block (id, name, input object) with stop_reason tool_use (Anthropic "
          + "models)",
      source = "Bedrock User Guide, Anthropic Claude Messages API request and response "
          + "(https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-anthropic-claude-messages-request-"
          + "response.html: tools, tool_choice, tool_use content, stop_reason tool_use); findings B.7")
  void invokeModelAnswersAnthropicToolUse(BedrockTarget target, BedrockClient client) {
    String provider = target.provider();
    Assumptions.assumeTrue(provider.equals("anthropic"), "InvokeModel's tool use is checked with the Anthropic "
        + "Messages body; " + target.modelId() + " is a '" + provider + "' model (its Converse tool use is "
        + "BDR-TOOLS-1)");
    ObjectNode body = JSON.createObjectNode().put("anthropic_version", ModelFamilyBodies.ANTHROPIC_VERSION)
        .put("max_tokens", 512).put("temperature", 0);
    ObjectNode tool = body.putArray("tools").addObject().put("name", ConverseBodies.TOOL)
        .put("description", "Get the current weather in a city.");
    tool.set("input_schema", ConverseBodies.toolSchema());
    body.putObject("tool_choice").put("type", "auto");
    body.putArray("messages").addObject().put("role", "user").put("content", ConverseBodies.TOOL_QUESTION);

    var reply = client.post(target.modelId(), "invoke", body.toString());

    AwsErrorReply.assertOk(reply, "an InvokeModel call with the Anthropic Messages body and tools ("
        + ConverseBodies.TOOL + ")");
    JsonNode answer = reply.json();
    JsonNode toolUse = null;
    for (JsonNode block : answer.path("content")) {
      if ("tool_use".equals(block.path("type").asText())) {
        toolUse = block;
        break;
      }
    }
    if (toolUse == null) {
      throw new AssertionFailedError("a question naming the tool " + ConverseBodies.TOOL + " should be answered with a "
          + "content block of type tool_use; the answer has none (stop_reason " + answer.path("stop_reason") + "): "
          + AwsErrorReply.abbreviate(reply.body()));
    }
    assertThat(toolUse.path("id").isTextual() && !toolUse.path("id").asText().isBlank())
        .withFailMessage("the tool_use block should have an id, a string; it is %s", toolUse)
        .isTrue();
    assertToolCall(null, toolUse.path("name"), toolUse.path("input"), "the tool_use block");
    assertThat(answer.path("stop_reason").asText())
        .withFailMessage("an answer that calls a tool should have stop_reason \"tool_use\"; it has %s",
            answer.path("stop_reason"))
        .isEqualTo("tool_use");
  }

  /** The id (when given), the name and the input of a tool call, as the tool's schema asks for them. */
  private static void assertToolCall(JsonNode id, JsonNode name, JsonNode input, String where) {
    if (id != null) {
      assertThat(id.isTextual() && id.asText().matches(TOOL_USE_ID))
          .withFailMessage("%s should have a toolUseId of 1 to 64 characters of [a-zA-Z0-9_.:-] (the service "
              + "model's ToolUseId); it has %s", where, id.isMissingNode() ? "none" : id)
          .isTrue();
    }
    assertThat(name.asText())
        .withFailMessage("%s should name the tool offered, %s; it names %s", where, ConverseBodies.TOOL,
            name.isMissingNode() ? "none" : name)
        .isEqualTo(ConverseBodies.TOOL);
    assertThat(input.isObject())
        .withFailMessage("%s should have an input object (the tool's inputSchema is an object); it has %s", where,
            input.isMissingNode() ? "none" : input)
        .isTrue();
    List<String> missing = new ArrayList<>();
    if (!input.path("city").isTextual()) {
      missing.add("city");
    }
    assertThat(missing)
        .withFailMessage("%s's input should hold the schema's required string property city; it is %s", where, input)
        .isEmpty();
  }
}
