package dev.llmtck.tck.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmtck.tck.clause.Clause;
import dev.llmtck.tck.clause.Level;
import dev.llmtck.tck.clause.RequiresCapability;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import org.opentest4j.AssertionFailedError;

/**
 * Tool (function) calling, which the GitLab Duo Agent Platform needs. Applies only to targets that declare the
 * {@code tools} capability; vLLM needs {@code --enable-auto-tool-choice --tool-call-parser <name>} for it.
 */
@OpenAiContract
@RequiresCapability("tools")
public class ToolCallingClauses {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String TOOL = "get_weather";
  private static final String QUESTION = "What is the weather in Paris right now? Use the get_weather tool.";

  @Clause(id = "OAI-TOOLS-1", level = Level.MUST,
      statement = "a named tool_choice answers with a tool call to that function with JSON arguments and "
          + "finish_reason \"stop\" (vLLM's) or \"tool_calls\"",
      source = "OpenAI API reference, chat tools and tool_choice; vLLM named function calling (guided decoding): "
          + "serving_chat.py chat_completion_full_generator builds the call from tool_choice.function.name and keeps "
          + "the engine's finish_reason (\"stop\"); only \"auto\" with a tool parser answers \"tool_calls\" "
          + "(serving_chat.py in 0.10.x, chat_completion/serving.py on main, which also says \"tool_calls\" for "
          + "\"required\")")
  void namedToolChoiceCallsTheTool(OpenAiTarget target, OpenAiClient client) {
    ObjectNode choice = RequestBody.object().put("type", "function");
    choice.putObject("function").put("name", TOOL);
    JsonNode body = askWithTools(client, withTools(target).with("tool_choice", choice));
    JsonNode call = expectToolCall(body);
    // vLLM, like OpenAI, says "stop" for a named call; "tool_calls" also names a completed call
    assertThat(body.path("choices").path(0).path("finish_reason").asText())
        .as("finish_reason of a forced tool call").isIn("tool_calls", "stop");
    assertThat(call.path("function").path("name").asText()).as("the called function").isEqualTo(TOOL);
  }

  @Clause(id = "OAI-TOOLS-2", level = Level.MUST,
      statement = "tool_choice auto is accepted, and a question needing the tool answers with tool_calls and "
          + "finish_reason tool_calls",
      source = "OpenAI API reference, chat tools; vLLM --enable-auto-tool-choice (without it vLLM refuses auto "
          + "with 400)")
  void autoToolChoiceCallsTheTool(OpenAiTarget target, OpenAiClient client) {
    JsonNode body = askWithTools(client, withTools(target).with("tool_choice", "auto"));
    expectToolCall(body);
    assertThat(body.path("choices").path(0).path("finish_reason").asText())
        .withFailMessage("an answer with tool_calls must say finish_reason \"tool_calls\", not %s",
            body.path("choices").path(0).path("finish_reason"))
        .isEqualTo("tool_calls");
  }

  @Clause(id = "OAI-TOOLS-3", level = Level.MUST,
      statement = "streamed tool calls arrive as delta.tool_calls with an index, an id and name first, and "
          + "arguments that join into JSON",
      source = "OpenAI API reference, chat completion chunk delta.tool_calls; vLLM DeltaToolCall")
  void streamedToolCallsAreIndexedFragments(OpenAiTarget target, OpenAiClient client) {
    EventStreamResponse stream = ChatStreamClauses.expectWellFramedStream(client.stream("/chat/completions",
        withTools(target).with("tool_choice", "auto").streamed().json()));
    Map<Integer, StringBuilder> arguments = new TreeMap<>();
    String finish = null;
    for (JsonNode chunk : StreamChunks.of(stream).all()) {
      for (JsonNode choice : chunk.path("choices")) {
        if (choice.path("finish_reason").isTextual()) {
          finish = choice.path("finish_reason").asText();
        }
        for (JsonNode fragment : choice.path("delta").path("tool_calls")) {
          if (!fragment.path("index").isInt()) {
            throw new AssertionFailedError("a delta.tool_calls entry has no integer index: " + fragment);
          }
          int index = fragment.path("index").asInt();
          if (!arguments.containsKey(index)) {
            if (!fragment.path("id").isTextual() || !fragment.path("function").path("name").isTextual()) {
              throw new AssertionFailedError("the first fragment of tool call " + index
                  + " lacks its id or function.name: " + fragment);
            }
            arguments.put(index, new StringBuilder());
          }
          arguments.get(index).append(fragment.path("function").path("arguments").asText(""));
        }
      }
    }
    assertThat(arguments).withFailMessage("the stream carries no delta.tool_calls: %s",
        Bodies.abbreviate(stream.body())).isNotEmpty();
    arguments.forEach((index, joined) -> expectJsonObject(joined.toString(), "the streamed arguments of tool call "
        + index));
    assertThat(finish).as("the stream's finish_reason").isEqualTo("tool_calls");
  }

