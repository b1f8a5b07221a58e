package dev.llmtck.tck.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmtck.tck.bedrock.BedrockClient.Frame;
import dev.llmtck.tck.clause.Clause;
import dev.llmtck.tck.clause.Level;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.opentest4j.AssertionFailedError;

/**
 * ConverseStream, {@code POST /model/{modelId}/converse-stream}: AWS event-stream framing and the order of the
 * {@code ConverseStreamOutput} events.
 */
@BedrockContract
public class BedrockStreamClauses {
  static final String EVENT_STREAM = "application/vnd.amazon.eventstream";

  @Clause(id = "BDR-STREAM-1", level = Level.MUST,
      statement = "ConverseStream answers application/vnd.amazon.eventstream whose frames all decode (lengths, "
          + "CRC32s) and carry :message-type event, :event-type and :content-type application/json",
      source = "AWS event stream encoding (prelude, headers, payload, message CRC); restJson1 event streams")
  void framesAreAwsEventStream(BedrockTarget target, BedrockClient client) {
    var stream = client.stream(target.modelId(), "converse-stream", ConverseBodies.user("Count to five.", 64));

    AwsErrorReply.assertOk(stream, "a ConverseStream call");
    String contentType = stream.header("Content-Type").orElse("(none)");
    assertThat(contentType)
        .withFailMessage("ConverseStream should answer Content-Type %s; it answered %s", EVENT_STREAM, contentType)
        .startsWith(EVENT_STREAM);
    assertThat(stream.framingError())
        .withFailMessage("every frame of the event stream should decode (prelude and message CRC32s, lengths); after "
            + "%s good frames: %s", stream.frames().size(), stream.framingError())
        .isNull();
    assertThat(stream.frames()).withFailMessage("ConverseStream answered 200 but sent no event-stream frame")
        .isNotEmpty();
    for (Frame frame : stream.frames()) {
      assertThat("event".equals(frame.header(":message-type")) && frame.header(":event-type") != null
          && !frame.header(":event-type").isBlank() && "application/json".equals(frame.header(":content-type")))
          .withFailMessage("every frame should carry :message-type event, an :event-type and :content-type "
              + "application/json; this one has %s", frame.headers())
          .isTrue();
    }
  }

  @Clause(id = "BDR-STREAM-2", level = Level.MUST,
      statement = "events come in order: messageStart (role assistant), contentBlockDelta..., contentBlockStop, "
          + "messageStop (stopReason), metadata last",
      source = "Bedrock runtime service model: ConverseStreamOutput members; Bedrock User Guide, ConverseStream")
  void eventsComeInOrder(BedrockTarget target, BedrockClient client) {
    var stream = client.stream(target.modelId(), "converse-stream", ConverseBodies.user("Count to five.", 64));

    AwsErrorReply.assertOk(stream, "a ConverseStream call");
    List<String> types = stream.frames().stream().map(f -> f.header(":event-type")).toList();
    String expected = "expected messageStart, contentBlockDelta..., contentBlockStop, messageStop, metadata";
    if (types.isEmpty()) {
      throw new AssertionFailedError(expected + "; the stream carried no event");
    }
    assertThat(types.get(0)).withFailMessage("%s; the first event is %s (events: %s)", expected, types.get(0), types)
        .isEqualTo("messageStart");
    assertThat(stream.frames().get(0).json().path("role").asText())
        .withFailMessage("messageStart should carry role \"assistant\"; it is %s", stream.frames().get(0).payload())
        .isEqualTo("assistant");
    assertThat(types.get(types.size() - 1))
        .withFailMessage("%s; the last event is %s, not metadata (events: %s)", expected, types.get(types.size() - 1),
            types)
        .isEqualTo("metadata");
    int stop = types.indexOf("messageStop");
    if (stop < 0) {
      throw new AssertionFailedError(expected + "; the stream has no messageStop event (events: " + types + ")");
    }
    assertThat(stop).withFailMessage("%s; messageStop should come just before metadata, but the events are %s",
        expected, types).isEqualTo(types.size() - 2);
    assertThat(stream.frames().get(stop).json().path("stopReason").isTextual())
        .withFailMessage("messageStop should carry a stopReason string; it is %s", stream.frames().get(stop).payload())
        .isTrue();
    List<String> between = types.subList(1, stop);
    assertThat(between.contains("contentBlockDelta") && between.contains("contentBlockStop")
        && between.stream().allMatch(t -> t.startsWith("contentBlock")))
        .withFailMessage("%s; between messageStart and messageStop there should be contentBlock events only, "
            + "contentBlockDelta and contentBlockStop among them; there are %s", expected, between)
        .isTrue();
    assertThat(types.lastIndexOf("contentBlockDelta"))
        .withFailMessage("%s; a contentBlockDelta comes after the last contentBlockStop (events: %s)", expected, types)
        .isLessThan(types.lastIndexOf("contentBlockStop"));
  }

  @Clause(id = "BDR-STREAM-3", level = Level.MUST,
      statement = "the metadata event carries usage (totalTokens = inputTokens + outputTokens) and metrics.latencyMs",
      source = "Bedrock runtime service model: ConverseStreamMetadataEvent (required usage, metrics)")
  void metadataCarriesUsageAndMetrics(BedrockTarget target, BedrockClient client) {
    var stream = client.stream(target.modelId(), "converse-stream", ConverseBodies.user("Count to five.", 64));

    AwsErrorReply.assertOk(stream, "a ConverseStream call");
    Frame metadata = stream.frames().stream().filter(f -> "metadata".equals(f.header(":event-type"))).findFirst()
        .orElseThrow(() -> new AssertionFailedError("expected a metadata event with usage and metrics; none among the "
            + stream.frames().size() + " frames (events: " + stream.frames().stream().map(f -> f.header(
                ":event-type")).toList() + ")"));
    BedrockConverseClauses.assertUsage(metadata.json().path("usage"), "the metadata event");
    BedrockConverseClauses.assertLatency(metadata.json().path("metrics"), "the metadata event");
  }

