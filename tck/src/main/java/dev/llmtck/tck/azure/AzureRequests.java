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

  static String completionJson(String prompt, int maxTokens) {
    ObjectNode body = JSON.createObjectNode();
    body.put("prompt", prompt);
    body.put("max_tokens", maxTokens);
    body.put("temperature", 0);
    return body.toString();
  }
}
