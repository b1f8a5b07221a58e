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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bench.html says what load it measured and draws its charts with axes a reader can read values off. */
@ExtendWith(NoStackTraceInConsoles.class)
class BenchHtmlTest {

  @Test
  void axesEndOnRoundValuesAndStartAtZero() {
    assertThat(BenchHtml.niceCeiling(87.3)).isEqualTo(100.0);
    assertThat(BenchHtml.niceCeiling(0.0042)).isCloseTo(0.005, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(BenchHtml.niceCeiling(1234)).isEqualTo(1500.0);
    assertThat(BenchHtml.niceCeiling(0)).as("an empty run still gets an axis").isEqualTo(1.0);
    assertThat(BenchHtml.ticks(100)).containsExactly(0, 20, 40, 60, 80, 100);
    assertThat(BenchHtml.ticks(1500)).containsExactly(0, 500, 1000, 1500);
  }

  @Test
  void thePageCarriesTheLoadTheMetricsAndBothChartsWithAxes(@TempDir Path dir) throws Exception {
    try (var server = new ZeroLatencyServer(CannedChat.of("m", 4, 8), "m", 1)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (PrintStream print = Consoles.capture(out)) {
        assertThat(BenchCommand.run(new String[] {"--base-url", server.uri() + "/v1", "--api-key", "sk-bench-secret",
            "--requests", "12", "--concurrency", "3", "--input-tokens", "8", "--output-tokens", "4",
            "--report-dir", dir.toString()}, print, print)).as(out.toString(StandardCharsets.UTF_8)).isZero();
      }
    }
    String html = Files.readString(dir.resolve("bench.html"));

    assertThat(html).contains("<h2>Load</h2>", "3 requests in flight", "12 measured", "at most 4 tokens",
        "/chat/completions", "<h2>Metrics</h2>", "<th>samples</th>");
    assertThat(html).contains("time sent (s since the first request)", "latency (ms)", "requests at or under (%)",
        "Cumulative distribution", ">TTFT<", ">ITL<", ">E2EL<");
    assertThat(html).as("both charts have a zero tick").containsPattern(">0</text>");
    assertThat(count(html, "<svg")).isEqualTo(2);
    assertThat(count(html, "<polyline")).as("one CDF line per metric").isEqualTo(3);
    assertThat(count(html, "<circle")).as("TTFT and E2EL of each of the 12 requests").isEqualTo(24);
    assertThat(html).doesNotContain("sk-bench-secret");
  }

  private static int count(String text, String what) {
    Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
