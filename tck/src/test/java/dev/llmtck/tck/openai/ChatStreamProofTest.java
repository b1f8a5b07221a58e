package dev.llmtck.tck.openai;

import dev.llmtck.tck.clause.Proves;
import dev.llmtck.tck.platform.CommonSettings;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmtck.fixtures.openai.SseEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Streaming clauses fail on a reference platform whose streams are wrong in one way. */
class ChatStreamProofTest {

  private static final String CHAT = "/v1/chat/completions";

  @Test
  @Proves("OAI-STREAM-1")
  void streamWithoutDoneFails() {
    try (BrokenPlatform platform = BrokenPlatform.editingStreams(CHAT,
        stream -> stream.flatMapEvents(event -> event.isDone() ? List.of() : List.of(event)))) {
      platform.run("OAI-STREAM-1").assertFailsWith("the stream ended without data: [DONE]; last event was");
    }
  }

  @Test
  @Proves("OAI-STREAM-1")
  void streamServedAsJsonFails() {
    try (BrokenPlatform platform = BrokenPlatform.editingStreams(CHAT,
        stream -> stream.withContentType("application/json"))) {
      platform.run("OAI-STREAM-1").assertFailsWith("must be Content-Type text/event-stream, not \"application/json\"");
    }
  }

  @Test
  @Proves("OAI-STREAM-1")
  void eventsWithoutDataFieldFail() {
    try (BrokenPlatform platform = BrokenPlatform.editingStreams(CHAT, stream -> stream.flatMapEvents(
        event -> event.isDone() ? List.of(event) : List.of(SseEvent.raw(event.data() + "\n\n"))))) {
      platform.run("OAI-STREAM-1").assertFailsWith("breaks server-sent-event framing", "line 1: unknown field '{\"id\"'",
          "more");
    }
  }

  @Test
  @Proves("OAI-STREAM-1")
  void eventsWithoutBlankLinesFail() {
    try (BrokenPlatform platform = BrokenPlatform.editingStreams(CHAT, stream -> stream.flatMapEvents(
        event -> event.isDone() ? List.of(event) : List.of(SseEvent.raw("data: " + event.data() + "\n"))))) {
      platform.run("OAI-STREAM-1").assertFailsWith("the stream ended without data: [DONE]; last event was {");
    }
  }

  @Test
  @Proves("OAI-STREAM-1")
  void eventsAfterDoneFail() {
    try (BrokenPlatform platform = BrokenPlatform.editingStreams(CHAT, stream -> stream.flatMapEvents(
        event -> event.isDone() ? List.of(event, SseEvent.data("{\"late\":true}")) : List.of(event)))) {
      platform.run("OAI-STREAM-1").assertFailsWith("events follow data: [DONE]", "late");
    }
  }

  @Test
  @Proves("OAI-STREAM-1")
  void streamThatStallsFailsWithinTheTimeout() {
    try (BrokenPlatform platform = BrokenPlatform.editingStreams(CHAT,
        stream -> stream.withPacing(Duration.ofMillis(10), Duration.ofSeconds(30)))) {
      long start = System.nanoTime();
      platform.run("OAI-STREAM-1").with(CommonSettings.TIMEOUT_SECONDS.key(), "1")
          .assertFailsWith("the stream broke off: the stream did not end within 1 s", "received so far: data: {");
      assertThat((System.nanoTime() - start) / 1_000_000).as("ms until the clause failed").isLessThan(5_000);
    }
  }

  @Test
  void legalFramingVariantsPass() {
    try (BrokenPlatform platform = BrokenPlatform.editingStreams(CHAT, stream -> stream.flatMapEvents(event ->
        List.of(SseEvent.raw(": keep-alive\r\n\r\n"),
            SseEvent.raw(event.frame().replace("\n", "\r\n").replace("data: ", "data:")))))) {
      platform.run("OAI-STREAM-1").assertPasses();
      platform.run("OAI-STREAM-2").assertPasses();
    }
  }

  @Test
  @Proves("OAI-STREAM-2")
  void firstDeltaWithoutRoleFails() {
    AtomicInteger seen = new AtomicInteger();
    try (BrokenPlatform platform = BrokenPlatform.editingStreams(CHAT, stream -> stream.mapJsonEvents(chunk -> {
      if (seen.getAndIncrement() == 0) {
        ((ObjectNode) chunk.at("/choices/0/delta")).remove("role");
      }
      return chunk;
    }))) {
      platform.run("OAI-STREAM-2").assertFailsWith("the first chunk's delta does not carry role \"assistant\"");
    }
  }

  @Test
  @Proves("OAI-STREAM-2")
  void chunksFromAnotherModelFail() {
    try (BrokenPlatform platform = BrokenPlatform.editingStreams(CHAT, stream -> stream.mapJsonEvents(
        chunk -> ((ObjectNode) chunk).put("model", "gpt-3.5-turbo")))) {
      platform.run("OAI-STREAM-2").assertFailsWith("the model of the chunks is 'gpt-3.5-turbo', not the requested");
    }
  }

