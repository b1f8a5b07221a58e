package dev.llmtck.tck.openai;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpHeaders;
import java.util.Arrays;
import org.opentest4j.AssertionFailedError;

/**
 * A complete, non-streamed response, its body already stripped of secrets.
 *
 * @param exchange {@code METHOD url} of the request, for messages
 * @param status the HTTP status
 * @param headers the response headers
 * @param body the body as text, or {@code (N bytes, not text: why)} when it is not text (e.g. gzip the kit did
 *     not ask for)
 * @param json the body parsed as JSON, or {@code null} when it is not JSON
 * @param beyondKit why the kit could not parse a body that may well be JSON (nested deeper or with more tokens
 *     than its parser reads), or {@code null}: then {@link #json()} and {@link #isJsonObject()} fail the clause
 *     with this reason rather than call the body "not JSON"
 */
public record JsonResponse(String exchange, int status, HttpHeaders headers, String body, JsonNode json,
    String beyondKit) {

  /** A response the kit could parse, or that is not JSON. */
  public JsonResponse(String exchange, int status, HttpHeaders headers, String body, JsonNode json) {
    this(exchange, status, headers, body, json, null);
  }

  /** The body parsed as JSON, or {@code null} when it is not JSON; fails when it is beyond the kit's parser. */
  @Override
  public JsonNode json() {
    if (beyondKit != null) {
      throw new AssertionFailedError(exchange + " -> " + status + ": " + beyondKit);
    }
    return json;
  }

  /** The {@code Content-Type} header, or an empty string. */
  public String contentType() {
    return headers.firstValue("content-type").orElse("");
  }

  /** Whether the body parsed as a JSON object. */
  public boolean isJsonObject() {
    return json() != null && json.isObject();
  }

  /**
   * Fails unless the status is one of those given.
   *
   * @return this response, for chaining
   */
  public JsonResponse expectStatus(int... expected) {
    if (Arrays.stream(expected).noneMatch(status -> status == this.status)) {
      throw new AssertionFailedError("expected HTTP " + (expected.length == 1 ? expected[0]
          : Arrays.toString(expected)) + " but got " + describe());
    }
    return this;
  }

  /**
   * The body as a JSON object served as JSON; fails, quoting the body, when it is anything else. The media type
   * matters: the official JavaScript SDK (openai 6.30.1) parses a body only when its Content-Type is JSON and hands
   * back any other as a string, so {@code completion.choices} is undefined for JSON served as text/plain (the Python
   * and Java SDKs parse it anyway).
   */
  public JsonNode expectJsonObject() {
    if (beyondKit != null) {
      throw new AssertionFailedError("expected a JSON object body, but " + beyondKit + ": " + describe());
    }
    if (!isJsonObject()) {
      throw new AssertionFailedError("expected a JSON object body (Content-Type " + contentType() + ") but got "
          + describe());
    }
    if (!isJsonMediaType(contentType())) {
      throw new AssertionFailedError("the body is a JSON object but its Content-Type is "
          + (contentType().isEmpty() ? "missing" : "\"" + contentType() + "\"") + ", not application/json: the "
          + "official JavaScript SDK then returns the text as a string and the answer has no fields: " + describe());
    }
    return json;
  }

  /** The JS SDK's own test (internal/parse.js): the media type contains application/json or ends with +json. */
  static boolean isJsonMediaType(String contentType) {
    String type = contentType.split(";", 2)[0].strip();
    return type.contains("application/json") || type.endsWith("+json");
  }

  /** {@code exchange -> status: body} with the body shortened, for assertion messages. */
  public String describe() {
    return exchange + " -> " + status + ": " + Bodies.abbreviate(body);
  }
}
