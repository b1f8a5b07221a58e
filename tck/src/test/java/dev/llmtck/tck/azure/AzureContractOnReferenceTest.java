package dev.llmtck.tck.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmtck.tck.evidence.Evidence;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

/** With no endpoint configured, the Azure contract certifies the embedded reference mock, and it passes whole. */
class AzureContractOnReferenceTest {

  private static EngineExecutionResults runAll(Map<String, String> config) {
    return AzureClauses.CONTRACT.runAll(config);
  }

  @Test
  void everyClausePassesOnTheEmbeddedMock() {
    EngineExecutionResults results = runAll(Map.of());

    results.testEvents().assertStatistics(stats -> stats
        .started(AzureClauses.CONTRACT.byId().size()).succeeded(AzureClauses.CONTRACT.byId().size()).failed(0).aborted(0));
  }

  @Test
  void evidenceNeverCarriesTheKeyAndTheGitLabValuesArePublished() {
    EngineExecutionResults results = runAll(Map.of());

    List<Map<String, String>> entries = results.allEvents().reportingEntryPublished().stream()
        .map(e -> e.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs()).toList();
    assertThat(entries).anySatisfy(e -> assertThat(e).containsEntry("llmtck.gitlab.model", "azure/gpt-4o"));
    assertThat(entries).filteredOn(e -> e.containsKey(Evidence.KEY)).isNotEmpty()
        .allSatisfy(e -> assertThat(e.get(Evidence.KEY)).doesNotContain("embedded-")
            .doesNotContain("llmtck-wrong-key"));
  }

  @Test
  void anIncompleteTargetIsSkippedWithAReasonNotFailed() {
    EngineExecutionResults results = runAll(Map.of(AzureSettings.ENDPOINT.key(), "https://example.invalid"));

    results.testEvents().assertStatistics(stats -> stats.failed(0).succeeded(0));
    List<Event> aborted = results.testEvents().aborted().list();
    assertThat(aborted).hasSize(AzureClauses.CONTRACT.byId().size());
    assertThat(aborted.get(0).getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
        .getThrowable().orElseThrow()).hasMessageContaining(AzureSettings.API_KEY.key());
    assertThat(results.allEvents().list()).noneMatch(e -> e.getType() == EventType.DYNAMIC_TEST_REGISTERED);
  }
}
