package dev.llmtck.tck.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmtck.tck.clause.Clause;
import dev.llmtck.tck.clause.Level;
import dev.llmtck.tck.sse.SseEvent;
import dev.llmtck.tck.sse.SseViolation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.opentest4j.AssertionFailedError;

/** {@code stream: true} on chat completions: server-sent events as OpenAI clients and LiteLLM read them. */
@OpenAiContract
public class ChatStreamClauses {
  /** How many streams {@code OAI-STREAM-5} reads at most before it calls a body buffered. */
  private static final int BURST_TRIES = 5;

  @Clause(id = "OAI-STREAM-1", level = Level.MUST,
      statement = "a stream answers 200 text/event-stream with data: <json> events framed by blank lines and "
          + "ends with data: [DONE]",
      source = "OpenAI API reference, chat streaming; WHATWG server-sent events; vLLM chat_completion_stream_generator")
  void streamIsWellFramed(OpenAiTarget target, OpenAiClient client) {
    EventStreamResponse stream = client.stream("/chat/completions",
        RequestBody.chat(target).user("Count from one to five.").with("max_tokens", 16).streamed().json());
    expectWellFramedStream(stream);
  }

  @Clause(id = "OAI-STREAM-2", level = Level.MUST,
      statement = "chat chunks are chat.completion.chunk with one id and one model (the requested one or, for one "
          + "of several served names of a model, its first one), role assistant first, and one final chunk per "
          + "choice with finish_reason",
      source = "OpenAI API reference, The chat completion chunk object; vLLM ChatCompletionStreamResponse, model "
          + "from OpenAIServingModels.model_name (first --served-model-name; vLLM 0.8 to 0.10 echo the requested "
          + "one, PRs #13568 and #24663)")
  void chunksFormOneCompletion(OpenAiTarget target, OpenAiClient client) {
    EventStreamResponse stream = client.stream("/chat/completions",
        RequestBody.chat(target).user("Name a river.").with("max_tokens", 16).streamed().json());
    List<JsonNode> chunks = StreamChunks.of(expectWellFramedStream(stream)).all();
    assertThat(chunks).as("chunks before [DONE]").isNotEmpty();
    for (int i = 0; i < chunks.size(); i++) {
      OpenAiSchema.CHAT_COMPLETION_CHUNK.check(chunks.get(i), "chunk " + (i + 1));
    }
    String id = chunks.get(0).path("id").asText();
    String model = chunks.get(0).path("model").asText();
    for (JsonNode chunk : chunks) {
      assertThat(chunk.path("id").asText()).withFailMessage("the stream changes id from %s to %s", id,
          chunk.path("id").asText()).isEqualTo(id);
      assertThat(chunk.path("model").asText()).withFailMessage("the stream changes model from %s to %s", model,
          chunk.path("model").asText()).isEqualTo(model);
    }
    AnsweredModel.expect(model, target, client, "the model of the chunks");
    JsonNode firstDelta = chunks.get(0).path("choices").path(0).path("delta");
    assertThat(firstDelta.path("role").asText(null))
        .withFailMessage("the first chunk's delta does not carry role \"assistant\": %s", chunks.get(0))
        .isEqualTo("assistant");
    expectOneFinalChunkPerChoice(chunks);
  }

  @Clause(id = "OAI-STREAM-3", level = Level.MUST,
      statement = "the streamed deltas add up to the text of the same greedy request not streamed",
      source = "OpenAI API reference, streaming deltas; vLLM streams the same generation it returns whole")
  void deltasAddUpToTheWholeAnswer(OpenAiTarget target, OpenAiClient client) {
    RequestBody request = RequestBody.chat(target).greedy().user("Explain what a compiler does.")
        .with("max_tokens", 24);
    String whole = ChatClauses.content(ChatClauses.ask(client, request));
    String streamed = StreamChunks.of(expectWellFramedStream(client.stream("/chat/completions",
        request.streamed().json()))).chatContent();
    assertThat(streamed).withFailMessage("the streamed deltas say%n  \"%s\"%nbut the same request not streamed says"
        + "%n  \"%s\"", streamed, whole).isEqualTo(whole);
  }

  @Clause(id = "OAI-STREAM-4", level = Level.SHOULD,
      statement = "with stream_options.include_usage a last chunk before [DONE] has empty choices and usage",
      source = "OpenAI API reference, stream_options.include_usage; vLLM StreamOptions")
  void usageChunkEndsTheStream(OpenAiTarget target, OpenAiClient client) {
    JsonNode options = RequestBody.object().put("include_usage", true);
    List<JsonNode> chunks = StreamChunks.of(expectWellFramedStream(client.stream("/chat/completions",
        RequestBody.chat(target).user("Say yes.").with("max_tokens", 8).with("stream_options", options)
            .streamed().json()))).all();
    assertThat(chunks).as("chunks before [DONE]").isNotEmpty();
    JsonNode last = chunks.get(chunks.size() - 1);
    assertThat(last.path("choices").isArray() && last.path("choices").isEmpty())
        .withFailMessage("with include_usage the last chunk before [DONE] should have \"choices\": [] but is %s",
            last)
        .isTrue();
    OpenAiSchema.USAGE.check(last.path("usage"), "the usage of the last chunk");
    JsonNode usage = last.path("usage");
    assertThat(usage.path("total_tokens").asInt())
        .withFailMessage("usage.total_tokens is not prompt_tokens + completion_tokens: %s", usage)
        .isEqualTo(usage.path("prompt_tokens").asInt() + usage.path("completion_tokens").asInt());
  }

