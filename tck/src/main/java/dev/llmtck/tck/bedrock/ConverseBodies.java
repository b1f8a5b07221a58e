package dev.llmtck.tck.bedrock;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Converse request bodies, as in the Bedrock runtime service model ({@code ConverseRequest}). */
final class ConverseBodies {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ConverseBodies() {
  }

  static String user(String text, int maxTokens) {
    ObjectNode body = JSON.createObjectNode();
    message(body.putArray("messages"), "user", text);
    body.putObject("inferenceConfig").put("maxTokens", maxTokens).put("temperature", 0);
    return body.toString();
  }

  static String conversation(String system, String... turns) {
    ObjectNode body = JSON.createObjectNode();
    body.putArray("system").addObject().put("text", system);
    ArrayNode messages = body.putArray("messages");
    for (int i = 0; i < turns.length; i++) {
      message(messages, i % 2 == 0 ? "user" : "assistant", turns[i]);
    }
    body.putObject("inferenceConfig").put("maxTokens", 64);
    return body.toString();
  }

  /** The tool the tool-use clauses offer: {@value #TOOL}, whose input is {@code {"city": <string>}} (required). */
  static final String TOOL = "get_weather";
  /** A question that names the tool, so a model asked with {@code toolChoice auto} calls it. */
  static final String TOOL_QUESTION = "Use the get_weather tool to find out the current weather in Paris.";
  static final String TOOL_USE_ID = "tooluse_llmtck_0001";

  /** The tool's JSON schema, as Converse ({@code inputSchema.json}) and Anthropic ({@code input_schema}) take it. */
  static ObjectNode toolSchema() {
    ObjectNode schema = JSON.createObjectNode().put("type", "object");
    schema.putObject("properties").putObject("city").put("type", "string").put("description", "The city's name");
    schema.putArray("required").add("city");
    return schema;
  }

  /** A Converse request offering {@link #TOOL} with {@code toolChoice auto} and asking {@link #TOOL_QUESTION}. */
  static String toolQuestion(int maxTokens) {
    ObjectNode body = JSON.createObjectNode();
    message(body.putArray("messages"), "user", TOOL_QUESTION);
    toolConfig(body);
    body.putObject("inferenceConfig").put("maxTokens", maxTokens).put("temperature", 0);
    return body.toString();
  }

  /**
   * The follow-up of {@link #toolQuestion}: the question, the assistant's toolUse of {@link #TOOL} (id
   * {@link #TOOL_USE_ID}, input Paris), and the user's toolResult for it; toolConfig sent again, as Bedrock wants
   * when the conversation holds tool blocks.
   */
  static String toolResultFollowUp(int maxTokens) {
    ObjectNode body = JSON.createObjectNode();
    ArrayNode messages = body.putArray("messages");
    message(messages, "user", TOOL_QUESTION);
    ObjectNode toolUse = messages.addObject().put("role", "assistant").putArray("content").addObject()
        .putObject("toolUse").put("toolUseId", TOOL_USE_ID).put("name", TOOL);
    toolUse.putObject("input").put("city", "Paris");
    ObjectNode result = messages.addObject().put("role", "user").putArray("content").addObject()
        .putObject("toolResult").put("toolUseId", TOOL_USE_ID);
    result.putArray("content").addObject().put("text", "18 degrees Celsius, sunny");
    toolConfig(body);
    body.putObject("inferenceConfig").put("maxTokens", maxTokens).put("temperature", 0);
    return body.toString();
  }

  private static void toolConfig(ObjectNode body) {
    ObjectNode config = body.putObject("toolConfig");
    ObjectNode spec = config.putArray("tools").addObject().putObject("toolSpec").put("name", TOOL)
        .put("description", "Get the current weather in a city.");
    spec.putObject("inputSchema").set("json", toolSchema());
    config.putObject("toolChoice").putObject("auto");
  }

  private static void message(ArrayNode messages, String role, String text) {
    ObjectNode message = messages.addObject().put("role", role);
    message.putArray("content").addObject().put("text", text);
  }
}
