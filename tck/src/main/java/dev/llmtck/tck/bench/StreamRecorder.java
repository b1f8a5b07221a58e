package dev.llmtck.tck.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.util.Arrays;

/**
 * Turns the bytes of one streamed chat completion, as they arrive, into a {@link RequestRecord}, following
 * vLLM's {@code async_request_openai_chat_completions} and {@code StreamedResponseHandler}
 * (vllm/benchmarks/lib/endpoint_request_func.py): server-sent events are split on a blank line; comments
 * ({@code :...}) and {@code [DONE]} are skipped; every event whose {@code choices} is non-empty is a token
 * chunk (the first one, even a role-only one, ends TTFT; each next one adds an inter-token gap); an event with
 * {@code usage} gives the token counts; the latency ends at the last token chunk, not at the usage event.
 */
final class StreamRecorder {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final long startNanos;
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
  private final StringBuilder buffer = new StringBuilder();
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

  /** Feeds bytes that arrived at {@code nowNanos}; every complete event in them counts at that instant. */
  void onBytes(ByteBuffer bytes, long nowNanos) {
    CharBuffer chars;
    try {
      chars = decoder.decode(bytes);
    } catch (CharacterCodingException e) {
      throw new IllegalStateException(e); // REPLACE never throws
    }
    for (int i = 0; i < chars.length(); i++) {
      char c = chars.charAt(i);
      if (c != '\r') {
        buffer.append(c);
      }
    }
    int end;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      String message = buffer.substring(0, end).strip();
      buffer.delete(0, end + 2);
      onEvent(message, nowNanos);
    }
  }

  /** The whole body arrived: a last event without its blank line still counts. */
  void onEnd(long nowNanos) {
    String rest = buffer.toString().strip();
    buffer.setLength(0);
    if (!rest.isEmpty()) {
      onEvent(rest, nowNanos);
    }
  }

  private void onEvent(String message, long nowNanos) {
    if (message.isEmpty() || message.startsWith(":")) {
      return;
    }
    StringBuilder data = new StringBuilder();
    for (String line : message.split("\n")) {
      if (line.startsWith("data:")) {
        data.append(line.substring(line.startsWith("data: ") ? 6 : 5));
      }
    }
    String payload = data.toString().strip();
    if (payload.isEmpty() || payload.equals("[DONE]")) {
      return;
    }
    JsonNode chunk;
    try {
      chunk = MAPPER.readTree(payload);
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
      JsonNode content = choices.get(0).path("delta").path("content");
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
