package dev.llmtck.tck.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchMetricsTest {
  private static final long MS = 1_000_000;

  @Test
  void followsVllmCalculateMetrics() {
    List<RequestRecord> records = List.of(
        new RequestRecord(0, true, "", 100 * MS, new long[] {10 * MS, 30 * MS}, 140 * MS, 3, 10),
        new RequestRecord(50 * MS, true, "", 200 * MS, new long[] {20 * MS}, 220 * MS, 2, 20),
        new RequestRecord(60 * MS, true, "", 50 * MS, new long[0], 50 * MS, 1, 5),
        RequestRecord.failed(70 * MS, 5 * MS, "HTTP 500"));

    BenchMetrics m = BenchMetrics.of(records, 2_000 * MS);

    assertThat(m.completed()).isEqualTo(3);
    assertThat(m.failed()).isEqualTo(1);
    assertThat(m.totalInputTokens()).isEqualTo(35);
    assertThat(m.totalOutputTokens()).isEqualTo(6);
    assertThat(m.requestThroughput()).isCloseTo(1.5, within(1e-9));
    assertThat(m.outputThroughput()).isCloseTo(3.0, within(1e-9));
    assertThat(m.totalTokenThroughput()).isCloseTo(20.5, within(1e-9));
    assertThat(m.ttft().mean()).isCloseTo((100 + 200 + 50) / 3.0, within(1e-9));
    // TPOT: (140-100)/2 = 20 and (220-200)/1 = 20; the one-token request is left out
    assertThat(m.tpot().count()).isEqualTo(2);
    assertThat(m.tpot().mean()).isCloseTo(20, within(1e-9));
    // every gap of every request is one ITL sample
    assertThat(m.itl().count()).isEqualTo(3);
    assertThat(m.itl().median()).isCloseTo(20, within(1e-9));
    assertThat(m.e2el().max()).isCloseTo(220, within(1e-9));
    // [0,140) [50,270) [60,110) overlap at 60 ms; the failed request does not count
    assertThat(m.peakConcurrency()).isEqualTo(3);
  }

  @Test
  void aRequestEndingWhenAnotherStartsDoesNotOverlapIt() {
    List<RequestRecord> records = List.of(
        new RequestRecord(0, true, "", 1, new long[0], 10, 1, 1),
        new RequestRecord(10, true, "", 1, new long[0], 10, 1, 1));

    assertThat(BenchMetrics.peakConcurrency(records)).isEqualTo(1);
  }

  @Test
  void gatewayCheckComparesTheSlowestRequestWithTheTimeout() {
    List<RequestRecord> records = List.of(
        new RequestRecord(0, true, "", 1, new long[0], 30_000 * MS, 1, 1),
        new RequestRecord(0, true, "", 1, new long[0], 61_000 * MS, 1, 1));

    GatewayTimeoutCheck check = GatewayTimeoutCheck.of(BenchMetrics.of(records, 61_000 * MS), 60);

    assertThat(check.withinTimeout()).isFalse();
    assertThat(check.maxSeconds()).isCloseTo(61, within(1e-9));
    assertThat(GatewayTimeoutCheck.of(BenchMetrics.of(records.subList(0, 1), MS), 60).withinTimeout()).isTrue();
  }

  @Test
  void withoutASuccessfulRequestTheGatewayCheckHasNoVerdict() {
    GatewayTimeoutCheck check = GatewayTimeoutCheck.of(
        BenchMetrics.of(java.util.List.of(RequestRecord.failed(0, MS, "HTTP 500")), MS), 60);

    assertThat(check.measured()).isFalse();
    assertThat(check.withinTimeout()).isFalse();
    assertThat(check.summary()).contains("no request succeeded");
  }
}
