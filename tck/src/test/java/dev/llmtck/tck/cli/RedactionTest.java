package dev.llmtck.tck.cli;

import dev.llmtck.tck.console.NoStackTraceInConsoles;
import org.junit.jupiter.api.extension.ExtendWith;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmtck.tck.runner.fake.FakePlatformServer;
import dev.llmtck.tck.runner.fake.FakePlatformServer.Mode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A known key never appears in the report directory or on the console, even though the fake contract publishes
 * it unredacted in headers, URLs, bodies and failure messages (the runner redacts again, defense in depth).
 */
@ExtendWith(NoStackTraceInConsoles.class)
class RedactionTest {
  private static final String KEY = "sk-llmtck-SECRET-9f8e7d6c5b4a";

  @TempDir
  Path dir;

  @Test
  void keyFromTheCommandLineNeverReachesReportsOrConsole() throws Exception {
    try (FakePlatformServer server = FakePlatformServer.start(Mode.CONFORMING)) {
      CliRun run = CliRun.run("--base-url", server.baseUrl(), "--model", "m", "--api-key", KEY, "--report-dir",
          dir.toString());

      assertThat(run.out()).as("the key was used: FAKE-LEAK-1 saw it echoed").contains("FAKE-LEAK-1")
          .contains("[REDACTED]");
      assertNowhere(run);
    }
  }

  @Test
  void keyFromTheEnvironmentNeverReachesReportsOrConsole() throws Exception {
    try (FakePlatformServer server = FakePlatformServer.start(Mode.PING_BROKEN)) {
      CliRun run = CliRun.run(Map.of("LLMTCK_API_KEY", KEY), "--base-url", server.baseUrl(), "--model", "m",
          "--report-dir", dir.toString());

      assertThat(run.exitCode()).isEqualTo(1);
      assertNowhere(run);
    }
  }

  private void assertNowhere(CliRun run) throws Exception {
    assertThat(run.out()).doesNotContain(KEY);
    assertThat(run.err()).doesNotContain(KEY);
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(3);
    for (Path file : files) {
      assertThat(Files.readString(file)).as(file.toString()).doesNotContain(KEY).doesNotContain("SECRET-9f8e");
    }
  }
}