  @Clause(id = "OAI-STREAM-5", level = Level.SHOULD,
      statement = "events arrive as tokens are generated, not in one burst at the end",
      source = "OpenAI API reference, streaming (partial message deltas as generated); vLLM sends one chunk per "
          + "engine step")
  void eventsArriveWhileGenerating(OpenAiTarget target, OpenAiClient client) {
    // Arrival is timed by this client, which can itself go without CPU (a loaded machine, a GC pause) for as long
    // as a short answer takes: the streamed events then wait in the socket and are read in one go. A buffered
    // body arrives in one burst every time, a streamed one only when the client stalled, so only a burst on every
    // try is a failure. Tries stop once they took one request timeout, so the clause stays within its bound.
    JsonNode request = RequestBody.chat(target).user("Write a paragraph about autumn.").with("max_tokens", 32)
        .streamed().json();
    long retryUntil = System.nanoTime() + target.timeout().toNanos();
    int tries = 1;
    String burst = burstIn(expectWellFramedStream(client.stream("/chat/completions", request)));
    while (burst != null && tries < BURST_TRIES && System.nanoTime() - retryUntil < 0) {
      tries++;
      burst = burstIn(expectWellFramedStream(client.stream("/chat/completions", request)));
    }
    if (burst != null) {
      throw new AssertionFailedError("in " + tries + (tries == 1 ? " stream " : " streams ") + burst
          + ": the body looks buffered, not streamed");
    }
  }

  /** Why the stream's events look like one burst (for the last stream read), or {@code null} if they do not. */
  private static String burstIn(EventStreamResponse stream) {
    List<SseEvent> events = stream.dataEvents();
    assertThat(events.size()).withFailMessage("only %d data events: too few to judge streaming", events.size())
        .isGreaterThanOrEqualTo(3);
    long first = stream.millisUntil(events.get(0));
    long last = stream.millisUntil(events.get(events.size() - 1));
    long spread = last - first;
    if (spread >= 10 && spread * 5 >= last) {
      return null;
    }
    return String.format("the %d events arrived in one burst (the last stream: first after %d ms, last after %d ms, "
        + "spread %d ms, want at least 10 ms and a fifth of the total)", events.size(), first, last, spread);
  }

  /** Status, content type, framing, [DONE] last and nothing after it; used by every stream clause. */
  static EventStreamResponse expectWellFramedStream(EventStreamResponse stream) {
    if (stream.status() != 200) {
      throw new AssertionFailedError("expected HTTP 200 for a stream but got " + stream.describe());
    }
    assertThat(stream.contentType())
        .withFailMessage("a stream must be Content-Type text/event-stream, not \"%s\"", stream.contentType())
        .startsWith("text/event-stream");
    if (stream.readFailure() != null) {
      throw new AssertionFailedError("the stream broke off: " + stream.readFailure() + "; received so far: "
          + Bodies.abbreviate(stream.body()));
    }
    List<SseViolation> violations = stream.violations();
    if (!violations.isEmpty()) {
      String shown = violations.stream().limit(5).map(Object::toString).collect(Collectors.joining("\n  "));
      throw new AssertionFailedError("the stream breaks server-sent-event framing:\n  " + shown
          + (violations.size() > 5 ? "\n  ... and " + (violations.size() - 5) + " more" : "")
          + "\nbody: " + Bodies.abbreviate(stream.body()));
    }
    List<SseEvent> events = stream.events();
    int done = events.stream().map(SseEvent::isDone).toList().indexOf(true);
    if (done < 0) {
      throw new AssertionFailedError("the stream ended without data: [DONE]; last event was "
          + (events.isEmpty() ? "(none)" : Bodies.abbreviate(events.get(events.size() - 1).data())));
    }
    if (done != events.size() - 1) {
      throw new AssertionFailedError("events follow data: [DONE]: " + Bodies.abbreviate(events.get(done + 1).data()));
    }
    for (SseEvent event : events) {
      if (!"message".equals(event.type())) {
        throw new AssertionFailedError("unexpected event type \"" + event.type() + "\" (OpenAI streams send only "
            + "unnamed data events): " + Bodies.abbreviate(event.data()));
      }
    }
    StreamChunks.of(stream);
    return stream;
  }

  /** Each choice index has exactly one chunk with a finish_reason, and no content for it follows. */
  static void expectOneFinalChunkPerChoice(List<JsonNode> chunks) {
    Map<Integer, Integer> finishedAt = new HashMap<>();
    for (int i = 0; i < chunks.size(); i++) {
      for (JsonNode choice : chunks.get(i).path("choices")) {
        int index = choice.path("index").asInt();
        Integer finished = finishedAt.get(index);
        if (finished != null) {
          throw new AssertionFailedError("choice " + index + " continues in chunk " + (i + 1)
              + " after its finish_reason in chunk " + (finished + 1) + ": " + chunks.get(i));
        }
        JsonNode reason = choice.path("finish_reason");
        if (!reason.isMissingNode() && !reason.isNull()) {
          finishedAt.put(index, i);
        }
      }
    }
    if (finishedAt.isEmpty()) {
      throw new AssertionFailedError("no chunk carries a finish_reason");
    }
  }
}
