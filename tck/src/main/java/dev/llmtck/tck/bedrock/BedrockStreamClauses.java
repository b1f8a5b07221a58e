package dev.llmtck.tck.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmtck.tck.bedrock.BedrockClient.Frame;
import dev.llmtck.tck.clause.Clause;
import dev.llmtck.tck.clause.Level;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

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

    assertThat(stream.status()).as("status (body: %s)", AwsErrorReply.abbreviate(stream.errorBody())).isEqualTo(200);
    assertThat(stream.header("Content-Type")).as("Content-Type").hasValueSatisfying(v -> assertThat(v)
        .startsWith(EVENT_STREAM));
    assertThat(stream.framingError()).as("framing error").isNull();
    assertThat(stream.frames()).as("frames").isNotEmpty().allSatisfy(frame -> {
      assertThat(frame.header(":message-type")).as(":message-type of %s", frame).isEqualTo("event");
      assertThat(frame.header(":event-type")).as(":event-type of %s", frame).isNotBlank();
      assertThat(frame.header(":content-type")).as(":content-type of %s", frame).isEqualTo("application/json");
    });
  }

  @Clause(id = "BDR-STREAM-2", level = Level.MUST,
      statement = "events come in order: messageStart (role assistant), contentBlockDelta..., contentBlockStop, "
          + "messageStop (stopReason), metadata last",
      source = "Bedrock runtime service model: ConverseStreamOutput members; Bedrock User Guide, ConverseStream")
  void eventsComeInOrder(BedrockTarget target, BedrockClient client) {
    var stream = client.stream(target.modelId(), "converse-stream", ConverseBodies.user("Count to five.", 64));

    assertThat(stream.status()).as("status").isEqualTo(200);
    List<String> types = stream.frames().stream().map(f -> f.header(":event-type")).toList();
    assertThat(types).as("event types").isNotEmpty();
    assertThat(types.get(0)).as("first event").isEqualTo("messageStart");
    assertThat(stream.frames().get(0).json().path("role").asText()).as("messageStart.role").isEqualTo("assistant");
    assertThat(types.get(types.size() - 1)).as("last event").isEqualTo("metadata");
    int stop = types.indexOf("messageStop");
    assertThat(stop).as("messageStop, just before metadata").isEqualTo(types.size() - 2);
    assertThat(stream.frames().get(stop).json().path("stopReason").isTextual()).as("messageStop.stopReason").isTrue();
    assertThat(types.subList(1, stop)).as("events between messageStart and messageStop")
        .contains("contentBlockDelta", "contentBlockStop")
        .allMatch(t -> t.startsWith("contentBlock"));
    assertThat(types.lastIndexOf("contentBlockDelta")).as("every delta before the last contentBlockStop")
        .isLessThan(types.lastIndexOf("contentBlockStop"));
  }

  @Clause(id = "BDR-STREAM-3", level = Level.MUST,
      statement = "the metadata event carries usage (totalTokens = inputTokens + outputTokens) and metrics.latencyMs",
      source = "Bedrock runtime service model: ConverseStreamMetadataEvent (required usage, metrics)")
  void metadataCarriesUsageAndMetrics(BedrockTarget target, BedrockClient client) {
    var stream = client.stream(target.modelId(), "converse-stream", ConverseBodies.user("Count to five.", 64));

    assertThat(stream.status()).as("status").isEqualTo(200);
    Frame metadata = stream.frames().stream().filter(f -> "metadata".equals(f.header(":event-type"))).findFirst()
        .orElseThrow(() -> new AssertionError("no metadata event in " + stream.frames().size() + " frames"));
    BedrockConverseClauses.assertUsage(metadata.json().path("usage"));
    assertThat(metadata.json().path("metrics").path("latencyMs").isIntegralNumber()).as("metrics.latencyMs").isTrue();
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

      assertThat(stream.status()).as("status: the stream had started").isEqualTo(200);
      assertThat(stream.framingError()).as("framing error").isNull();
      assertThat(stream.frames()).as("frames").isNotEmpty();
      Frame last = stream.frames().get(stream.frames().size() - 1);
      assertThat(last.header(":message-type")).as(":message-type of the last frame %s", last).isEqualTo("exception");
      assertThat(last.header(":exception-type")).as(":exception-type of %s", last)
          .isEqualTo("modelStreamErrorException");
      assertThat(last.json().path("message").isTextual()).as("JSON message of %s", last).isTrue();
      assertThat(stream.frames().subList(0, stream.frames().size() - 1))
          .allSatisfy(f -> assertThat(f.header(":message-type")).as("frames before the error").isEqualTo("event"));
    } finally {
      client.switchFault(null);
    }
  }
}
