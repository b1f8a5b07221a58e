package dev.llmtck.tck.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmtck.tck.runner.RunResult;
import dev.llmtck.tck.runner.fake.FakePlatformServer;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report.html renders in headless Chromium (Debian's {@code chromium} package; {@code ci/screenshot-report.sh}
 * does the same from a shell). Skipped without Chromium, except in CI ({@code CI=true}), which installs it.
 */
class ReportScreenshotTest {
  @TempDir
  Path dir;

  @Test
  void reportRendersInHeadlessChromium() throws Exception {
    String chromium = chromium();
    ReportFixture.write(dir);
    assertRenders(chromium, dir.resolve("report.html"));
  }

  @Test
  void summaryOfSeveralTargetsRendersInHeadlessChromium() throws Exception {
    String chromium = chromium();
    RunResult broken = ReportFixture.mixedRun();
    RunResult good = ReportFixture.run(FakePlatformServer.Mode.CONFORMING);
    ReportWriter.writeSummary(List.of(new TargetRun("broken", "broken", broken.target(), broken, null),
        new TargetRun("good", "good", good.target(), good, null)), "test", dir, broken.target().redactor());
    assertRenders(chromium, dir.resolve("index.html"));
  }

  @Test
  void benchPageRendersInHeadlessChromium() throws Exception {
    String chromium = chromium();
    try (var server = new dev.llmtck.fixtures.canned.ZeroLatencyServer(dev.llmtck.fixtures.canned.CannedChat.of("m", 4, 8), "m",
        1)) {
      java.io.PrintStream quiet = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());
      assertThat(dev.llmtck.tck.bench.BenchCommand.run(new String[] {"--base-url", server.uri() + "/v1",
          "--requests", "40", "--concurrency", "4", "--report-dir", dir.toString()}, quiet, quiet)).isZero();
    }
    assertRenders(chromium, dir.resolve("bench.html"));
  }

  private static String chromium() {
    String chromium = findChromium();
    if (chromium == null) {
      assertThat(System.getenv("CI")).as("CI=true needs chromium installed (.ci/run installs it)")
          .isNotEqualTo("true");
      Assumptions.abort("chromium is not installed: apt-get install -y chromium");
    }
    return chromium;
  }

  private void assertRenders(String chromium, Path page) throws Exception {
    Path png = dir.resolve(page.getFileName() + ".png");
    Path profile = Files.createTempDirectory("llmtck-chromium");
    Process process = new ProcessBuilder(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--hide-scrollbars", "--user-data-dir=" + profile, "--screenshot=" + png, "--window-size=1280,2000",
        page.toUri().toString())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    boolean done = process.waitFor(120, TimeUnit.SECONDS);
    if (!done) {
      process.destroyForcibly();
    }
    assertThat(done).as("chromium finished").isTrue();
    assertThat(png).exists();
    byte[] bytes = Files.readAllBytes(png);
    assertThat(bytes).startsWith(0x89, 'P', 'N', 'G');
    assertThat(bytes.length).as("a rendered page, not a blank one").isGreaterThan(20_000);
  }

  private static String findChromium() {
    for (String name : List.of("chromium", "chromium-browser")) {
      for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
        if (Files.isExecutable(Path.of(dir, name))) {
          return Path.of(dir, name).toString();
        }
      }
    }
    return null;
  }
}
