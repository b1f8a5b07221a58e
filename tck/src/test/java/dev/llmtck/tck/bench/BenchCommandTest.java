package dev.llmtck.tck.bench;

import dev.llmtck.tck.console.NoStackTraceInConsoles;
import org.junit.jupiter.api.extension.ExtendWith;
import dev.llmtck.tck.console.Consoles;
import dev.llmtck.fixtures.canned.CannedChat;
import dev.llmtck.fixtures.canned.ZeroLatencyServer;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(NoStackTraceInConsoles.class)
class BenchCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return BenchCommand.run(args, Consoles.capture(out),
        Consoles.capture(err));
  }

  @Test
  void aBadOptionIsAUsageErrorWithoutAStackTrace() {
    assertThat(run("--concurrency", "zero")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--concurrency needs a whole number")
        .doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void concurrencyAndRateExcludeEachOther() {
    assertThat(run("--base-url", "http://localhost:1/v1", "--concurrency", "2", "--rate", "3")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("either --concurrency or --rate");
  }

  @Test
  void writesBenchJsonAndHtmlAndNeverPrintsTheKey(@TempDir Path dir) throws Exception {
    try (var server = new ZeroLatencyServer(CannedChat.of("m", 4, 8), "m", 1)) {
      int code = run("--base-url", server.uri() + "/v1", "--api-key", "sk-very-secret", "--requests", "10",
          "--concurrency", "2", "--input-tokens", "8", "--output-tokens", "4", "--measure-overhead",
          "--report-dir", dir.toString());

      assertThat(code).isZero();
      String printed = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
      assertThat(printed).contains("Successful requests:", "P99 TTFT (ms):", "GitLab AI gateway timeout 60 s")
          .contains("100%").doesNotContain("sk-very-secret");
      String json = Files.readString(dir.resolve("bench.json"));
      assertThat(json).contains("\"ttft\"", "\"p99\"", "\"unit\" : \"ms\"", "\"requestThroughput\"",
          "\"gitlabGateway\"", "\"apiKeySent\" : true").doesNotContain("sk-very-secret");
      assertThat(json).contains("\"probeOverhead\"");
      assertThat(Files.readString(dir.resolve("bench.html"))).contains("<svg", "Probe overhead")
          .doesNotContain("sk-very-secret");
    }
  }

  @Test
  void findsTheModelWhenNoneIsNamed(@TempDir Path dir) {
    try (var server = new ZeroLatencyServer(CannedChat.of("served-model", 4, 8), "served-model", 1)) {
      assertThat(run("--base-url", server.uri() + "/v1", "--requests", "3", "--report-dir", dir.toString()))
          .isZero();
      assertThat(out.toString(StandardCharsets.UTF_8)).contains("model served-model");
    }
  }

  @Test
  void withoutABaseUrlMeasuresTheEmbeddedReferencePlatform(@TempDir Path dir) {
    int code = run("--requests", "4", "--concurrency", "2", "--output-tokens", "8", "--sim-ttft-ms", "30",
        "--sim-itl-ms", "5", "--report-dir", dir.toString());

    assertThat(code).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("embedded reference platform")
        .contains("Successful requests:                                     4");
    // the simulated 30 ms time to first token is visible in what the probe measured
    assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern("Mean TTFT \\(ms\\): +(3\\d|[4-9]\\d|\\d{3,})\\.");
  }

  @Test
  void measuresTextCompletionsAsGitLabCodeCompletionCallsThem(@TempDir Path dir) throws Exception {
    int code = run("--endpoint", "completions", "--requests", "4", "--output-tokens", "8", "--sim-ttft-ms", "0",
        "--sim-itl-ms", "0", "--report-dir", dir.toString());

    assertThat(code).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("text completions")
        .contains("Successful requests:                                     4");
    assertThat(Files.readString(dir.resolve("bench.json"))).contains("\"endpoint\" : \"completions\"");
  }

  @Test
  void anUnknownEndpointIsAUsageError() {
    assertThat(run("--endpoint", "embeddings")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--endpoint is chat or completions");
  }

  @Test
  void anApiKeyWithoutABaseUrlIsAUsageError() {
    assertThat(run("--api-key", "sk-x")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--api-key needs --base-url").doesNotContain("sk-x");
  }

  @Test
  void anUnreachableTargetIsAClearError() {
    assertThat(run("--base-url", "http://127.0.0.1:1/v1")).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot reach").doesNotContain("\tat ");
  }
}
