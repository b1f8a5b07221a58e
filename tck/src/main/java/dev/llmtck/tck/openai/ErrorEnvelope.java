package dev.llmtck.tck.openai;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** The error bodies OpenAI-compatible platforms send, told apart so a report can say which one it saw. */
enum ErrorEnvelope {

  /** What OpenAI SDKs parse. */
  NESTED("OpenAI's nested {\"error\":{\"message\",\"type\",\"param\",\"code\"}}, sent by the OpenAI API and by "
      + "vLLM 0.10.1 and later"),
  /** vLLM's older ErrorResponse. */
  FLAT("vLLM's flat {\"object\":\"error\",\"message\",\"type\",\"param\",\"code\"}, sent by vLLM 0.6 to 0.10.0"),
  /** vLLM's API-key middleware. */
  BARE_STRING("{\"error\":\"<text>\"} with a bare string, sent by vLLM's --api-key check for 401"),
  NONE("no recognised error body");

  private final String description;

  ErrorEnvelope(String description) {
    this.description = description;
  }

  /** Which envelope a body uses ({@link #NONE} for non-JSON or anything else). */
  static ErrorEnvelope of(JsonNode body) {
    if (body == null || !body.isObject()) {
      return NONE;
    }
    if (OpenAiSchema.ERROR_NESTED.matches(body)) {
      return NESTED;
    }
    if (OpenAiSchema.ERROR_FLAT.matches(body)) {
      return FLAT;
    }
    if (body.path("error").isTextual()) {
      return BARE_STRING;
    }
    return NONE;
  }

  /** Whether this is a JSON error object a client can read a message from (nested or flat). */
  boolean isErrorObject() {
    return this == NESTED || this == FLAT;
  }

  /** The error's message, wherever the envelope keeps it. */
  static Optional<String> message(JsonNode body) {
    return switch (of(body)) {
      case NESTED -> Optional.of(body.path("error").path("message").asText());
      case FLAT -> Optional.of(body.path("message").asText());
      case BARE_STRING -> Optional.of(body.path("error").asText());
      case NONE -> Optional.empty();
    };
  }

  String description() {
    return description;
  }
}
