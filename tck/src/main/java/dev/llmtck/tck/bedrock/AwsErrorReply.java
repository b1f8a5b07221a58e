package dev.llmtck.tck.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import org.opentest4j.AssertionFailedError;

/**
 * AWS's restJson1 error: a status, {@code x-amzn-ErrorType} naming the error, {@code x-amzn-RequestId}, and a
 * JSON body with a {@code message} (AWS's front door sometimes spells it {@code Message}; the SDKs read both).
 * Failures say what was expected and what came, in the contract's words.
 */
final class AwsErrorReply {

  private AwsErrorReply() {
  }

  /**
   * Asserts {@code reply} is an AWS error with {@code status}, and, when {@code code} is not null, that
   * {@code x-amzn-ErrorType} names it. Returns the message.
   */
  static String assertError(BedrockClient.Reply reply, int status, String code, String what) {
    String expected = "HTTP " + status + (code == null ? " in AWS's error format" : " " + code);
    if (reply.status() != status) {
      throw new AssertionFailedError((reply.status() / 100 == 2 ? capitalised(what) + " was answered instead of "
          + "refused: expected " + expected : "expected " + expected + " for " + what) + ", got " + describe(reply));
    }
    if (reply.errorType().isEmpty()) {
      throw new AssertionFailedError("the HTTP " + status + " for " + what + " has no x-amzn-ErrorType header naming "
          + "the error (AWS's restJson1 errors carry it; the SDKs read the error code from it): "
          + describe(reply));
    }
    if (code != null && !reply.errorType().get().equals(code)) {
      throw new AssertionFailedError("expected " + expected + " for " + what + ", but x-amzn-ErrorType names "
          + reply.errorType().get() + ": " + describe(reply));
    }
    if (reply.header("x-amzn-RequestId").isEmpty()) {
      throw new AssertionFailedError("the " + expected + " for " + what + " has no x-amzn-RequestId header (every AWS "
          + "answer carries one)");
    }
    JsonNode message = message(reply);
    if (!message.isTextual()) {
      throw new AssertionFailedError("the " + expected + " for " + what + " should have a JSON body with a string "
          + "message (or Message); its body is " + quoted(reply.body()));
    }
    return message.asText();
  }

  /** Asserts a call was answered HTTP 200, saying what was asked and what came otherwise. */
  static void assertOk(BedrockClient.Reply reply, String what) {
    if (reply.status() != 200) {
      throw new AssertionFailedError("expected HTTP 200 for " + what + ", got " + describe(reply));
    }
  }

  /** Asserts a stream was answered HTTP 200, saying what was asked and what came otherwise. */
  static void assertOk(BedrockClient.EventStream stream, String what) {
    if (stream.status() != 200) {
      throw new AssertionFailedError("expected HTTP 200 and an event stream for " + what + ", got HTTP "
          + stream.status() + stream.header("x-amzn-ErrorType").map(t -> " " + t.replaceFirst(":.*", "")).orElse("")
          + " with body " + quoted(stream.errorBody()));
    }
  }

  /** The error's {@code message} (or {@code Message}), a missing node when there is none. */
  static JsonNode message(BedrockClient.Reply reply) {
    JsonNode body = reply.json();
    return body.has("message") ? body.get("message") : body.path("Message");
  }

  /** What came back, for a failure message: status, error type, message or body. */
  static String describe(BedrockClient.Reply reply) {
    StringBuilder text = new StringBuilder("HTTP ").append(reply.status());
    reply.errorType().ifPresent(type -> text.append(" ").append(type));
    JsonNode message = reply.status() / 100 == 2 ? null : message(reply);
    if (message != null && message.isTextual()) {
      text.append(" \"").append(abbreviate(message.asText())).append('"');
    } else {
      text.append(" with body ").append(quoted(reply.body()));
    }
    return text.toString();
  }

  static String quoted(String body) {
    return body == null || body.isEmpty() ? "(empty)" : abbreviate(body);
  }

  static String abbreviate(String body) {
    if (body == null) {
      return "";
    }
    return body.length() <= 300 ? body : body.substring(0, 300) + "...";
  }

  private static String capitalised(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
