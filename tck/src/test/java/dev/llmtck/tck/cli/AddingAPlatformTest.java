package dev.llmtck.tck.cli;

import dev.llmtck.tck.console.NoStackTraceInConsoles;
import org.junit.jupiter.api.extension.ExtendWith;
import dev.llmtck.tck.console.Consoles;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmtck.tck.platform.echo.EchoServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A platform added in its own package and a service file only ({@code dev.llmtck.tck.platform.echo}, test code)
 * is certified by the unchanged command line: its flags, profile fields, clauses, GitLab values, Duo features and
 * reports all come from its {@code Platform}.
 */
@ExtendWith(NoStackTraceInConsoles.class)
class AddingAPlatformTest {
  @TempDir
  Path dir;

  @Test
  void theNewPlatformsFlagsRunItsContractAndFillTheReports() throws Exception {
    try (EchoServer echo = EchoServer.start(false)) {
      Result run = run("run", "--platform", "echo", "--echo-url", echo.url().toString(), "--echo-model", "polly",
          "--report-dir", dir.toString());

      assertThat(run.code).as(run.out + run.err).isZero();
      assertThat(run.out).contains("echo contract against " + echo.url(), "ECHO-BASIC-1", "ECHO-CASE-1",
          "echo/polly", "Code completion", "ready");
      String report = Files.readString(dir.resolve("report.json"));
      assertThat(report).contains("\"platform\" : \"echo\"", "\"ECHO-CASE-1\"", "\"echo/polly\"");
    }
  }

  @Test
  void aProfileUsesTheNewPlatformsFieldsAndAShoutingServerFailsItsShouldClause() throws Exception {
    try (EchoServer shouting = EchoServer.start(true)) {
      Path profile = dir.resolve("echo.yaml");
      Files.writeString(profile, "name: parrot\nplatform: echo\nurl: " + shouting.url() + "\n");
      Result run = run("run", "--profile", profile.toString(), "--report-dir", dir.toString());

      assertThat(run.code).as(run.out + run.err).isZero();
      assertThat(run.out).contains("FAIL   SHOULD ECHO-CASE-1", "Duo Chat (classic)", "not ready");
    }
  }

  @Test
  void helpListsTheNewPlatformsFlagsAndAnotherPlatformsFlagIsRefused() {
    assertThat(run("run", "--help").out).contains("--platform echo", "--echo-url", "LLMTCK_ECHO_URL");
    Result wrong = run("run", "--platform", "echo", "--base-url", "http://x/v1");
    assertThat(wrong.code).isEqualTo(2);
    assertThat(wrong.err).contains("--base-url does not apply to platform echo", "--echo-url");
  }

  @Test
  void clausesListsTheNewPlatformsClauses() {
    Result clauses = run("clauses", "--platform", "echo");
    assertThat(clauses.code).isZero();
    assertThat(clauses.out).contains("ECHO-BASIC-1", "MUST", "GET /echo?text=hi answers hi")
        .doesNotContain("OAI-");
  }

  private record Result(int code, String out, String err) {
  }

  private static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = Consoles.capture(out);
        PrintStream e = Consoles.capture(err)) {
      code = LlmtckMain.run(args, o, e, Map.of());
    }
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
