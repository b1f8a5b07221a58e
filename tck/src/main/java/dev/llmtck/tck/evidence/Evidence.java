package dev.llmtck.tck.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One HTTP exchange a clause made, as the reports show it. A clause publishes each exchange as a JUnit report
 * entry with key {@value #KEY} and this JSON string as value:
 *
 * <pre>{@code
 * {"request":  {"method": "POST", "url": "http://host:8000/v1/chat/completions",
 *               "headers": {"Authorization": "[REDACTED]", "Content-Type": "application/json"},
 *               "body": "{\"model\":...}"},
 *  "response": {"status": 200, "headers": {"content-type": "application/json"},
 *               "body": "{\"id\":...}", "timeToFirstByteMs": 41},
 *  "failure":  "no response within 60 s"}
 * }</pre>
 *
 * {@code response} is {@code null} when no response arrived; {@code failure} is present only then or when
 * reading the body failed. Bodies are cut to {@value #MAX_BODY_CHARS} characters (marked {@code ...[truncated
 * N chars]}), header values and the failure too; a body the kit did not read as text (compressed, binary) is
 * shown as {@code (N bytes, not text...)}. Secrets are already masked ({@link Redactor}) when the entry is
 * built, in header names as well as values. Header names are as the HTTP client reports them (the JDK client
 * gives response headers in lower case); a header sent several times is joined with {@code ", "}.
 */
public record Evidence(Request request, Response response, String failure) {

  /** The JUnit report-entry key under which evidence is published. */
  public static final String KEY = "llmtck.evidence";

  /** Longest body kept, in characters. */
  public static final int MAX_BODY_CHARS = 4096;

  /** Longest header name or value kept, in characters. */
  public static final int MAX_HEADER_CHARS = 1024;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The request as sent (secrets masked). */
  public record Request(String method, String url, Map<String, String> headers, String body) {}

  /** The response as received (secrets masked). */
  public record Response(int status, Map<String, String> headers, String body, long timeToFirstByteMs) {}

  /** Builds the request part, masking secrets and truncating the body. */
  public static Request request(Redactor redactor, String method, String url, Map<String, List<String>> headers,
      String body) {
    return new Request(method, masked(redactor, url), headers(redactor, headers), masked(redactor, body));
  }

  /** Builds the response part, masking secrets and truncating the body. */
  public static Response response(Redactor redactor, int status, Map<String, List<String>> headers, String body,
      long timeToFirstByteMs) {
    return new Response(status, headers(redactor, headers), masked(redactor, body), timeToFirstByteMs);
  }

  /** The report-entry value: this exchange as one line of JSON. */
  public String toJson() {
    ObjectNode root = MAPPER.createObjectNode();
    root.set("request", MAPPER.valueToTree(request));
    root.set("response", response == null ? null : MAPPER.valueToTree(response));
    if (failure != null) {
      root.put("failure", truncate(failure));
    }
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("evidence is plain data and always serialises", e);
    }
  }

  static String truncate(String body) {
    return cut(body, MAX_BODY_CHARS);
  }

  /**
   * The text masked and cut. Only a window well past the cut is masked (a body may be megabytes): a secret that
   * straddles the cut is inside the window, so it is masked whole before the cut falls.
   */
  private static String masked(Redactor redactor, String text) {
    if (text == null || text.length() <= 16 * MAX_BODY_CHARS) {
      return truncate(redactor.text(text));
    }
    String head = redactor.text(text.substring(0, 16 * MAX_BODY_CHARS));
    int end = Math.min(MAX_BODY_CHARS, head.length());
    end = Character.isHighSurrogate(head.charAt(end - 1)) ? end - 1 : end;
    return head.substring(0, end) + "...[truncated " + (text.length() - end) + " chars]";
  }

  private static String cut(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    return text.substring(0, end) + "...[truncated " + (text.length() - end) + " chars]";
  }

  private static Map<String, String> headers(Redactor redactor, Map<String, List<String>> headers) {
    Map<String, String> flat = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> {
      if (!name.startsWith(":")) {
        // A name can carry a key too (a platform that echoes it in a header name, folded to lower case).
        String shown = cut(redactor.text(name), MAX_HEADER_CHARS);
        String value = redactor.header(name, String.join(", ", values));
        flat.merge(shown, cut(value, MAX_HEADER_CHARS), (a, b) -> a + ", " + b);
      }
    });
    return flat;
  }
}
