package dev.llmtck.tck.cli;

import dev.llmtck.tck.console.NoStackTraceInConsoles;
import org.junit.jupiter.api.extension.ExtendWith;
import dev.llmtck.tck.console.Consoles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmtck.tck.runner.fake.FakePlatformServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real OpenAI contract, run by {@code llmtck run}, against an endpoint that is not there and one that never
 * answers: exit 1, every clause that ran failed with a message saying what happened, nothing hangs, no trace.
 */
@ExtendWith(NoStackTraceInConsoles.class)
class UnresponsivePlatformContractTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void closedPortFailsEveryClauseWithConnectionRefused() throws Exception {
    String url = "http://127.0.0.1:" + FakePlatformServer.closedPort() + "/v1";

    JsonNode report = certify(url, Duration.ofSeconds(60));

    report.path("clauses").forEach(clause -> {
      if (clause.path("status").asText().equals("failed")) {
        assertThat(clause.path("message").asText()).as(clause.path("id").asText()).contains("cannot connect");
      } else {
        assertThat(clause.path("status").asText()).as(clause.path("id").asText()).isEqualTo("skipped");
      }
    });
  }

  @Test
  void silentEndpointFailsEveryClauseWithinTheTimeout() throws Exception {
    try (FakePlatformServer silent = FakePlatformServer.silent()) {
      JsonNode report = certify(silent.baseUrl(), Duration.ofMinutes(4));

      report.path("clauses").forEach(clause -> {
        String id = clause.path("id").asText();
        assertThat(clause.path("status").asText()).as(id).isIn("failed", "skipped");
        if (clause.path("status").asText().equals("failed")) {
          assertThat(clause.path("message").asText()).as(id).containsPattern("no response within 1 s|did not finish");
          assertThat(clause.path("durationMs").asLong()).as(id + " bounded by the clause bound")
              .isLessThan(13_000 + 2_000);
        }
      });
    }
  }

  private JsonNode certify(String url, Duration bound) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = assertTimeoutPreemptively(bound, () -> {
      try (PrintStream print = Consoles.capture(out)) {
        return new RunCommand(Map.of()).run(new String[] {"--base-url", url, "--model", "m", "--api-key",
            "sk-unresponsive-0123", "--timeout", "1", "--report-dir", dir.toString()}, print, print);
      }
    });
    String console = out.toString(StandardCharsets.UTF_8);
    assertThat(code).as(console).isEqualTo(1);
    assertThat(console).doesNotContain("\tat ").doesNotContain("sk-unresponsive-0123");
    JsonNode report = JSON.readTree(dir.resolve("report.json").toFile());
    assertThat(report.path("clauses").size()).isGreaterThanOrEqualTo(30);
    return report;
  }
}
