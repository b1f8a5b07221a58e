package dev.llmtck.tck.azure;

import static dev.llmtck.tck.azure.AzureErrorObject.abbreviate;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmtck.tck.sse.SseEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.opentest4j.AssertionFailedError;

/**
 * A streamed chat completion read as Azure documents it, in both of its content filter modes (Azure docs "Content
 * filter streaming", MicrosoftDocs/azure-ai-docs articles/ai-foundry/openai/concepts/content-streaming.md):
 * <ul>
 *   <li><b>default</b>: the answer is filtered, then released in content chunks that each carry
 *       {@code content_filter_results}; the stream opens with an annotations-only chunk ({@code choices: []},
 *       {@code prompt_filter_results});
 *   <li><b>asynchronous filter</b>: content chunks come at once, without annotations, and annotation-only chunks
 *       ({@code id ""}, {@code object ""}, choices without {@code delta} carrying {@code content_filter_results}
 *       and {@code content_filter_offsets}) follow the text they judge, <em>also after the chunk with
 *       {@code finish_reason}</em>; a blocked answer gets {@code finish_reason: content_filter} on such an
 *       annotation chunk; the prompt's annotations come under {@code prompt_annotations} in the doc's passing
 *       sample and under {@code prompt_filter_results} in its blocked one.
 * </ul>
 * Every stream check of the AZ contract reads streams through this class, so none of them fails a platform for the
 * filter mode it runs in.
 */
final class AzureStream {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The keys the prompt's annotations come under: the spec's and default mode's, and the asynchronous sample's. */
  static final List<String> PROMPT_KEYS = List.of("prompt_filter_results", "prompt_annotations");

  /** What a chunk is. */
  enum Kind {
    /** {@code choices: []} with the prompt's annotations. */
    PROMPT_ANNOTATIONS,
    /** {@code choices: []} with {@code usage} (after {@code stream_options.include_usage}). */
    USAGE,
    /** Choices without {@code delta}, carrying content filter results or offsets (asynchronous filter). */
    ANNOTATION,
    /** Choices with a {@code delta}: the answer itself. */
    CONTENT,
    /** {@code choices: []} with neither annotations nor usage. */
    OTHER
  }

  /** One {@code data:} event before {@code [DONE]}, parsed. */
  record Chunk(int position, JsonNode json, Kind kind) {
    JsonNode choices() {
      return json.path("choices");
    }
  }

  private final List<Chunk> chunks;

  private AzureStream(List<Chunk> chunks) {
    this.chunks = List.copyOf(chunks);
  }

  /**
   * The stream, after checking what every stream must be: status 200, {@code text/event-stream}, well-formed
   * server-sent events, the last one {@code data: [DONE]}, every other one a JSON object.
   */
  static AzureStream expectWellFramed(AzureClient.Stream stream) {
    assertThat(stream.status()).as("status (body: %s)", abbreviate(stream.errorBody())).isEqualTo(200);
    assertThat(stream.header("Content-Type")).as("Content-Type")
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
    assertThat(stream.violations()).as("server-sent events framing").isEmpty();
    assertThat(stream.events()).as("events").isNotEmpty();
    assertThat(stream.events().get(stream.events().size() - 1).isDone()).as("last event is data: [DONE]").isTrue();
    List<Chunk> chunks = new ArrayList<>();
    List<SseEvent> events = stream.events().subList(0, stream.events().size() - 1);
    for (int i = 0; i < events.size(); i++) {
      JsonNode json;
      try {
        json = JSON.readTree(events.get(i).data());
      } catch (IOException e) {
        throw new AssertionFailedError("event " + i + " is not JSON: " + abbreviate(events.get(i).data()));
      }
      if (json == null || !json.isObject()) {
        throw new AssertionFailedError("event " + i + " is not a JSON object: " + abbreviate(events.get(i).data()));
      }
      chunks.add(new Chunk(i, json, kind(json)));
    }
    return new AzureStream(chunks);
  }

  static Kind kind(JsonNode chunk) {
    JsonNode choices = chunk.path("choices");
    if (!choices.isArray() || choices.isEmpty()) {
      if (PROMPT_KEYS.stream().anyMatch(key -> chunk.path(key).isArray())) {
        return Kind.PROMPT_ANNOTATIONS;
      }
      return chunk.path("usage").isObject() ? Kind.USAGE : Kind.OTHER;
    }
    boolean anyDelta = false;
    boolean annotated = true;
    for (JsonNode choice : choices) {
      anyDelta |= choice.path("delta").isObject();
      annotated &= choice.has("content_filter_results") || choice.has("content_filter_offsets");
    }
    return !anyDelta && annotated ? Kind.ANNOTATION : Kind.CONTENT;
  }