  @Clause(id = "BDR-STREAM-4", level = Level.MUST,
      statement = "an error in the middle of a stream arrives as a frame with :message-type exception, "
          + ":exception-type naming the error and a JSON message, and ends the stream (checked on llmtck mocks)",
      source = "AWS event stream encoding (exception messages); Bedrock runtime service model: ConverseStreamOutput "
          + "error members (modelStreamErrorException, throttlingException, ...)")
  void midStreamErrorIsAnExceptionFrame(BedrockTarget target, BedrockClient client) {
    Assumptions.assumeTrue(target.faultControl(), "a mid-stream error cannot be provoked on real Bedrock; this "
        + "clause runs against llmtck's Bedrock mock (" + BedrockSettings.FAULT_CONTROL.key() + "=true)");
    client.switchFault("ConverseStream=stream-exception:modelStreamErrorException:2x1");
    try {
      var stream = client.stream(target.modelId(), "converse-stream", ConverseBodies.user("Count to five.", 64));

      AwsErrorReply.assertOk(stream, "a ConverseStream call that fails after two events (the stream had started)");
      assertThat(stream.framingError())
          .withFailMessage("every frame should decode; after %s good frames: %s", stream.frames().size(),
              stream.framingError())
          .isNull();
      if (stream.frames().isEmpty()) {
        throw new AssertionFailedError("expected two events, then an exception frame; the stream carried no frame");
      }
      Frame last = stream.frames().get(stream.frames().size() - 1);
      assertThat("exception".equals(last.header(":message-type"))
          && "modelStreamErrorException".equals(last.header(":exception-type")))
          .withFailMessage("the stream should end with a frame of :message-type exception and :exception-type "
              + "modelStreamErrorException; its last frame is %s", last)
          .isTrue();
      assertThat(last.json().path("message").isTextual())
          .withFailMessage("the exception frame's payload should be JSON with a string message; it is %s",
              last.payload())
          .isTrue();
      for (Frame frame : stream.frames().subList(0, stream.frames().size() - 1)) {
        assertThat(frame.header(":message-type"))
            .withFailMessage("every frame before the error should be an event; this one is %s", frame)
            .isEqualTo("event");
      }
    } finally {
      client.switchFault(null);
    }
  }

  @Clause(id = "BDR-STREAM-5", level = Level.MUST,
      statement = "the text ConverseStream streams (its contentBlockDelta texts, joined) equals Converse's answer to "
          + "the same request at temperature 0",
      source = "Bedrock runtime service model: ConverseStream streams the ConverseResponse's content as "
          + "ContentBlockDelta text (the same operation, streamed); Bedrock User Guide, ConverseStream. A model "
          + "that answers the same greedy request differently twice is reported as not comparable (skipped), "
          + "never failed")
  void streamedTextEqualsTheWholeAnswer(BedrockTarget target, BedrockClient client) {
    String body = ConverseBodies.user("List the first ten prime numbers, separated by commas.", 48);

    String whole = text(client.post(target.modelId(), "converse", body));
    String streamed = streamedText(client.stream(target.modelId(), "converse-stream", body));
    if (streamed.equals(whole)) {
      return;
    }
    // A model may not be deterministic at temperature 0: ask again before blaming the stream.
    String again = text(client.post(target.modelId(), "converse", body));
    if (again.equals(streamed)) {
      return;
    }
    Assumptions.assumeTrue(again.equals(whole), "the model answered the same temperature-0 request differently "
        + "twice (\"" + AwsErrorReply.abbreviate(whole) + "\", then \"" + AwsErrorReply.abbreviate(again)
        + "\"), so its stream cannot be compared with a whole answer");
    throw new AssertionFailedError("the same temperature-0 request should give the same text streamed and whole; "
        + "ConverseStream's deltas say\n  \"" + AwsErrorReply.abbreviate(streamed)
        + "\"\nbut Converse says (twice)\n  \""
        + AwsErrorReply.abbreviate(whole) + "\"");
  }

  /** The text blocks of a Converse answer, joined. */
  private static String text(BedrockClient.Reply reply) {
    AwsErrorReply.assertOk(reply, "a Converse call at temperature 0");
    StringBuilder text = new StringBuilder();
    for (JsonNode block : reply.json().path("output").path("message").path("content")) {
      text.append(block.path("text").asText(""));
    }
    return text.toString();
  }

  /** The text of a ConverseStream answer: its contentBlockDelta texts, in order, joined. */
  private static String streamedText(BedrockClient.EventStream stream) {
    AwsErrorReply.assertOk(stream, "a ConverseStream call at temperature 0");
    assertThat(stream.framingError())
        .withFailMessage("every frame should decode; after %s good frames: %s", stream.frames().size(),
            stream.framingError())
        .isNull();
    StringBuilder text = new StringBuilder();
    for (Frame frame : stream.frames()) {
      if ("contentBlockDelta".equals(frame.header(":event-type"))) {
        text.append(frame.json().path("delta").path("text").asText(""));
      }
    }
    return text.toString();
  }
}
