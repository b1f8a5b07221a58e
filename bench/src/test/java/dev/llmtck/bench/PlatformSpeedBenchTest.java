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
  void optionsAreCheckedAndUnknownOnesRefused() {
    var options = PlatformSpeedBench.Options.parse(new String[] {"--rounds", "2", "--targets", "core,raw"});
    assertThat(options.rounds).isEqualTo(2);
    assertThat(options.targets).containsExactly("core", "raw");
    assertThatThrownBy(() -> PlatformSpeedBench.Options.parse(new String[] {"--rounds", "x"}))
        .hasMessageContaining("whole number");
    assertThatThrownBy(() -> PlatformSpeedBench.Options.parse(new String[] {"--targets", "nginx"}))
        .hasMessageContaining("--targets");
    assertThatThrownBy(() -> PlatformSpeedBench.Options.parse(new String[] {"--nope", "1"}))
        .hasMessageContaining("unknown option");
  }
}