  @Clause(id = "OAI-TOOLS-4", level = Level.MUST,
      statement = "a conversation carrying a tool call and its tool result is answered by the assistant",
      source = "OpenAI API reference, chat messages (assistant tool_calls, role tool with tool_call_id); "
          + "vLLM chat template rendering of tool messages")
  void toolResultIsAnswered(OpenAiTarget target, OpenAiClient client) {
    ObjectNode assistant = RequestBody.object().put("role", "assistant");
    ObjectNode call = assistant.putArray("tool_calls").addObject()
        .put("id", "call_llmtck_1").put("type", "function");
    call.putObject("function").put("name", TOOL).put("arguments", "{\"city\":\"Paris\"}");
    ObjectNode result = RequestBody.object().put("role", "tool").put("tool_call_id", "call_llmtck_1")
        .put("content", "{\"temperature_c\":18,\"sky\":\"clear\"}");
    JsonNode body = ChatClauses.ask(client, withTools(target).message(assistant).message(result));
    OpenAiSchema.CHAT_COMPLETION.check(body, "the answer after a tool result");
  }

  private static RequestBody withTools(OpenAiTarget target) {
    ObjectNode function = RequestBody.object().put("name", TOOL)
        .put("description", "Current weather for a city");
    ObjectNode parameters = function.putObject("parameters").put("type", "object");
    parameters.putObject("properties").putObject("city").put("type", "string");
    parameters.putArray("required").add("city");
    ArrayNode tools = RequestBody.array();
    tools.addObject().put("type", "function").set("function", function);
    return RequestBody.chat(target).greedy().user(QUESTION).with("tools", tools).with("max_tokens", 64);
  }

  /** The answer to a request with tools; a refusal says what the operator must change when it can tell. */
  private static JsonNode askWithTools(OpenAiClient client, RequestBody request) {
    JsonResponse response = client.post("/chat/completions", request.json());
    if (response.status() != 200) {
      throw new AssertionFailedError(ToolDiagnosis.ofError(response).map(why -> why + ": ").orElse("")
          + "expected HTTP 200 but got " + response.describe());
    }
    return response.expectJsonObject();
  }

  private static JsonNode expectToolCall(JsonNode body) {
    OpenAiSchema.CHAT_COMPLETION.check(body, "the chat completion");
    JsonNode calls = body.path("choices").path(0).path("message").path("tool_calls");
    if (!calls.isArray() || calls.isEmpty()) {
      throw new AssertionFailedError(ToolDiagnosis.ofMissingCall(body.path("choices").path(0)));
    }
    JsonNode call = calls.get(0);
    expectJsonObject(call.path("function").path("arguments").asText(), "function.arguments");
    return call;
  }

  private static void expectJsonObject(String text, String what) {
    JsonNode parsed;
    try {
      parsed = MAPPER.readTree(text);
    } catch (IOException e) {
      parsed = null;
    }
    if (parsed == null || !parsed.isObject()) {
      throw new AssertionFailedError(what + " is not a JSON object in a string: " + Bodies.abbreviate(text));
    }
  }
}
