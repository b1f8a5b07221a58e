package dev.llmtck.tck.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmtck.tck.clause.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A Duo feature is ready when the clauses it needs pass, not ready when one fails, not checked when skipped. */
class DuoFeatureTest {

  @Test
  void allPassedMeansEveryFeatureIsReady() {
    assertThat(readiness(Map.of())).containsExactly(DuoFeature.Readiness.READY, DuoFeature.Readiness.READY,
        DuoFeature.Readiness.READY);
  }

  @Test
  void failedChatClauseBlocksChatAndAgentButNotCompletion() {
    List<DuoFeature.Verdict> verdicts = judge(Map.of("OAI-CHAT-2", ClauseStatus.FAILED));

    assertThat(verdicts).extracting(DuoFeature.Verdict::readiness).containsExactly(DuoFeature.Readiness.READY,
        DuoFeature.Readiness.NOT_READY, DuoFeature.Readiness.NOT_READY);
    assertThat(DuoFeature.describe(verdicts.get(1))).isEqualTo("not ready: OAI-CHAT-2 failed");
  }

  @Test
  void skippedToolClausesMeanTheAgentPlatformWasNotChecked() {
    Map<String, ClauseStatus> skipped = Map.of("OAI-TOOLS-1", ClauseStatus.SKIPPED, "OAI-TOOLS-2",
        ClauseStatus.SKIPPED, "OAI-TOOLS-3", ClauseStatus.SKIPPED, "OAI-TOOLS-4", ClauseStatus.SKIPPED,
        "OAI-AUTH-1", ClauseStatus.SKIPPED);

    assertThat(readiness(skipped)).containsExactly(DuoFeature.Readiness.READY, DuoFeature.Readiness.READY,
        DuoFeature.Readiness.NOT_CHECKED);
  }

  private static List<DuoFeature.Readiness> readiness(Map<String, ClauseStatus> overrides) {
    return judge(overrides).stream().map(DuoFeature.Verdict::readiness).toList();
  }

  private static List<DuoFeature.Verdict> judge(Map<String, ClauseStatus> overrides) {
    List<ClauseResult> results = new ArrayList<>();
    for (DuoFeature feature : DuoFeature.OPENAI) {
      for (String id : feature.core()) {
        results.add(result(id, overrides.getOrDefault(id, ClauseStatus.PASSED)));
      }
      for (String id : feature.supporting()) {
        results.add(result(id, overrides.getOrDefault(id, ClauseStatus.PASSED)));
      }
    }
    Target target = new Target("openai", null, Map.of(), Set.of());
    return DuoFeature.judge(new RunResult(target, "test", Instant.EPOCH, Instant.EPOCH, results, List.of()));
  }

  private static ClauseResult result(String id, ClauseStatus status) {
    return new ClauseResult(new ClauseInfo(id, Level.MUST, "s", "src", "C", "m"), status, null, List.of(), Map.of(),
        0, null);
  }
}
