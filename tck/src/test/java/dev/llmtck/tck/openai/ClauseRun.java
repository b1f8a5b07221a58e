package dev.llmtck.tck.openai;

import dev.llmtck.tck.platform.CommonSettings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.llmtck.tck.clause.Clause;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Runs exactly one clause method through the JUnit Platform, against a target given by configuration
 * parameters, and checks its outcome: how the proofs show a clause fails on a broken platform.
 */
final class ClauseRun {

  private final Method method;
  private final Map<String, String> configuration = new HashMap<>();
  private EngineExecutionResults results;

  private ClauseRun(Method method) {
    this.method = method;
  }

  /** The clause with this identifier, found among the contract classes. */
  static ClauseRun of(String clauseId) {
    return new ClauseRun(ContractClasses.clauseMethods().stream()
        .filter(m -> m.getAnnotation(Clause.class).id().equals(clauseId)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no clause " + clauseId)));
  }

  /** Points the run at a target: base URL, key (may be null), model, declared capabilities. */
  ClauseRun against(String baseUrl, String apiKey, String model, String... capabilities) {
    configuration.put(OpenAiSettings.BASE_URL.key(), baseUrl);
    if (apiKey != null) {
      configuration.put(OpenAiSettings.API_KEY.key(), apiKey);
    }
    configuration.put(OpenAiSettings.MODEL.key(), model);
    configuration.put(CommonSettings.CAPABILITIES.key(), String.join(",", capabilities));
    configuration.putIfAbsent(CommonSettings.TIMEOUT_SECONDS.key(), "10");
    return this;
  }

  ClauseRun with(String key, String value) {
    configuration.put(key, value);
    return this;
  }

  /** Asserts the clause failed, with a message carrying its id and every fragment given; returns the message. */
  String assertFailsWith(String... fragments) {
    Event finished = finishedTest();
    TestExecutionResult result = finished.getRequiredPayload(TestExecutionResult.class);
    assertThat(result.getStatus()).as("outcome of %s", describe()).isEqualTo(TestExecutionResult.Status.FAILED);
    String message = result.getThrowable().map(Throwable::getMessage).orElse("");
    assertThat(message).as("failure message of %s", describe())
        .startsWith(method.getAnnotation(Clause.class).id() + ":")
        .contains(Arrays.asList(fragments));
    return message;
  }

  /** Asserts the clause passed, quoting the failure otherwise. */
  void assertPasses() {
    TestExecutionResult result = finishedTest().getRequiredPayload(TestExecutionResult.class);
    assertThat(result.getStatus())
        .withFailMessage("%s did not pass: %s", describe(),
            result.getThrowable().map(Throwable::toString).orElse(result.getStatus().toString()))
        .isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
  }

  /**
   * Asserts the clause itself (not just its class: reports count clauses) was skipped or aborted, for a reason
   * containing the fragment.
   */
  void assertSkippedBecause(String fragment) {
    run();
    List<Event> skipped = results.testEvents().skipped().list();
    if (!skipped.isEmpty()) {
      assertThat(skipped.get(0).getRequiredPayload(String.class)).contains(fragment);
      return;
    }
    TestExecutionResult result = finishedTest().getRequiredPayload(TestExecutionResult.class);
    assertThat(result.getStatus()).as("outcome of %s", describe()).isEqualTo(TestExecutionResult.Status.ABORTED);
    assertThat(result.getThrowable().map(Throwable::getMessage).orElse("")).contains(fragment);
  }

  /** The report entries the clause published under a key. */
  List<String> reportEntries(String key) {
    run();
    return results.allEvents().reportingEntryPublished().map(event -> event.getRequiredPayload(ReportEntry.class))
        .map(ReportEntry::getKeyValuePairs).filter(pairs -> pairs.containsKey(key)).map(pairs -> pairs.get(key))
        .toList();
  }

  private Event finishedTest() {
    run();
    List<Event> finished = results.testEvents().finished().list();
    assertThat(finished).as("tests run for %s (skipped: %s)", describe(),
        results.testEvents().skipped().map(e -> e.getPayload(String.class).orElse("")).toList()).hasSize(1);
    return finished.get(0);
  }

  private void run() {
    if (results == null) {
      results = EngineTestKit.engine("junit-jupiter")
          .enableImplicitConfigurationParameters(false)
          .configurationParameters(configuration)
          .selectors(selectMethod(method.getDeclaringClass(), method))
          .execute();
    }
  }

  private String describe() {
    return method.getAnnotation(Clause.class).id() + " (" + method.getDeclaringClass().getSimpleName() + "."
        + method.getName() + ")";
  }
}
