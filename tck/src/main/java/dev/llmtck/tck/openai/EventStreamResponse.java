package dev.llmtck.tck.openai;

import dev.llmtck.tck.sse.SseEvent;
import dev.llmtck.tck.sse.SseViolation;
import java.net.http.HttpHeaders;
import java.util.List;

/**
 * A streamed response read to its end (or until the timeout cut it), with each event's arrival time.
 *
 * @param exchange {@code METHOD url} of the request, for messages
 * @param status the HTTP status
 * @param headers the response headers
 * @param events the events in arrival order, {@code data: [DONE]} included
 * @param violations framing problems the strict reader found
 * @param readFailure why reading stopped early (timeout, broken connection), or {@code null}
 * @param body the body's text as received (secrets masked; cut after a few KiB), for messages
 * @param startNanos {@link System#nanoTime()} when the request was sent
 */
public record EventStreamResponse(String exchange, int status, HttpHeaders headers, List<SseEvent> events,
    List<SseViolation> violations, String readFailure, String body, long startNanos) {

  /** The {@code Content-Type} header, or an empty string. */
  public String contentType() {
    return headers.firstValue("content-type").orElse("");
  }

  /** The events before {@code [DONE]} (all of them when there is none). */
  public List<SseEvent> dataEvents() {
    return events.stream().takeWhile(event -> !event.isDone()).toList();
  }

  /** Whether the stream's last event is {@code data: [DONE]}. */
  public boolean endsWithDone() {
    return !events.isEmpty() && events.get(events.size() - 1).isDone();
  }

  /** Milliseconds from sending the request to the arrival of an event. */
  public long millisUntil(SseEvent event) {
    return (event.receivedNanos() - startNanos) / 1_000_000;
  }

  /** {@code exchange -> status: body} with the body shortened, for assertion messages. */
  public String describe() {
    return exchange + " -> " + status + ": " + Bodies.abbreviate(body);
  }
}
