package dev.llmtck.tck.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DistributionTest {

  @Test
  void percentilesInterpolateLinearlyBetweenRanksAsNumpyDoes() {
    // np.percentile([1, 2, 3, 4], [50, 90, 99]) == [2.5, 3.7, 3.97]
    Distribution d = Distribution.of("ms", new double[] {4, 1, 3, 2}, 1);

    assertThat(d.percentile(50)).isCloseTo(2.5, within(1e-9));
    assertThat(d.percentile(90)).isCloseTo(3.7, within(1e-9));
    assertThat(d.percentile(99)).isCloseTo(3.97, within(1e-9));
  }

  @Test
  void meanMedianAndPopulationStandardDeviation() {
    // np.mean 2.5, np.median 2.5, np.std (ddof 0) sqrt(1.25)
    Distribution d = Distribution.of("ms", new double[] {1, 2, 3, 4}, 1);

    assertThat(d.mean()).isCloseTo(2.5, within(1e-9));
    assertThat(d.median()).isCloseTo(2.5, within(1e-9));
    assertThat(d.std()).isCloseTo(Math.sqrt(1.25), within(1e-9));
    assertThat(d.min()).isEqualTo(1);
    assertThat(d.max()).isEqualTo(4);
    assertThat(d.count()).isEqualTo(4);
  }

  @Test
  void anInteriorPercentileFallsBetweenItsNeighbours() {
    // np.percentile([15, 20, 35, 40, 50], 40) == 29.0
    assertThat(Distribution.percentile(new double[] {15, 20, 35, 40, 50}, 40)).isCloseTo(29.0, within(1e-9));
  }

  @Test
  void scalesEverySample() {
    Distribution d = Distribution.of("ms", new double[] {2_000_000, 4_000_000}, 1e-6);

    assertThat(d.mean()).isCloseTo(3.0, within(1e-9));
    assertThat(d.unit()).isEqualTo("ms");
  }

  @Test
  void anEmptySampleIsAllZeros() {
    Distribution d = Distribution.of("ms", new double[0], 1);

    assertThat(d.count()).isZero();
    assertThat(d.mean()).isZero();
    assertThat(d.percentile(99)).isZero();
  }

  @Test
  void oneSampleIsEveryPercentile() {
    Distribution d = Distribution.of("ms", new double[] {7}, 1);

    assertThat(d.percentiles()).containsOnlyKeys("p50", "p90", "p99").allSatisfy((k, v) -> assertThat(v).isEqualTo(7));
  }
}
