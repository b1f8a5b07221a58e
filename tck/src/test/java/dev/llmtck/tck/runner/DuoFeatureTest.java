package dev.llmtck.tck.runner;

import dev.llmtck.tck.platform.Platforms;
import dev.llmtck.tck.clause.ClauseInfo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmtck.tck.clause.Clause;
import dev.llmtck.tck.clause.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** A Duo feature is ready when the clauses it needs pass, not ready when one fails, not checked when skipped. */
class DuoFeatureTest {

  @Test
  void allPassedMeansEveryFeatureIsReady() {
    assertThat(readiness(Map.of())).containsExactly(DuoFeature.Readiness.READY, DuoFeature.Readiness.READY,
        DuoFeature.Readiness.READY, DuoFeature.Readiness.READY);
  }

  @Test
  void failedClassicChatClauseBlocksClassicChatOnly() {
    List<DuoFeature.Verdict> verdicts = judge(Map.of("GL-CHAT-1", ClauseStatus.FAILED));

    assertThat(verdicts).extracting(DuoFeature.Verdict::readiness).containsExactly(DuoFeature.Readiness.READY,
        DuoFeature.Readiness.READY, DuoFeature.Readiness.NOT_READY, DuoFeature.Readiness.READY);
    assertThat(DuoFeature.describe(verdicts.get(2))).isEqualTo("not ready: GL-CHAT-1 failed");
  }

  @Test
  void codeCompletionRestsOnTheGatewaysChatRequestNotOnTextCompletions() {
    // the gateway sends code completion through chat completions for every self-hosted family
    assertThat(readiness(Map.of("OAI-CMPL-1", ClauseStatus.FAILED, "OAI-CMPL-3", ClauseStatus.FAILED)))
        .containsOnly(DuoFeature.Readiness.READY);
    assertThat(readiness(Map.of("GL-COMPLETION-1", ClauseStatus.FAILED))).containsExactly(
        DuoFeature.Readiness.NOT_READY, DuoFeature.Readiness.READY, DuoFeature.Readiness.READY,
        DuoFeature.Readiness.READY);
  }

  @Test
  void aFailedStreamBlocksTheStreamedFeaturesButNotCompletion() {
    assertThat(readiness(Map.of("OAI-STREAM-2", ClauseStatus.FAILED))).containsExactly(DuoFeature.Readiness.READY,
        DuoFeature.Readiness.NOT_READY, DuoFeature.Readiness.NOT_READY, DuoFeature.Readiness.NOT_READY);
  }

  @Test
  void skippedToolClausesMeanTheAgentPlatformWasNotChecked() {
    Map<String, ClauseStatus> skipped = Map.of("OAI-TOOLS-1", ClauseStatus.SKIPPED, "OAI-TOOLS-2",
        ClauseStatus.SKIPPED, "OAI-TOOLS-3", ClauseStatus.SKIPPED, "OAI-TOOLS-4", ClauseStatus.SKIPPED,
        "OAI-AUTH-1", ClauseStatus.SKIPPED);

    assertThat(readiness(skipped)).containsExactly(DuoFeature.Readiness.READY, DuoFeature.Readiness.READY,
        DuoFeature.Readiness.READY, DuoFeature.Readiness.NOT_CHECKED);
  }

  @Test
  void azureAgentPlatformIsJudgedByTheToolCallingClauses() {
    List<DuoFeature.Verdict> verdicts = judge("azure", Map.of());

    assertThat(verdicts).extracting(v -> v.feature().name()).containsExactly("Code completion",
        "Code generation", "Duo Chat (classic)", "Agentic Duo Chat and Duo Agent Platform (tool calling)");
    assertThat(verdicts).extracting(DuoFeature.Verdict::readiness).containsOnly(DuoFeature.Readiness.READY);
    assertThat(judge("azure", Map.of("AZ-TOOLS-3", ClauseStatus.FAILED))).extracting(DuoFeature.Verdict::readiness)
        .containsExactly(DuoFeature.Readiness.READY, DuoFeature.Readiness.READY, DuoFeature.Readiness.READY,
            DuoFeature.Readiness.NOT_READY);

    Map<String, ClauseStatus> noTools = Map.of("AZ-TOOLS-1", ClauseStatus.SKIPPED, "AZ-TOOLS-2",
        ClauseStatus.SKIPPED, "AZ-TOOLS-3", ClauseStatus.SKIPPED, "AZ-TOOLS-4", ClauseStatus.SKIPPED);
    List<DuoFeature.Verdict> skipped = judge("azure", noTools);
    assertThat(skipped.get(3).readiness()).isEqualTo(DuoFeature.Readiness.NOT_CHECKED);
    assertThat(DuoFeature.describe(skipped.get(3))).startsWith("not checked: AZ-TOOLS-1");
  }

