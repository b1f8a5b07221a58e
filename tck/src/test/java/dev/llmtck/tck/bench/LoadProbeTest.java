package dev.llmtck.tck.bench;

import dev.llmtck.fixtures.canned.CannedChat;
import dev.llmtck.fixtures.canned.ZeroLatencyServer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URI;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LoadProbeTest {

  private static LoadSettings settings(URI base, boolean stream, double rate) {
    return new LoadSettings(base, "m", null, 3, rate, 20, 1, 16, 8, stream, false, Duration.ofSeconds(10),
        false);
  }

  @Test
  void measuresEveryStreamedRequestAgainstACannedServer() throws Exception {
    try (var server = new ZeroLatencyServer(CannedChat.of("m", 8, 16), "m", 1)) {
      var done = new AtomicInteger();
      LoadRun run = new LoadProbe(settings(URI.create(server.uri() + "/v1"), true, Double.POSITIVE_INFINITY),
          done::set).run();

      BenchMetrics m = run.metrics();
      assertThat(m.failed()).isZero();
      assertThat(m.completed()).isEqualTo(20);
      assertThat(done.get()).isEqualTo(20);
      assertThat(m.totalOutputTokens()).isEqualTo(20 * 8);
      assertThat(m.totalInputTokens()).isEqualTo(20 * 16);
      assertThat(m.peakConcurrency()).isBetween(1, 3);
      assertThat(m.ttft().count()).isEqualTo(20);
    }
  }

  @Test
  void measuresNonStreamedRequests() throws Exception {
    try (var server = new ZeroLatencyServer(CannedChat.of("m", 8, 16), "m", 1)) {
      BenchMetrics m = new LoadProbe(settings(URI.create(server.uri() + "/v1"), false, 200), n -> { }).run()
          .metrics();

      assertThat(m.completed()).isEqualTo(20);
      assertThat(m.itl().count()).isZero();
      assertThat(m.ttft().mean()).isCloseTo(m.e2el().mean(), within(1e-9));
    }
  }

  @Test
  void aRefusedRequestIsRecordedAsFailedWithItsStatus() throws Exception {
    try (var refusing = dev.llmtck.fixtures.http.MockHttpServer.builder()
        .route("POST", "/v1/chat/completions", exchange -> {
          throw new dev.llmtck.fixtures.http.HttpError(401, "Unauthorized", "no key");
        }).start()) {
      LoadRun run = new LoadProbe(settings(URI.create(refusing.uri() + "/v1"), true, Double.POSITIVE_INFINITY),
          n -> { }).run();

      assertThat(run.metrics().completed()).isZero();
      assertThat(run.records()).allSatisfy(r -> assertThat(r.error()).isEqualTo("HTTP 401"));
    }
  }

  @Test
  void poissonArrivalsAreScaledSoNRequestsTakeNOverRateSeconds() {
    long[] offsets = LoadProbe.arrivalOffsets(100, 50, new Random(1));

    assertThat(offsets[99]).isCloseTo(2_000_000_000L, org.assertj.core.api.Assertions.within(1_000L));
    for (int i = 1; i < offsets.length; i++) {
      assertThat(offsets[i]).isGreaterThanOrEqualTo(offsets[i - 1]);
    }
  }

  @Test
  void promptsHaveTheAskedLengthAndDifferPerRequest() {
    assertThat(dev.llmtck.fixtures.text.Tokens.count(LoadProbe.prompt(3, 40))).isBetween(38, 42);
    assertThat(LoadProbe.prompt(1, 10)).isNotEqualTo(LoadProbe.prompt(2, 10));
  }

  @Test
  void promptsAreCalibratedToTheTargetsTokenizerOnTheWarmUps() {
    RequestRecord counted = new RequestRecord(0, true, "", 1, new long[0], 2, 4, 336);
    RequestRecord failed = RequestRecord.failed(0, 1, "HTTP 500");

    assertThat(LoadProbe.calibratedWords(java.util.List.of(counted, counted, failed), 128, 128))
        .as("2.6 tokens a word: 128 tokens are 49 words").isEqualTo(49);
    assertThat(LoadProbe.calibratedWords(java.util.List.of(failed), 128, 128)).as("no usage: unchanged")
        .isEqualTo(128);
  }
}
