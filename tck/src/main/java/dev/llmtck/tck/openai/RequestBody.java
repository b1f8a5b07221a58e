package dev.llmtck.tck.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;


/** Builds the JSON bodies clauses send: {@code chat(target).system(..).user(..).with("max_tokens", 8).json()}. */
final class RequestBody {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ObjectNode json = NODES.objectNode();

  private RequestBody(String model) {
    json.put("model", model);
  }

  /** A chat completion request for the target's model, with no messages yet. */
  static RequestBody chat(OpenAiTarget target) {
    RequestBody body = new RequestBody(target.model());
    body.json.putArray("messages");
    return body;
  }

  /** A text completion request for the target's model. */
  static RequestBody completion(OpenAiTarget target, String prompt) {
    RequestBody body = new RequestBody(target.model());
    body.json.put("prompt", prompt);
    return body;
  }

  RequestBody system(String content) {
    return message("system", content);
  }

  RequestBody user(String content) {
    return message("user", content);
  }

  RequestBody assistant(String content) {
    return message("assistant", content);
  }

  RequestBody message(String role, String content) {
    ObjectNode message = messages().addObject();
    message.put("role", role);
    message.put("content", content);
    return this;
  }

  /** Appends a message given as JSON (tool calls, tool results). */
  RequestBody message(JsonNode message) {
    messages().add(message);
    return this;
  }

  /** Greedy and seeded: the same request should give the same answer. */
  RequestBody greedy() {
    json.put("temperature", 0);
    json.put("seed", 42);
    return this;
  }

  RequestBody with(String field, int value) {
    json.put(field, value);
    return this;
  }

  RequestBody with(String field, String value) {
    json.put(field, value);
    return this;
  }

  RequestBody with(String field, JsonNode value) {
    json.set(field, value);
    return this;
  }

  /** {@code "stream": true}. */
  RequestBody streamed() {
    json.put("stream", true);
    return this;
  }

  RequestBody without(String field) {
    json.remove(field);
    return this;
  }

  ObjectNode json() {
    return json.deepCopy();
  }

  static ObjectNode object() {
    return NODES.objectNode();
  }

  static ArrayNode array() {
    return NODES.arrayNode();
  }

  private ArrayNode messages() {
    return (ArrayNode) json.get("messages");
  }
}
