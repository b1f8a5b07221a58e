package dev.llmtck.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlatformSpeedBenchTest {

  @Test
  void medianOfOddAndEvenCounts() {
    assertThat(PlatformSpeedBench.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
    assertThat(PlatformSpeedBench.median(List.of(4.0, 1.0, 2.0, 3.0))).isEqualTo(2.5);
  }

  @Test
  void ratiosArePairedByRoundBeforeTheMedian() {
    // per round: 10/5 = 2, 30/10 = 3, 8/8 = 1 -> median 2 (the ratio of the medians would be 10/8)
    assertThat(PlatformSpeedBench.medianRatio(List.of(10.0, 30.0, 8.0), List.of(5.0, 10.0, 8.0)))
        .isCloseTo(2.0, within(1e-9));
  }

  @Test
  void theDriftPassWithTheMedianP99StandsForTheTarget() {
    // one stream per pass, gaps 20 ms apart plus the pass's drift: p99 of the passes 9, 1 and 4 ms
    var late = pass(9);
    var early = pass(1);
    var middle = pass(4);
    assertThat(PlatformSpeedBench.medianPass(List.of(late, early, middle))).isSameAs(middle);
    assertThat(PlatformSpeedBench.medianPass(List.of(early, late))).isSameAs(late);
  }

  private static PlatformSpeedBench.DriftPass pass(long driftMillis) {
    long interval = 20_000_000;
    long[] times = {0, interval + driftMillis * 1_000_000};
    return new PlatformSpeedBench.DriftPass(StreamDrift.of(List.<long[]>of(times), interval, 2),
        new CpuUse(1, 0, 0, 0), new GcActivity(0, 0), List.of());
  }

  @Test
  void optionsAreCheckedAndUnknownOnesRefused() {
    var options = PlatformSpeedBench.Options.parse(new String[] {"--rounds", "2", "--targets", "core,raw",
        "--drift-passes", "5"});
    assertThat(options.rounds).isEqualTo(2);
    assertThat(options.driftPasses).isEqualTo(5);
    assertThat(options.targets).containsExactly("core", "raw");
    assertThatThrownBy(() -> PlatformSpeedBench.Options.parse(new String[] {"--rounds", "x"}))
        .hasMessageContaining("whole number");
    assertThatThrownBy(() -> PlatformSpeedBench.Options.parse(new String[] {"--targets", "nginx"}))
        .hasMessageContaining("--targets");
    assertThatThrownBy(() -> PlatformSpeedBench.Options.parse(new String[] {"--nope", "1"}))
        .hasMessageContaining("unknown option");
  }
}
