package dev.llmtck.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmtck.fixtures.canned.CannedChat;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoopbackLoadTest {
  private final CannedChat answer = CannedChat.of(BenchRequests.MODEL, 8, 10);

  @Test
  void countsWholeAnswersFromEveryTarget() throws Exception {
    for (SpeedTarget target : List.of(new RawServerTarget(answer, 1), new WireMockTarget(answer),
        new HttpCoreTarget(answer, Duration.ZERO, Duration.ZERO))) {
      try (target) {
        // No warm-up: the first request opens the window, so its answer counts however slow a cold server is.
        var chat = LoopbackLoad.throughput(target.address(), BenchRequests.chat(false, 8), 2, 0, 500, 0);
        var stream = LoopbackLoad.throughput(target.address(), BenchRequests.chat(true, 8), 2, 0, 500,
            answer.events().size());

        assertThat(chat.responses()).as(target.name()).isPositive();
        assertThat(chat.badResponses()).as(target.name()).isZero();
        assertThat(stream.responses()).as(target.name()).isPositive();
        assertThat(stream.badResponses()).as(target.name()).isZero();
        assertThat(stream.events()).isEqualTo(stream.responses() * answer.events().size());
      }
    }
  }

  @Test
  void timesTheContentEventsOfConcurrentStreams() throws Exception {
    try (var target = new HttpCoreTarget(answer, Duration.ZERO, Duration.ofMillis(1))) {
      List<long[]> times = LoopbackLoad.streams(target.address(), BenchRequests.chat(true, 8), 20, 10_000);

      assertThat(times).hasSize(20).allSatisfy(t -> assertThat(t).hasSize(8).isSorted());
    }
  }

  @Test
  void thePacedLoopServesEveryStreamWhole() throws Exception {
    var lateness = new java.util.concurrent.atomic.AtomicInteger();
    try (var paced = new PacedNioServer(answer, 0, 1_000_000, late -> lateness.incrementAndGet())) {
      List<long[]> times = LoopbackLoad.streams(paced.address(), BenchRequests.chat(true, 8), 20, 10_000);

      assertThat(times).hasSize(20).allSatisfy(t -> assertThat(t).hasSize(8).isSorted());
      assertThat(lateness.get()).isEqualTo(20 * answer.events().size());
    }
  }

  @Test
  void countsOnlyEventsThatCarryContent() {
    assertThat(PlatformSpeedBench.countContentEvents(answer)).isEqualTo(8);
  }
}
