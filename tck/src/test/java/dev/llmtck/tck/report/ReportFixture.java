package dev.llmtck.tck.report;

import dev.llmtck.tck.runner.ClauseRunner;
import dev.llmtck.tck.runner.RunResult;
import dev.llmtck.tck.runner.Target;
import dev.llmtck.tck.runner.Waiver;
import dev.llmtck.tck.runner.Waivers;
import dev.llmtck.tck.runner.fake.FakePlatformServer;
import dev.llmtck.tck.target.TargetKeys;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A run of the fake contract with every status in it (passed, failed, skipped, waived) and a waiver note. */
final class ReportFixture {
  static final String KEY = "sk-report-fixture-0123456789";

  private ReportFixture() {
  }

  static RunResult mixedRun() throws IOException {
    return run(FakePlatformServer.Mode.PING_BROKEN);
  }

  /** A run of the fake contract against a fake platform in {@code mode}. */
  static RunResult run(FakePlatformServer.Mode mode) throws IOException {
    try (FakePlatformServer server = FakePlatformServer.start(mode)) {
      Target target = new Target("openai", "fixture", Map.of(TargetKeys.OPENAI_BASE_URL, server.baseUrl(),
          TargetKeys.OPENAI_MODEL, "m", TargetKeys.OPENAI_API_KEY, KEY, TargetKeys.TIMEOUT_SECONDS, "5"),
          Set.of(TargetKeys.OPENAI_API_KEY));
      Waivers waivers = Waivers.of(List.of(new Waiver("FAKE-LEAK-1", "the fake echoes keys on purpose", null),
          new Waiver("FAKE-NOPE-1", "no such clause", null)));
      return new ClauseRunner("dev.llmtck.tck.runner.fake").run(target, waivers,
          dev.llmtck.tck.runner.ClauseProgress.SILENT, "test");
    }
  }

  static List<Path> write(Path dir) throws IOException {
    return ReportWriter.write(mixedRun(), dir);
  }
}
