package dev.llmtck.tck.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What every Azure error must be: a JSON body {@code {"error":{...}}} with a non-empty {@code message} (the
 * {@code errorResponse} schema of Azure's inference spec, 2024-10-21). Gateway errors carry {@code code} and
 * {@code message}; model-service errors add OpenAI's {@code type} and {@code param}.
 */
final class AzureErrorObject {

  private AzureErrorObject() {
  }

  /** Asserts {@code reply} is {@code status} with an Azure error object, and returns that object. */
  static JsonNode assertError(AzureClient.Reply reply, int status, String situation) {
    assertThat(reply.status()).as("status for %s (body: %s)", situation, abbreviate(reply.body()))
        .isEqualTo(status);
    return assertErrorBody(reply, situation);
  }

  /** Asserts {@code reply} is some 4xx with an Azure error object: refused, never answered. */
  static JsonNode assertClientError(AzureClient.Reply reply, String situation) {
    assertThat(reply.status()).as("status for %s (body: %s)", situation, abbreviate(reply.body()))
        .isBetween(400, 499);
    return assertErrorBody(reply, situation);
  }

  private static JsonNode assertErrorBody(AzureClient.Reply reply, String situation) {
    JsonNode error = reply.json().path("error");
    assertThat(error.isObject()).as("%s: body is a JSON {\"error\":{...}} object (got: %s)", situation,
        abbreviate(reply.body())).isTrue();
    assertThat(error.path("message").asText("")).as("%s: error.message", situation).isNotBlank();
    return error;
  }

  static String abbreviate(String text) {
    if (text == null) {
      return "null";
    }
    return text.length() <= 300 ? text : text.substring(0, 300) + "...";
  }
}
