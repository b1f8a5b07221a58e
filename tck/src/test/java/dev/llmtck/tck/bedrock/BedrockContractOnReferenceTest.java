package dev.llmtck.tck.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmtck.tck.evidence.Evidence;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

/** With nothing configured, the Bedrock contract certifies the embedded reference mock, and it passes whole. */
class BedrockContractOnReferenceTest {

  private static EngineExecutionResults runAll(Map<String, String> config) {
    return BedrockClauses.CONTRACT.runAll(config);
  }

  @Test
  void everyClausePassesOnTheEmbeddedMock() {
    EngineExecutionResults results = runAll(Map.of());

    results.testEvents().failed().list().forEach(e -> System.err.println(e.getTestDescriptor().getDisplayName() + ": "
        + e.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable).orElse(null)));
    int clauses = BedrockClauses.CONTRACT.byId().size();
    results.testEvents().assertStatistics(s -> s.started(clauses).succeeded(clauses).failed(0).aborted(0));
  }

  @Test
  void evidenceNeverCarriesSecretsAndTheGitLabValuesArePublished() {
    EngineExecutionResults results = runAll(Map.of());

    List<Map<String, String>> entries = results.allEvents().reportingEntryPublished().stream()
        .map(e -> e.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs()).toList();
    assertThat(entries).anySatisfy(e -> assertThat(e).containsEntry("llmtck.gitlab.model",
        "bedrock/" + BedrockRuntimePlatform.EMBEDDED_MODEL));
    assertThat(entries).anySatisfy(e -> assertThat(e.get("llmtck.gitlab.environment"))
        .contains("AWS_BEDROCK_RUNTIME_ENDPOINT=http://", "AWS_REGION_NAME=us-east-1"));
    assertThat(entries).filteredOn(e -> e.containsKey(Evidence.KEY)).hasSizeGreaterThan(10)
        .allSatisfy(e -> assertThat(e.get(Evidence.KEY)).doesNotContain("embedded-"))
        .anySatisfy(e -> assertThat(e.get(Evidence.KEY)).contains("\"Authorization\":\"[REDACTED]\"",
            "\"X-Amz-Security-Token\":\"[REDACTED]\""));
  }

  @Test
  void anIncompleteTargetIsSkippedWithAReasonNotFailed() {
    EngineExecutionResults results = runAll(Map.of(BedrockSettings.ENDPOINT.key(), "https://bedrock.example.invalid"));

    results.testEvents().assertStatistics(s -> s.failed(0).succeeded(0));
    List<Event> aborted = results.testEvents().aborted().list();
    // the clauses that need a capability (tools) are skipped before they start, with the same reason
    assertThat(aborted.size() + results.testEvents().skipped().count()).isEqualTo(BedrockClauses.CONTRACT.byId()
        .size());
    assertThat(results.testEvents().skipped().list()).allSatisfy(e -> assertThat(e.getPayload(String.class))
        .hasValueSatisfying(reason -> assertThat(reason).contains(BedrockSettings.ACCESS_KEY_ID.key())));
    assertThat(aborted.get(0).getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow())
        .hasMessageContaining(BedrockSettings.ACCESS_KEY_ID.key());
  }
}
