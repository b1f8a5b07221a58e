package dev.llmtck.tck.sse;

/**
 * One dispatched server-sent event.
 *
 * @param type the {@code event:} field, or {@code message} when the event named none
 * @param data the {@code data:} lines joined with {@code \n}
 * @param id the last {@code id:} seen in the stream so far, or {@code null}
 * @param receivedNanos {@link System#nanoTime()} when the blank line that ended the event arrived
 */
public record SseEvent(String type, String data, String id, long receivedNanos) {

  /** The {@code data: [DONE]} sentinel that ends an OpenAI stream. */
  public static final String DONE = "[DONE]";

  /** Whether this is OpenAI's end-of-stream sentinel. */
  public boolean isDone() {
    return DONE.equals(data);
  }
}
