package dev.llmtck.tck.cli;

import dev.llmtck.tck.console.NoStackTraceInConsoles;
import org.junit.jupiter.api.extension.ExtendWith;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmtck.tck.runner.fake.FakePlatformServer;
import dev.llmtck.tck.runner.fake.FakePlatformServer.Mode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import static dev.llmtck.tck.cli.ReportJson.clause;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Waivers turn a failure into {@code waived} until they expire; expired, unknown and unneeded ones are reported. */
@ExtendWith(NoStackTraceInConsoles.class)
class WaiverRunTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private CliRun lastRun;

  @Test
  void waivedMustFailureNoLongerFailsTheRun() throws Exception {
    JsonNode report = runBroken("  - {id: FAKE-PING-1, reason: known proxy bug TICKET-7, expires: "
        + LocalDate.now().plusDays(30) + "}\n", 0);

    JsonNode ping = clause(report, "FAKE-PING-1");
    assertThat(ping.path("status").asText()).isEqualTo("waived");
    assertThat(ping.path("waiver").path("reason").asText()).isEqualTo("known proxy bug TICKET-7");
    assertThat(ping.path("message").asText()).as("the failure stays visible").contains("500");
    assertThat(report.path("waiverNotes")).isEmpty();
    assertThat(lastRun.out()).containsPattern("waived\\s+MUST\\s+FAKE-PING-1").contains("verdict: PASSED");
  }

  @Test
  void expiredWaiverNoLongerAppliesAndIsReported() throws Exception {
    JsonNode report = runBroken("  - {id: FAKE-PING-1, reason: r, expires: 2020-01-31}\n", 1);

    assertThat(clause(report, "FAKE-PING-1").path("status").asText()).isEqualTo("failed");
    assertThat(lastRun.out()).containsPattern("FAIL\\s+MUST\\s+FAKE-PING-1").contains("expired on 2020-01-31");
    assertThat(report.path("waiverNotes").get(0).path("kind").asText()).isEqualTo("expired");
    assertThat(report.path("waiverNotes").get(0).path("message").asText()).contains("expired on 2020-01-31");
  }

  @Test
  void unknownAndUnneededWaiversAreReported() throws Exception {
    JsonNode report = runBroken("  - {id: FAKE-PING-1, reason: r}\n  - {id: FAKE-PONG-9, reason: typo}\n"
        + "  - {id: FAKE-ECHO-1, reason: passes anyway}\n", 0);

    assertThat(report.path("waiverNotes").toString()).contains("\"id\":\"FAKE-PONG-9\",\"kind\":\"unknown\"")
        .contains("\"id\":\"FAKE-ECHO-1\",\"kind\":\"unused\"");
    assertThat(Files.readString(dir.resolve("r/report.html"))).contains("FAKE-PONG-9").contains("names no clause");
  }

  private JsonNode runBroken(String waiverLines, int expectedExit) throws Exception {
    Path waivers = dir.resolve("waivers.yaml");
    Files.writeString(waivers, "waivers:\n" + waiverLines);
    try (FakePlatformServer server = FakePlatformServer.start(Mode.PING_BROKEN)) {
      CliRun run = CliRun.run("--base-url", server.baseUrl(), "--model", "m", "--waivers", waivers.toString(),
          "--report-dir", dir.resolve("r").toString());
      assertThat(run.exitCode()).as(run.toString()).isEqualTo(expectedExit);
      lastRun = run;
      return JSON.readTree(dir.resolve("r/report.json").toFile());
    }
  }
}