  List<Chunk> chunks() {
    return chunks;
  }

  List<Chunk> of(Kind kind) {
    return chunks.stream().filter(chunk -> chunk.kind() == kind).toList();
  }

  /** Whether annotation-only chunks with choices came: the asynchronous filter mode. */
  boolean asynchronousFilter() {
    return !of(Kind.ANNOTATION).isEmpty();
  }

  /** The first chunk with the prompt's annotations, if it came before the first content chunk. */
  Optional<Chunk> promptAnnotationsBeforeContent() {
    for (Chunk chunk : chunks) {
      if (chunk.kind() == Kind.PROMPT_ANNOTATIONS) {
        return Optional.of(chunk);
      }
      if (chunk.kind() == Kind.CONTENT) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** The key a chunk carries the prompt's annotations under. */
  static String promptKey(Chunk chunk) {
    return PROMPT_KEYS.stream().filter(key -> chunk.json().path(key).isArray()).findFirst().orElse("none");
  }

  /** The {@code delta.content} of choice {@code index}, joined over the content chunks. */
  String text(int index) {
    var text = new StringBuilder();
    for (Chunk chunk : of(Kind.CONTENT)) {
      for (JsonNode choice : chunk.choices()) {
        if (choice.path("index").asInt(0) == index) {
          text.append(choice.path("delta").path("content").asText(""));
        }
      }
    }
    return text.toString();
  }

  /**
   * The finish of choice {@code index}: exactly one non-null {@code finish_reason}, on the choice's last content
   * chunk, or ({@code content_filter} only, the asynchronous filter's blocked answer) on an annotation chunk after
   * its last content chunk; annotation chunks after the finish carry none. Fails the clause otherwise.
   */
  String expectOneFinish(int index) {
    List<Chunk> finishes = new ArrayList<>();
    int lastContent = -1;
    for (Chunk chunk : chunks) {
      for (JsonNode choice : chunk.choices()) {
        if (choice.path("index").asInt(0) != index) {
          continue;
        }
        if (chunk.kind() == Kind.CONTENT) {
          lastContent = chunk.position();
        }
        if (choice.path("finish_reason").isTextual()) {
          finishes.add(chunk);
        }
      }
    }
    if (finishes.size() != 1) {
      throw new AssertionFailedError("choice " + index + " must have exactly one finish_reason in the stream, but "
          + finishes.size() + " chunks carry one" + positions(finishes));
    }
    Chunk finish = finishes.get(0);
    String reason = reason(finish, index);
    if (finish.position() < lastContent) {
      throw new AssertionFailedError("the finish_reason of choice " + index + " (event " + finish.position()
          + ") must be on its last content chunk, but content follows in event " + lastContent);
    }
    if (finish.kind() == Kind.ANNOTATION && !reason.equals("content_filter")) {
      throw new AssertionFailedError("an annotation chunk (no delta; event " + finish.position() + ") may end a "
          + "choice only with finish_reason content_filter (asynchronous filter, blocked answer), not " + reason);
    }
    return reason;
  }

  /** The fragments of {@code delta.tool_calls} of choice {@code index}, by call index, in stream order. */
  Map<Integer, List<JsonNode>> toolCallFragments(int index) {
    Map<Integer, List<JsonNode>> calls = new TreeMap<>();
    for (Chunk chunk : of(Kind.CONTENT)) {
      for (JsonNode choice : chunk.choices()) {
        if (choice.path("index").asInt(0) != index) {
          continue;
        }
        for (JsonNode fragment : choice.path("delta").path("tool_calls")) {
          if (!fragment.path("index").isInt()) {
            throw new AssertionFailedError("a delta.tool_calls entry has no integer index (event " + chunk.position()
                + "): " + abbreviate(fragment.toString()));
          }
          calls.computeIfAbsent(fragment.path("index").asInt(), i -> new ArrayList<>()).add(fragment);
        }
      }
    }
    return calls;
  }

  private static String reason(Chunk chunk, int index) {
    for (JsonNode choice : chunk.choices()) {
      if (choice.path("index").asInt(0) == index && choice.path("finish_reason").isTextual()) {
        return choice.path("finish_reason").asText();
      }
    }
    return "";
  }

  private static String positions(List<Chunk> chunks) {
    return chunks.isEmpty() ? "" : " (events " + chunks.stream().map(c -> c.position() + ":" + c.kind().name()
        .toLowerCase(java.util.Locale.ROOT)).toList() + ")";
  }
}
