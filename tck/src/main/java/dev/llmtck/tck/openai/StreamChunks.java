package dev.llmtck.tck.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmtck.tck.sse.SseEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.opentest4j.AssertionFailedError;

/** The JSON chunks of an OpenAI stream (every data event before {@code [DONE]}), parsed. */
final class StreamChunks {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final List<JsonNode> chunks;

  private StreamChunks(List<JsonNode> chunks) {
    this.chunks = chunks;
  }

  /** Parses every data event before {@code [DONE]}; fails naming the first event that is not a JSON object. */
  static StreamChunks of(EventStreamResponse stream) {
    List<JsonNode> parsed = new ArrayList<>();
    List<SseEvent> events = stream.dataEvents();
    for (int i = 0; i < events.size(); i++) {
      String data = events.get(i).data();
      JsonNode chunk;
      try {
        chunk = MAPPER.readTree(data);
      } catch (IOException e) {
        chunk = null;
      }
      if (chunk == null || !chunk.isObject()) {
        throw new AssertionFailedError("event " + (i + 1) + " of the stream is not a JSON object: "
            + Bodies.abbreviate(data));
      }
      parsed.add(chunk);
    }
    return new StreamChunks(List.copyOf(parsed));
  }

  List<JsonNode> all() {
    return chunks;
  }

  /** Chunks that carry at least one choice (a trailing usage-only chunk has none). */
  List<JsonNode> withChoices() {
    return chunks.stream().filter(chunk -> chunk.path("choices").size() > 0).toList();
  }

  /** The concatenated {@code choices[0].delta.content} of a chat stream. */
  String chatContent() {
    return concatenate("delta", "content");
  }

  /** The concatenated {@code choices[0].text} of a completions stream. */
  String completionText() {
    return concatenate(null, "text");
  }

  private String concatenate(String container, String field) {
    StringBuilder text = new StringBuilder();
    for (JsonNode chunk : chunks) {
      for (JsonNode choice : chunk.path("choices")) {
        if (choice.path("index").asInt() == 0) {
          JsonNode holder = container == null ? choice : choice.path(container);
          if (holder.path(field).isTextual()) {
            text.append(holder.path(field).asText());
          }
        }
      }
    }
    return text.toString();
  }
}
