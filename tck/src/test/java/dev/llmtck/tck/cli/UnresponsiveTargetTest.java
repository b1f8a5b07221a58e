package dev.llmtck.tck.cli;

import dev.llmtck.tck.console.NoStackTraceInConsoles;
import org.junit.jupiter.api.extension.ExtendWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmtck.tck.runner.fake.FakePlatformServer;
import java.nio.file.Path;
import java.time.Duration;
import static dev.llmtck.tck.cli.ReportJson.clause;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An endpoint that is not there, or that accepts connections and never answers: every clause fails with a
 * message that says so, the run ends (bounded by the per-request timeout and the clause bound), exit code 1,
 * reports written, no stack trace.
 */
@ExtendWith(NoStackTraceInConsoles.class)
class UnresponsiveTargetTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void unreachableEndpointFailsEveryClauseClearly() throws Exception {
    String url = "http://127.0.0.1:" + FakePlatformServer.closedPort() + "/v1";

    CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> CliRun.run("--base-url", url, "--model",
        "m", "--timeout", "2", "--report-dir", dir.toString()));

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.out() + run.err()).doesNotContain("\tat ");
    JsonNode report = JSON.readTree(dir.resolve("report.json").toFile());
    for (String id : new String[] {"FAKE-PING-1", "FAKE-ECHO-1", "FAKE-RAW-1"}) {
      JsonNode clause = clause(report, id);
      assertThat(clause.path("status").asText()).as(id).isEqualTo("failed");
      assertThat(clause.path("message").asText()).as(id).contains("could not connect");
    }
  }

  @Test
  void hangingEndpointFailsEveryClauseWithinTheTimeout() throws Exception {
    try (FakePlatformServer silent = FakePlatformServer.silent()) {
      CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(90), () -> CliRun.run("--base-url",
          silent.baseUrl(), "--model", "m", "--timeout", "1", "--report-dir", dir.toString()));

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
      assertThat(run.out() + run.err()).doesNotContain("\tat ");
      JsonNode report = JSON.readTree(dir.resolve("report.json").toFile());
      assertThat(clause(report, "FAKE-PING-1").path("message").asText()).contains("no answer within the timeout");
      assertThat(clause(report, "FAKE-ECHO-1").path("message").asText()).contains("no answer within the timeout");
      assertThat(clause(report, "FAKE-RAW-1").path("message").asText())
          .as("a clause that ignores the timeout is stopped by the runner")
          .contains("did not finish in time and was stopped");
      assertThat(clause(report, "FAKE-RAW-1").path("durationMs").asLong()).isLessThan(30_000);
    }
  }
}
