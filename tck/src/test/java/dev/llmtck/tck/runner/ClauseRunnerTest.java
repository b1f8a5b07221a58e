package dev.llmtck.tck.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The runner lists every clause, even those whose class failed before they could run. */
class ClauseRunnerTest {

  @Test
  void clauseWhoseClassFailedToStartFailsWithTheClassReason() {
    List<ClauseResult> results = ClauseRunner.of(List.of(dev.llmtck.tck.runner.fakebroken.UnstartableClauses.class))
        .run(new Target("openai", null, Map.of(), Set.of()), Waivers.none(), ClauseProgress.SILENT, "test")
        .results();

    assertThat(results).singleElement().satisfies(result -> {
      assertThat(result.clause().id()).isEqualTo("FAKE-SETUP-1");
      assertThat(result.status()).isEqualTo(ClauseStatus.FAILED);
      assertThat(result.message()).startsWith("not run: UnstartableClauses: ")
          .contains("IllegalStateException: the target could not be set up");
    });
  }

  @Test
  void packageWithoutClausesGivesNoResults() {
    assertThat(ClauseRunner.of(List.<Class<?>>of()).run(new Target("openai", null, Map.of(), Set.of()),
        Waivers.none(), ClauseProgress.SILENT, "test").results()).isEmpty();
  }
}
