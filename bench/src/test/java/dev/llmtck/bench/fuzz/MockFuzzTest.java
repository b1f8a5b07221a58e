package dev.llmtck.bench.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The fuzz of issues 17 and 18, bounded for CI: each reference mock as a process of its own (started as
 * {@code ./llmtck serve} starts it, with the launcher's heap), 1,200 fuzz cases and 150 slowloris connections
 * each, about a minute in all. Every mock must answer every request (no hang, no 5xx), every error in its own
 * envelope, hold no connection past its timeouts, log no stack trace, give back its files and threads, stay
 * within its memory bound, and still be healthy. {@code ci/bench/fuzz-mocks.sh} runs the same with 12,000 cases.
 */
class MockFuzzTest {

  @Test
  @Timeout(value = 170, unit = TimeUnit.SECONDS)
  void everyMockSurvivesTheFuzz() throws Exception {
    var options = MockFuzz.Options.defaults(List.of("-cp", System.getProperty("java.class.path"),
        "dev.llmtck.fixtures.FixturesMain")).withCases(1_200).withSlowloris(150)
        .withWorkDir(Path.of("target", "fuzz"));

    List<MockFuzz.Report> reports = MockFuzz.run(options, System.out);

    assertThat(reports).hasSize(3);
    for (MockFuzz.Report report : reports) {
      assertThat(report.failures()).as(report.summary()).isEmpty();
      assertThat(report.statuses()).as(report.summary()).containsKeys("200", "400", "aborted");
    }
  }
}