  @Test
  @Proves("OAI-STREAM-2")
  void modelThatChangesMidStreamFails() {
    AtomicInteger seen = new AtomicInteger();
    try (BrokenPlatform platform = BrokenPlatform.editingStreams(CHAT, stream -> stream.mapJsonEvents(
        chunk -> seen.getAndIncrement() == 1 ? ((ObjectNode) chunk).put("model", "sim-other") : chunk))) {
      platform.run("OAI-STREAM-2").assertFailsWith("the stream changes model from", "to sim-other");
    }
  }

  @Test
  void aliasStreamedWithTheFirstServedNamePasses() {
    try (BrokenPlatform platform = BrokenPlatform.with(builder -> builder.servedModelNames("sim", "sim-alias"))) {
      platform.run("OAI-STREAM-2").with(OpenAiSettings.MODEL.key(), "sim-alias").assertPasses();
    }
  }

  @Test
  @Proves("OAI-STREAM-2")
  void idThatChangesMidStreamFails() {
    AtomicInteger seen = new AtomicInteger();
    try (BrokenPlatform platform = BrokenPlatform.editingStreams(CHAT, stream -> stream.mapJsonEvents(
        chunk -> ((ObjectNode) chunk).put("id", "chatcmpl-" + seen.incrementAndGet())))) {
      platform.run("OAI-STREAM-2").assertFailsWith("the stream changes id from chatcmpl-1 to chatcmpl-2");
    }
  }

  @Test
  @Proves("OAI-STREAM-2")
  void aStreamEndingWithEosTokenFails() {
    try (BrokenPlatform platform = BrokenPlatform.editingStreams(CHAT, stream -> stream.mapJsonEvents(chunk -> {
      if (chunk.at("/choices/0/finish_reason").isTextual()) {
        ((ObjectNode) chunk.at("/choices/0")).put("finish_reason", "eos_token");
      }
      return chunk;
    }))) {
      platform.run("OAI-STREAM-2").assertFailsWith("$.choices[0].finish_reason", "enum");
    }
  }

  @Test
  @Proves("OAI-STREAM-2")
  void contentAfterTheFinishReasonFails() {
    try (BrokenPlatform platform = BrokenPlatform.editingStreams(CHAT, stream -> stream.flatMapEvents(event -> {
      JsonNode chunk = event.json();
      if (chunk == null || !chunk.at("/choices/0/finish_reason").isTextual()) {
        return List.of(event);
      }
      ObjectNode extra = chunk.deepCopy();
      ObjectNode choice = (ObjectNode) extra.at("/choices/0");
      choice.putNull("finish_reason");
      choice.putObject("delta").put("content", " more");
      return List.of(event, SseEvent.json(extra));
    }))) {
      platform.run("OAI-STREAM-2").assertFailsWith("choice 0 continues in chunk", "after its finish_reason");
    }
  }

  @Test
  @Proves("OAI-STREAM-3")
  void deltasThatDifferFromTheWholeAnswerFail() {
    try (BrokenPlatform platform = BrokenPlatform.editingStreams(CHAT, stream -> stream.mapJsonEvents(chunk -> {
      JsonNode content = chunk.at("/choices/0/delta/content");
      if (content.isTextual()) {
        ((ObjectNode) chunk.at("/choices/0/delta")).put("content", content.asText().toUpperCase());
      }
      return chunk;
    }))) {
      platform.run("OAI-STREAM-3").assertFailsWith("the streamed deltas say", "but the same request not streamed");
    }
  }

  @Test
  @Proves("OAI-STREAM-4")
  void usageChunkMissingFails() {
    try (BrokenPlatform platform = BrokenPlatform.editingStreams(CHAT, stream -> stream.mapJsonEvents(
        chunk -> chunk.path("choices").isEmpty() ? null : chunk))) {
      platform.run("OAI-STREAM-4").assertFailsWith("should have \"choices\": [] but is");
    }
  }

  @Test
  @Proves("OAI-STREAM-4")
  void usageThatDoesNotAddUpFails() {
    try (BrokenPlatform platform = BrokenPlatform.editingStreams(CHAT, stream -> stream.mapJsonEvents(chunk -> {
      if (chunk.path("usage").isObject()) {
        ((ObjectNode) chunk.get("usage")).put("total_tokens", 0);
      }
      return chunk;
    }))) {
      platform.run("OAI-STREAM-4").assertFailsWith("usage.total_tokens is not prompt_tokens + completion_tokens");
    }
  }

  @Test
  @Proves("OAI-STREAM-5")
  void bufferedStreamFails() {
    try (BrokenPlatform platform = BrokenPlatform.editingStreams(CHAT, stream -> stream.buffered())) {
      platform.run("OAI-STREAM-5").assertFailsWith("arrived in one burst", "looks buffered");
    }
  }
}
