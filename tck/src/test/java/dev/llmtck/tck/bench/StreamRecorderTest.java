package dev.llmtck.tck.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StreamRecorderTest {
  private static final String ROLE = "data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}\n\n";
  private static final String USAGE = "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":3}}\n\n";
  private static final String DONE = "data: [DONE]\n\n";

  private static String token(String text) {
    return "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + text + "\"}}]}\n\n";
  }

  private static void feed(StreamRecorder recorder, String text, long at) {
    recorder.onBytes(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), at);
  }

  @Test
  void ttftEndsAtTheFirstChoiceChunkAndItlsAreTheGapsBetweenChunks() {
    var recorder = new StreamRecorder(1_000);
    feed(recorder, ROLE, 51_000); // role-only chunk: vLLM counts it as the first token
    feed(recorder, token("a"), 61_000);
    feed(recorder, token(" b"), 81_000);
    feed(recorder, token(" c"), 86_000);
    feed(recorder, USAGE + DONE, 99_000);
    recorder.onEnd(99_500);

    RequestRecord record = recorder.finish(5);

    assertThat(record.success()).isTrue();
    assertThat(record.ttftNanos()).isEqualTo(50_000);
    assertThat(record.itlNanos()).containsExactly(10_000, 20_000, 5_000);
    // the latency ends at the last token chunk, not at the usage event or the end of the body
    assertThat(record.latencyNanos()).isEqualTo(85_000);
    assertThat(record.outputTokens()).isEqualTo(3);
    assertThat(record.promptTokens()).isEqualTo(9);
    // TPOT = (latency - ttft) / (tokens - 1) = (85000 - 50000) / 2
    assertThat(record.tpotNanos()).isEqualTo(17_500);
  }

  @Test
  void eventsSplitAcrossReadsAreJoinedAndTimedWhenTheyComplete() {
    var recorder = new StreamRecorder(0);
    String two = token("x") + token("y");
    feed(recorder, two.substring(0, 20), 10);
    feed(recorder, two.substring(20, two.length() - 5), 20);
    feed(recorder, two.substring(two.length() - 5), 35);
    recorder.onEnd(40);

    RequestRecord record = recorder.finish(1);

    assertThat(record.ttftNanos()).isEqualTo(20);
    assertThat(record.itlNanos()).containsExactly(15);
    assertThat(record.outputTokens()).isEqualTo(2); // no usage: content chunks are counted
  }

  @Test
  void crlfLineEndsAndCommentsAreAccepted() {
    var recorder = new StreamRecorder(0);
    feed(recorder, ": ping\r\n\r\n" + token("x").replace("\n", "\r\n"), 7);
    recorder.onEnd(8);

    assertThat(recorder.finish(1).ttftNanos()).isEqualTo(7);
  }

  @Test
  void multiLineDataIsJoinedWithALineFeed() {
    var recorder = new StreamRecorder(0);
    feed(recorder, "data: {\"choices\":[{\"index\":0,\n" + "data: \"delta\":{\"content\":\"x\"}}]}\n\n", 9);
    recorder.onEnd(10);

    RequestRecord record = recorder.finish(1);
    assertThat(record.success()).isTrue();
    assertThat(record.ttftNanos()).isEqualTo(9);
    assertThat(record.outputTokens()).isEqualTo(1);
  }

  @Test
  void aLongStreamInSmallPiecesLosesNoEvent() {
    var recorder = new StreamRecorder(0);
    StringBuilder body = new StringBuilder(ROLE);
    for (int i = 0; i < 500; i++) {
      body.append(token("w" + i));
    }
    String text = body.append(DONE).toString();
    for (int i = 0; i < text.length(); i += 7) {
      feed(recorder, text.substring(i, Math.min(text.length(), i + 7)), i);
    }
    recorder.onEnd(text.length());

    RequestRecord record = recorder.finish(1);
    assertThat(record.itlNanos()).hasSize(500);
    assertThat(record.outputTokens()).isEqualTo(500);
  }

  @Test
  void textCompletionChunksCountTheirText() {
    var recorder = new StreamRecorder(0);
    feed(recorder, "data: {\"choices\":[{\"index\":0,\"text\":\"def\"}]}\n\n", 4);
    feed(recorder, "data: {\"choices\":[{\"index\":0,\"text\":\" f\"}]}\n\n", 6);
    recorder.onEnd(7);

    RequestRecord record = recorder.finish(1);
    assertThat(record.ttftNanos()).isEqualTo(4);
    assertThat(record.itlNanos()).containsExactly(2);
    assertThat(record.outputTokens()).isEqualTo(2);
  }

  @Test
  void aStreamWithoutATokenChunkFails() {
    var recorder = new StreamRecorder(0);
    feed(recorder, USAGE + DONE, 5);
    recorder.onEnd(6);

    RequestRecord record = recorder.finish(1);

    assertThat(record.success()).isFalse();
    assertThat(record.error()).contains("TTFT");
  }

  @Test
  void anErrorEventFailsTheRequest() {
    var recorder = new StreamRecorder(0);
    feed(recorder, token("x") + "data: {\"error\":{\"message\":\"boom\"}}\n\n", 5);
    recorder.onEnd(6);

    assertThat(recorder.finish(1).success()).isFalse();
  }

  @Test
  void aSingleTokenAnswerHasNoTpot() {
    var recorder = new StreamRecorder(0);
    feed(recorder, token("x"), 5);
    recorder.onEnd(6);

    assertThat(recorder.finish(1).tpotNanos()).isEqualTo(-1);
  }
}
