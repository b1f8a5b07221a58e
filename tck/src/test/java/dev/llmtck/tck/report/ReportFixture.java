package dev.llmtck.tck.report;

import dev.llmtck.tck.openai.OpenAiSettings;
import dev.llmtck.tck.platform.CommonSettings;
import dev.llmtck.tck.runner.ClauseRunner;
import dev.llmtck.tck.runner.RunResult;
import dev.llmtck.tck.runner.Target;
import dev.llmtck.tck.runner.Waiver;
import dev.llmtck.tck.runner.Waivers;
import dev.llmtck.tck.runner.fake.FakePlatformServer;
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
      Target target = new Target("openai", "fixture", Map.of(OpenAiSettings.BASE_URL.key(), server.baseUrl(),
          OpenAiSettings.MODEL.key(), "m", OpenAiSettings.API_KEY.key(), KEY, CommonSettings.TIMEOUT_SECONDS.key(), "5"),
          Set.of(OpenAiSettings.API_KEY.key()));
      Waivers waivers = Waivers.of(List.of(new Waiver("FAKE-LEAK-1", "the fake echoes keys on purpose", null),
          new Waiver("FAKE-NOPE-1", "no such clause", null)));
      return ClauseRunner.of(List.of(dev.llmtck.tck.runner.fake.FakePlatformClauses.class)).run(target, waivers,
          dev.llmtck.tck.runner.ClauseProgress.SILENT, "test");
    }
  }

  static List<Path> write(Path dir) throws IOException {
    return ReportWriter.write(mixedRun(), dir);
  }
}
