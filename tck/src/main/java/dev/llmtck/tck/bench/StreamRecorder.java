package dev.llmtck.tck.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Turns the bytes of one streamed chat (or text) completion, as they arrive, into a {@link RequestRecord}, following
 * vLLM's {@code async_request_openai_chat_completions} (and {@code ..._completions}, whose chunks carry
 * {@code text} instead of {@code delta.content}) and {@code StreamedResponseHandler}
 * (vllm/benchmarks/lib/endpoint_request_func.py): server-sent events are split on a blank line; comments
 * ({@code :...}) and {@code [DONE]} are skipped; every event whose {@code choices} is non-empty is a token
 * chunk (the first one, even a role-only one, ends TTFT; each next one adds an inter-token gap); an event with
 * {@code usage} gives the token counts; the latency ends at the last token chunk, not at the usage event.
 */
final class StreamRecorder {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final long startNanos;
  private byte[] buffer = new byte[4096];
  private int length;
  private long[] itl = new long[64];
  private int itlCount;
  private long firstTokenAt = -1;
  private long lastTokenAt;
  private int contentChunks;
  private int usageCompletionTokens = -1;
  private int usagePromptTokens = -1;
  private String error = "";

  StreamRecorder(long startNanos) {
    this.startNanos = startNanos;
    this.lastTokenAt = startNanos;
  }

  /**
   * Feeds bytes that arrived at {@code nowNanos}; every complete event in them counts at that instant. Works on
   * the bytes as they came (carriage returns dropped, so CRLF and LF lines both work): no decoding into text
   * per read, which keeps the probe's own cost per event low.
   */
  void onBytes(ByteBuffer bytes, long nowNanos) {
    int scanFrom = Math.max(0, length - 1);
    if (length + bytes.remaining() > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + bytes.remaining()));
    }
    while (bytes.hasRemaining()) {
      byte b = bytes.get();
      if (b != '\r') {
        buffer[length++] = b;
      }
    }
    int eventStart = 0;
    for (int i = scanFrom; i + 1 < length; i++) {
      if (buffer[i] == '\n' && buffer[i + 1] == '\n') {
        onEvent(eventStart, i, nowNanos);
        eventStart = i + 2;
        i++;
      }
    }
    if (eventStart > 0) {
      System.arraycopy(buffer, eventStart, buffer, 0, length - eventStart);
      length -= eventStart;
    }
  }

  /** The whole body arrived: a last event without its blank line still counts. */
  void onEnd(long nowNanos) {
    if (length > 0) {
      onEvent(0, length, nowNanos);
      length = 0;
    }
  }

  /** One event: its {@code data:} lines joined (SSE joins them with a line feed); comments and {@code [DONE]} skipped. */
  private void onEvent(int from, int to, long nowNanos) {
    int dataFrom = -1;
    int dataTo = -1;
    byte[] joined = null;
    int lineStart = from;
    while (lineStart < to) {
      int lineEnd = lineStart;
      while (lineEnd < to && buffer[lineEnd] != '\n') {
        lineEnd++;
      }
      if (lineEnd - lineStart >= 5 && buffer[lineStart] == 'd' && buffer[lineStart + 1] == 'a'
          && buffer[lineStart + 2] == 't' && buffer[lineStart + 3] == 'a' && buffer[lineStart + 4] == ':') {
        int valueStart = lineStart + 5;
        if (valueStart < lineEnd && buffer[valueStart] == ' ') {
          valueStart++;
        }
        if (dataFrom < 0) {
          dataFrom = valueStart;
          dataTo = lineEnd;
        } else {
          byte[] previous = joined != null ? joined : Arrays.copyOfRange(buffer, dataFrom, dataTo);
          joined = Arrays.copyOf(previous, previous.length + 1 + lineEnd - valueStart);
          joined[previous.length] = '\n';
          System.arraycopy(buffer, valueStart, joined, previous.length + 1, lineEnd - valueStart);
        }
      }
      lineStart = lineEnd + 1;
    }
    if (dataFrom < 0) {
      return; // a comment (": ping") or an event without data
    }
    byte[] data = joined != null ? joined : buffer;
    int start = joined != null ? 0 : dataFrom;
    int end = joined != null ? joined.length : dataTo;
    while (start < end && Character.isWhitespace(data[start])) {
      start++;
    }
    while (end > start && Character.isWhitespace(data[end - 1])) {
      end--;
    }
    if (start == end || isDone(data, start, end)) {
      return;
    }
    JsonNode chunk;
    try {
      chunk = MAPPER.readTree(data, start, end - start);
    } catch (java.io.IOException e) {
      error = "an event's data is not JSON";
      return;
    }
    JsonNode choices = chunk.path("choices");
    if (choices.isArray() && !choices.isEmpty()) {
      if (firstTokenAt < 0) {
        firstTokenAt = nowNanos;
      } else {
        addGap(nowNanos - lastTokenAt);
      }
      lastTokenAt = nowNanos;
      JsonNode first = choices.get(0);
      JsonNode content = first.has("text") ? first.get("text") : first.path("delta").path("content");
      if (content.isTextual() && !content.asText().isEmpty()) {
        contentChunks++;
      }
    } else if (chunk.path("usage").isObject()) {
      JsonNode usage = chunk.get("usage");
      usageCompletionTokens = usage.path("completion_tokens").asInt(-1);
      usagePromptTokens = usage.path("prompt_tokens").asInt(-1);
    } else if (chunk.has("error")) {
      error = "the stream carried an error event";
    }
  }

  private static boolean isDone(byte[] data, int start, int end) {
    return end - start == 6 && data[start] == '[' && data[start + 1] == 'D' && data[start + 2] == 'O'
        && data[start + 3] == 'N' && data[start + 4] == 'E' && data[start + 5] == ']';
  }

  private void addGap(long gap) {
    if (itlCount == itl.length) {
      itl = Arrays.copyOf(itl, itl.length * 2);
    }
    itl[itlCount++] = gap;
  }

  /** The record of the finished stream; {@code promptTokens} counts the prompt when the server did not. */
  RequestRecord finish(int promptTokens) {
    if (!error.isEmpty()) {
      return RequestRecord.failed(startNanos, lastTokenAt - startNanos, error);
    }
    if (firstTokenAt < 0) {
      return RequestRecord.failed(startNanos, lastTokenAt - startNanos,
          "never received a token chunk to measure TTFT from");
    }
    int output = usageCompletionTokens > 0 ? usageCompletionTokens : contentChunks;
    return new RequestRecord(startNanos, true, "", firstTokenAt - startNanos, Arrays.copyOf(itl, itlCount),
        lastTokenAt - startNanos, output, usagePromptTokens >= 0 ? usagePromptTokens : promptTokens);
  }
}
