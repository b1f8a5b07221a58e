package dev.llmtck.tck.sse;

/**
 * A place where a stream broke the server-sent events framing (WHATWG HTML, "Server-sent events", 9.2.6).
 * Lenient browsers ignore most of these; a conformance kit reports them.
 *
 * @param line the 1-based line number
 * @param problem what was wrong, in words
 */
public record SseViolation(int line, String problem) {

  @Override
  public String toString() {
    return "line " + line + ": " + problem;
  }
}
