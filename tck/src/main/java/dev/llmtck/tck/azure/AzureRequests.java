package dev.llmtck.tck.azure;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The request bodies Azure clauses send: small, greedy (temperature 0, fixed seed) and cheap on a real quota. */
final class AzureRequests {
  private static final ObjectMapper JSON = new ObjectMapper();

  private AzureRequests() {
  }

  /** A one-turn chat; {@code model} is set only for the v1 API, where it names the deployment. */
  static ObjectNode chat(String prompt, int maxTokens) {
    ObjectNode body = JSON.createObjectNode();
    ArrayNode messages = body.putArray("messages");
    messages.addObject().put("role", "system").put("content", "You are a concise assistant.");
    messages.addObject().put("role", "user").put("content", prompt);
    body.put("max_tokens", maxTokens);
    body.put("temperature", 0);
    body.put("seed", 42);
    return body;
  }

  static String chatJson(String prompt, int maxTokens) {
    return chat(prompt, maxTokens).toString();
  }

  static String streamJson(String prompt, int maxTokens) {
    return chat(prompt, maxTokens).put("stream", true).toString();
  }

  static String v1ChatJson(String deployment, String prompt, int maxTokens) {
    return chat(prompt, maxTokens).put("model", deployment).toString();
  }

  /** The function the tool clauses offer. */
  static final String TOOL = "get_weather";
  /** A question that needs the tool and names it (what makes a model, and llmtck's mock, call it under auto). */
  static final String TOOL_QUESTION = "What is the weather in Paris right now? Use the get_weather tool.";

  /** A chat offering {@link #TOOL}: {@code get_weather(city: string)}, city required. */
  static ObjectNode withTools(String prompt) {
    ObjectNode body = chat(prompt, 64);
    ObjectNode function = body.putArray("tools").addObject().put("type", "function").putObject("function");
    function.put("name", TOOL).put("description", "The current weather in a city");
    ObjectNode parameters = function.putObject("parameters").put("type", "object");
    parameters.putObject("properties").putObject("city").put("type", "string").put("description", "the city");
    parameters.putArray("required").add("city");
    return body;
  }

  /** {@code tool_choice} naming {@link #TOOL}. */
  static ObjectNode namedToolChoice() {
    ObjectNode choice = JSON.createObjectNode().put("type", "function");
    choice.putObject("function").put("name", TOOL);
    return choice;
  }

  /**
   * The conversation after a tool call: the question, the assistant's call of {@link #TOOL} and the tool's result
   * (Azure spec: chatCompletionRequestAssistantMessage.tool_calls, chatCompletionRequestToolMessage).
   */
  static ObjectNode afterToolResult() {
    ObjectNode body = withTools(TOOL_QUESTION);
    ArrayNode messages = (ArrayNode) body.get("messages");
    ObjectNode assistant = messages.addObject().put("role", "assistant");
    assistant.putNull("content");
    ObjectNode call = assistant.putArray("tool_calls").addObject().put("id", "call_llmtck_0001").put("type",
        "function");
    call.putObject("function").put("name", TOOL).put("arguments", "{\"city\":\"Paris\"}");
    messages.addObject().put("role", "tool").put("tool_call_id", "call_llmtck_0001")
        .put("content", "{\"city\":\"Paris\",\"temperature_c\":18,\"sky\":\"clear\"}");
    return body;
  }

  static String completionJson(String prompt, int maxTokens) {
    ObjectNode body = JSON.createObjectNode();
    body.put("prompt", prompt);
    body.put("max_tokens", maxTokens);
    body.put("temperature", 0);
    return body.toString();
  }
}
