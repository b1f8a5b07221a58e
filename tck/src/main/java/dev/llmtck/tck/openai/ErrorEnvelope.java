package dev.llmtck.tck.openai;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * The error bodies OpenAI-compatible platforms send, told apart by what the official clients make of them. Every
 * client throws the exception of the status code whatever the body (404: NotFoundError, 400: BadRequestError), so
 * the status is what a MUST clause asks for; the body decides only whether the platform's message reaches the
 * user. Measured with a server answering each shape (404) to openai 3.60.0 (Python), openai 6.30.1 (JavaScript)
 * and openai-java 4.101.0:
 *
 * <ul>
 *   <li>nested {@code {"error":{"message":...}}}: all three show the message;
 *   <li>flat {@code {"message":...}} (vLLM before 0.10.1): Python shows it, Java shows the raw body, JavaScript
 *       says "404 status code (no body)";
 *   <li>{@code {"error":"<text>"}} (vLLM's API-key check), with or without a top-level message: JavaScript and Java
 *       show the error string, Python only "Error code: 404"; a top-level message is shown by none;
 *   <li>anything else ({@code {"detail":...}}, text): no client shows a message in its field.
 * </ul>
 *
 * So an <em>error object</em>, what the MUST clauses ask for beside the status, is one of the first three: a JSON
 * object a client reads a message from. OAI-ERR-4 (SHOULD) asks for the nested one, the only shape every client
 * reads.
 */
enum ErrorEnvelope {

  /** What OpenAI sends. */
  NESTED("OpenAI's nested {\"error\":{\"message\",\"type\",\"param\",\"code\"}}, sent by the OpenAI API and by "
      + "vLLM 0.10.1 and later", "all three official clients show its message"),
  /** vLLM's older ErrorResponse, or any top-level message. */
  FLAT("a flat {\"message\",...} such as vLLM 0.6 to 0.10.0's {\"object\":\"error\",\"message\",\"type\",...}",
      "the JavaScript client shows \"status code (no body)\" instead of its message"),
  /** vLLM's API-key middleware, TGI-like {"error":"NotFoundError","message":...}. */
  STRING_ERROR("{\"error\":\"<text>\"} with a string error member, sent by vLLM's --api-key check for 401",
      "the Python client shows only the status code, and a top-level message reaches no client"),
  NONE("no recognised error body", "no official client shows the platform's message");

  private final String description;
  private final String clients;

  ErrorEnvelope(String description, String clients) {
    this.description = description;
    this.clients = clients;
  }

  /** Which envelope a body uses ({@link #NONE} for non-JSON or anything else). */
  static ErrorEnvelope of(JsonNode body) {
    if (body == null || !body.isObject()) {
      return NONE;
    }
    if (OpenAiSchema.ERROR_NESTED.matches(body)) {
      return NESTED;
    }
    if (body.path("error").isTextual() && !body.path("error").asText().isBlank()) {
      return STRING_ERROR;
    }
    if (OpenAiSchema.ERROR_FLAT.matches(body)) {
      return FLAT;
    }
    return NONE;
  }

  /** Whether this is a JSON error object at least one official client reads a message from. */
  boolean isErrorObject() {
    return this != NONE;
  }

  /**
   * The error's message, wherever the envelope keeps it (for a string error member with a top-level message, the
   * message: it says more than the error's name).
   */
  static Optional<String> message(JsonNode body) {
    return switch (of(body)) {
      case NESTED -> Optional.of(body.path("error").path("message").asText());
      case FLAT -> Optional.of(body.path("message").asText());
      case STRING_ERROR -> Optional.of(body.path("message").isTextual() ? body.path("message").asText()
          : body.path("error").asText());
      case NONE -> Optional.empty();
    };
  }

  String description() {
    return description;
  }

  /** What the official clients make of this envelope. */
  String clients() {
    return clients;
  }
}
