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
import java.util.Map;
import static dev.llmtck.tck.cli.ReportJson.clause;
import static dev.llmtck.tck.cli.ReportJson.status;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code llmtck run} end to end on the runner's fake contract: exit codes, progress, summary, reports. */
@ExtendWith(NoStackTraceInConsoles.class)
class RunCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void conformingPlatformExitsZeroListsEveryClauseAndWritesReports() throws Exception {
    try (FakePlatformServer server = FakePlatformServer.start(Mode.CONFORMING)) {
      CliRun run = CliRun.run("--base-url", server.baseUrl(), "--model", "m", "--report-dir", dir.toString());

      assertThat(run.exitCode()).as(run.toString()).isZero();
      assertThat(run.out()).contains("FAKE-PING-1", "FAKE-ECHO-1", "FAKE-TOOLS-1", "FAKE-LEAK-1", "FAKE-RAW-1")
          .contains("running 5 clauses").contains("verdict: PASSED");
      assertThat(dir.resolve("report.json")).exists();
      assertThat(dir.resolve("report.html")).exists();
      assertThat(dir.resolve("junit.xml")).exists();
      JsonNode report = JSON.readTree(dir.resolve("report.json").toFile());
      assertThat(report.path("clauses")).hasSize(5);
      assertThat(status(report, "FAKE-PING-1")).isEqualTo("passed");
      assertThat(status(report, "FAKE-TOOLS-1")).isEqualTo("skipped");
      assertThat(report.path("verdict").path("exitCode").asInt()).isZero();
    }
  }

  @Test
  void clauseAndAreaSelectOnlyTheirClauses() throws Exception {
    try (FakePlatformServer server = FakePlatformServer.start(Mode.CONFORMING)) {
      CliRun run = CliRun.run("--base-url", server.baseUrl(), "--model", "m", "--report-dir", dir.toString(),
          "--clause", "FAKE-ECHO-1", "--area", "FAKE-PING");

      assertThat(run.exitCode()).as(run.toString()).isZero();
      assertThat(run.out()).contains("running 2 clauses", "FAKE-PING-1", "FAKE-ECHO-1")
          .doesNotContain("FAKE-TOOLS-1", "FAKE-LEAK-1", "FAKE-RAW-1");
      JsonNode report = JSON.readTree(dir.resolve("report.json").toFile());
      assertThat(report.path("clauses").findValuesAsText("id")).containsExactlyInAnyOrder("FAKE-PING-1",
          "FAKE-ECHO-1");
    }
  }

  @Test
  void failedMustClauseExitsOneAndNamesTheClause() throws Exception {
    try (FakePlatformServer server = FakePlatformServer.start(Mode.PING_BROKEN)) {
      CliRun run = CliRun.run("--base-url", server.baseUrl(), "--model", "m", "--report-dir", dir.toString());

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
      assertThat(run.out()).contains("verdict: FAILED: 1 MUST clause failed").containsPattern("MUST\\s+FAKE-PING-1");
      JsonNode report = JSON.readTree(dir.resolve("report.json").toFile());
      assertThat(status(report, "FAKE-PING-1")).isEqualTo("failed");
      assertThat(clause(report, "FAKE-PING-1").path("message").asText()).contains("500");
      assertThat(clause(report, "FAKE-PING-1").path("evidence").get(0).path("response").path("status").asInt())
          .isEqualTo(500);
    }
  }

  @Test
  void failedShouldClauseIsReportedButNotFatal() throws Exception {
    try (FakePlatformServer server = FakePlatformServer.start(Mode.ECHO_BROKEN)) {
      CliRun run = CliRun.run("--base-url", server.baseUrl(), "--model", "m", "--report-dir", dir.toString());

      assertThat(run.exitCode()).as(run.toString()).isZero();
      assertThat(run.out()).containsPattern("SHOULD\\s+FAKE-ECHO-1").contains("1 SHOULD/MAY clause failed");
      assertThat(status(JSON.readTree(dir.resolve("report.json").toFile()), "FAKE-ECHO-1")).isEqualTo("failed");
    }
  }

  @Test
  void declaredCapabilityRunsItsClauses() throws Exception {
    try (FakePlatformServer server = FakePlatformServer.start(Mode.CONFORMING)) {
      CliRun run = CliRun.run("--base-url", server.baseUrl(), "--model", "m", "--capability", "tools",
          "--report-dir", dir.toString());

      assertThat(run.exitCode()).as(run.toString()).isZero();
      assertThat(run.out()).containsPattern("capabilities: tools\\R").doesNotContain("embedded");
      JsonNode report = JSON.readTree(dir.resolve("report.json").toFile());
      assertThat(status(report, "FAKE-TOOLS-1")).isEqualTo("passed");
      assertThat(report.path("target").path("capabilities").toString()).isEqualTo("[\"tools\"]");
    }
  }

  @Test
  void targetWithoutCapabilitiesSaysNoneDeclared() throws Exception {
    try (FakePlatformServer server = FakePlatformServer.start(Mode.CONFORMING)) {
      CliRun run = CliRun.run("--base-url", server.baseUrl(), "--model", "m", "--report-dir", dir.toString());

      assertThat(run.out()).contains("capabilities: none declared");
      assertThat(JSON.readTree(dir.resolve("report.json").toFile()).path("target").path("capabilities")).isEmpty();
    }
  }

  @Test
  void profileDescribesTheTargetAndFlagsOverrideIt() throws Exception {
    try (FakePlatformServer good = FakePlatformServer.start(Mode.CONFORMING);
        FakePlatformServer broken = FakePlatformServer.start(Mode.PING_BROKEN)) {
      Path profile = dir.resolve("target.yaml");
      Files.writeString(profile, String.join("\n",
          "name: fake",
          "platform: openai",
          "baseUrl: " + broken.baseUrl(),
          "model: m",
          "apiKeyEnv: FAKE_KEY",
          "capabilities: [tools]",
          "timeoutSeconds: 5",
          "waivers:",
          "  - id: FAKE-LEAK-1",
          "    reason: the fake server echoes keys on purpose",
          ""));
      Path reports = dir.resolve("r");

      CliRun viaProfile = CliRun.run(Map.of("FAKE_KEY", "k-profile-1234"), "--profile", profile.toString(),
          "--report-dir", reports.toString());
      assertThat(viaProfile.exitCode()).as(viaProfile.toString()).isEqualTo(1);
      JsonNode report = JSON.readTree(reports.resolve("report.json").toFile());
      assertThat(report.path("target").path("profile").asText()).isEqualTo("fake");
      assertThat(report.path("target").path("settings").path("llmtck.timeoutSeconds").asText()).isEqualTo("5");
      assertThat(report.path("target").path("settings").path("llmtck.openai.apiKey").asText())
          .isEqualTo("[REDACTED]");
      assertThat(status(report, "FAKE-TOOLS-1")).isEqualTo("passed");
      assertThat(status(report, "FAKE-LEAK-1")).isEqualTo("waived");

      CliRun overridden = CliRun.run(Map.of("FAKE_KEY", "k-profile-1234"), "--profile", profile.toString(),
          "--base-url", good.baseUrl(), "--report-dir", reports.toString());
      assertThat(overridden.exitCode()).as(overridden.toString()).isZero();
    }
  }

  @Test
  void printsGitLabValuesAndWarnsWhenTheUrlLacksV1() throws Exception {
    try (FakePlatformServer server = FakePlatformServer.start(Mode.CONFORMING)) {
      CliRun good = CliRun.run("--base-url", server.baseUrl(), "--model", "mistral-7b", "--report-dir",
          dir.toString());
      assertThat(good.out()).contains("custom_openai/mistral-7b", "Model family",
          server.baseUrl());
      assertThat(good.err()).doesNotContain("/v1");

      String withoutV1 = server.baseUrl().replace("/v1", "");
      CliRun bad = CliRun.run("--base-url", withoutV1, "--model", "mistral-7b", "--report-dir", dir.toString());
      assertThat(bad.err()).contains("does not end in /v1").contains("Did you mean '" + withoutV1 + "/v1'");
    }
  }

}
