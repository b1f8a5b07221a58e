package dev.llmtck.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class StreamDriftTest {
  private static final long MS = 1_000_000;

  @Test
  void driftIsEachGapMinusTheConfiguredInterval() {
    // interval 20 ms; gaps 21, 19, 20 and 25 ms
    List<long[]> streams = List.of(new long[] {0, 21 * MS, 40 * MS, 60 * MS}, new long[] {5 * MS, 30 * MS},
        new long[0]);

    StreamDrift drift = StreamDrift.of(streams, 20 * MS, 4);

    assertThat(drift.streams()).isEqualTo(3);
    assertThat(drift.completeStreams()).isEqualTo(1);
    assertThat(drift.gaps()).isEqualTo(4);
    assertThat(drift.absoluteDrift().max()).isCloseTo(5, within(1e-9));
    assertThat(drift.absoluteDrift().mean()).isCloseTo((1 + 1 + 0 + 5) / 4.0, within(1e-9));
    assertThat(drift.signedDrift().min()).isCloseTo(-1, within(1e-9));
  }
}
