package dev.llmtck.tck.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * AWS's restJson1 error: a status, {@code x-amzn-ErrorType} naming the error, {@code x-amzn-RequestId}, and a
 * JSON body with a {@code message} (AWS's front door sometimes spells it {@code Message}; the SDKs read both).
 */
final class AwsErrorReply {

  private AwsErrorReply() {
  }

  /**
   * Asserts {@code reply} is an AWS error with {@code status}, and, when {@code code} is not null, that
   * {@code x-amzn-ErrorType} names it. Returns the message.
   */
  static String assertError(BedrockClient.Reply reply, int status, String code, String what) {
    assertThat(reply.status()).as("status for %s (body: %s)", what, abbreviate(reply.body())).isEqualTo(status);
    assertThat(reply.errorType()).as("x-amzn-ErrorType for %s", what).isPresent();
    if (code != null) {
      assertThat(reply.errorType()).as("x-amzn-ErrorType for %s", what).contains(code);
    }
    assertThat(reply.header("x-amzn-RequestId")).as("x-amzn-RequestId for %s", what).isPresent();
    JsonNode body = reply.json();
    JsonNode message = body.has("message") ? body.get("message") : body.path("Message");
    assertThat(message.isTextual()).as("JSON body with a string message for %s (body: %s)", what,
        abbreviate(reply.body())).isTrue();
    return message.asText();
  }

  static String abbreviate(String body) {
    if (body == null) {
      return "";
    }
    return body.length() <= 300 ? body : body.substring(0, 300) + "...";
  }
}
