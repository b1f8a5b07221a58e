package dev.llmtck.tck.cli;

import dev.llmtck.tck.console.NoStackTraceInConsoles;
import org.junit.jupiter.api.extension.ExtendWith;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Usage and configuration mistakes: one clear message on stderr, exit code 2, no run, no stack trace. */
@ExtendWith(NoStackTraceInConsoles.class)
class UsageErrorTest {
  @TempDir
  Path dir;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "--frobnicate x|unknown option --frobnicate",
      "--timeout abc|--timeout must be a positive whole number",
      "--timeout 0|--timeout must be a positive whole number",
      "--base-url http://localhost:1/v1|--model is required with --base-url",
      "--base-url not-a-url --model m|--base-url must be an http(s) URL",
      "--model m|--model and --api-key need --base-url",
      "--platform watsonx|unknown platform 'watsonx'",
      "--profile /nonexistent/profile.yaml|cannot read profile /nonexistent/profile.yaml: no such file",
      "--waivers /nonexistent/waivers.yaml|cannot read waivers from /nonexistent/waivers.yaml: no such file",
      "--set timeout=3|--set takes llmtck.KEY=VALUE",
      "stray|unexpected argument 'stray'",
      "--base-url|--base-url needs a value",
      "--clause FAKE-NOPE-9|--clause FAKE-NOPE-9: platform openai has no such clause",
      "--area NOPE|--area NOPE: platform openai has no such area (its areas: FAKE-ECHO, FAKE-LEAK, FAKE-PING"})
  void mistakeIsUsageError(String args, String message) {
    CliRun run = CliRun.run(args.split(" "));

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains(message).doesNotContain("\tat ").doesNotContain("Exception");
    assertThat(run.out()).doesNotContain("running");
  }

  @Test
  void unknownProfileKeyIsNamed() throws Exception {
    Path profile = dir.resolve("p.yaml");
    Files.writeString(profile, "platform: openai\nbaseURL: http://x/v1\n");

    CliRun run = CliRun.run("--profile", profile.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("unknown key 'baseURL'").contains("baseUrl");
  }

  @Test
  void waiverWithoutReasonIsRefused() throws Exception {
    Path waivers = dir.resolve("w.yaml");
    Files.writeString(waivers, "waivers:\n  - id: FAKE-PING-1\n");

    CliRun run = CliRun.run("--waivers", waivers.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("the waiver for FAKE-PING-1 needs a 'reason'");
  }

  @Test
  void badExpiryDateIsRefused() throws Exception {
    Path waivers = dir.resolve("w.yaml");
    Files.writeString(waivers, "waivers:\n  - {id: FAKE-PING-1, reason: r, expires: next week}\n");

    CliRun run = CliRun.run("--waivers", waivers.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("expires 'next week', which is not a date like 2026-12-31");
  }

  @Test
  void helpPrintsUsageAndExitsZero() {
    CliRun run = CliRun.run("--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("usage: llmtck run", "LLMTCK_API_KEY", "Exit codes");
  }
}
