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

  private static void message(ArrayNode messages, String role, String text) {
    ObjectNode message = messages.addObject().put("role", role);
    message.putArray("content").addObject().put("text", text);
  }
}