  @Test
  void brokenBedrockStreamBlocksChatButNotCompletion() {
    List<DuoFeature.Verdict> verdicts = judge("bedrock", Map.of("BDR-STREAM-2", ClauseStatus.FAILED));

    assertThat(verdicts).extracting(DuoFeature.Verdict::readiness).containsExactly(DuoFeature.Readiness.READY,
        DuoFeature.Readiness.NOT_READY, DuoFeature.Readiness.NOT_READY, DuoFeature.Readiness.NOT_READY);
  }

  @Test
  void bedrockAgentPlatformIsJudgedByTheToolUseClauses() {
    assertThat(judge("bedrock", Map.of())).extracting(DuoFeature.Verdict::readiness).containsOnly(
        DuoFeature.Readiness.READY);

    List<DuoFeature.Verdict> toolsFailed = judge("bedrock", Map.of("BDR-TOOLS-3", ClauseStatus.FAILED));
    assertThat(toolsFailed).extracting(DuoFeature.Verdict::readiness).containsExactly(DuoFeature.Readiness.READY,
        DuoFeature.Readiness.READY, DuoFeature.Readiness.READY, DuoFeature.Readiness.NOT_READY);

    Map<String, ClauseStatus> noTools = Map.of("BDR-TOOLS-1", ClauseStatus.SKIPPED, "BDR-TOOLS-2",
        ClauseStatus.SKIPPED, "BDR-TOOLS-3", ClauseStatus.SKIPPED, "BDR-TOOLS-4", ClauseStatus.SKIPPED);
    List<DuoFeature.Verdict> verdicts = judge("bedrock", noTools);
    assertThat(verdicts.get(3).readiness()).isEqualTo(DuoFeature.Readiness.NOT_CHECKED);
    assertThat(DuoFeature.describe(verdicts.get(3))).isEqualTo("not checked: BDR-TOOLS-1, BDR-TOOLS-2, BDR-TOOLS-3 "
        + "skipped");
  }

  @Test
  void failedAzureAuthClauseBlocksEveryFeature() {
    assertThat(judge("azure", Map.of("AZ-AUTH-2", ClauseStatus.FAILED))).extracting(DuoFeature.Verdict::readiness)
        .containsOnly(DuoFeature.Readiness.NOT_READY);
  }

  /** A typo in a feature's clause list would silently make it need nothing: every id must be a real clause. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"openai", "azure", "bedrock"})
  void everyClauseAFeatureNeedsIsInTheContract(String platform) {
    Set<String> contract = new HashSet<>();
    TestPlan plan = LauncherFactory.create().discover(LauncherDiscoveryRequestBuilder.request()
        .selectors(Platforms.byId(platform).orElseThrow().contractClasses().stream()
            .map(DiscoverySelectors::selectClass).toList())
        .filters(TagFilter.includeTags("clause")).build());
    plan.getRoots().forEach(root -> plan.getDescendants(root).forEach(test -> test.getSource()
        .filter(MethodSource.class::isInstance).map(source -> ((MethodSource) source).getJavaMethod()
            .getAnnotation(Clause.class)).ifPresent(clause -> contract.add(clause.id()))));

    assertThat(contract).as("the %s contract's clauses", platform).isNotEmpty();
    for (DuoFeature feature : DuoFeature.of(platform)) {
      assertThat(contract).as(feature.name()).containsAll(feature.core()).containsAll(feature.supporting());
    }
  }

  private static List<DuoFeature.Readiness> readiness(Map<String, ClauseStatus> overrides) {
    return judge(overrides).stream().map(DuoFeature.Verdict::readiness).toList();
  }

  private static List<DuoFeature.Verdict> judge(Map<String, ClauseStatus> overrides) {
    return judge("openai", overrides);
  }

  private static List<DuoFeature.Verdict> judge(String platform, Map<String, ClauseStatus> overrides) {
    List<ClauseResult> results = new ArrayList<>();
    for (DuoFeature feature : DuoFeature.of(platform)) {
      for (String id : feature.core()) {
        results.add(result(id, overrides.getOrDefault(id, ClauseStatus.PASSED)));
      }
      for (String id : feature.supporting()) {
        results.add(result(id, overrides.getOrDefault(id, ClauseStatus.PASSED)));
      }
    }
    Target target = new Target(platform, null, Map.of(), Set.of());
    return DuoFeature.judge(new RunResult(target, "test", Instant.EPOCH, Instant.EPOCH, results, List.of()));
  }

  private static ClauseResult result(String id, ClauseStatus status) {
    return new ClauseResult(new ClauseInfo(id, Level.MUST, "s", "src", "openai", "C", "m"), status, null, List.of(), Map.of(),
        0, null);
  }
}
