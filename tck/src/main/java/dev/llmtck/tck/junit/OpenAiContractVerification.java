package dev.llmtck.tck.junit;

import dev.llmtck.tck.openai.OpenAiSettings;
import dev.llmtck.tck.platform.CommonSettings;
import dev.llmtck.tck.clause.Level;
import dev.llmtck.tck.runner.ClauseResult;
import dev.llmtck.tck.runner.ClauseRunner;
import dev.llmtck.tck.runner.ClauseStatus;
import dev.llmtck.tck.runner.RunResult;
import dev.llmtck.tck.runner.Target;
import dev.llmtck.tck.runner.Waivers;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.TestAbortedException;

/**
 * The whole OpenAI contract (every {@code OAI-*} clause) as a JUnit Jupiter test of your own, in the style of the
 * Reactive Streams TCK: subclass it, start your platform (for instance in a container), and say where it is.
 * Every clause becomes one dynamic test named by its id and statement: a MUST clause that fails fails its test
 * with the clause's evidence in the message; a clause that does not apply, or a SHOULD clause that fails,
 * is reported as aborted (skipped) with the reason, unless {@link #shouldClausesFail()} says otherwise.
 *
 * <pre>{@code
 * class MyPlatformContractTest extends OpenAiContractVerification {
 *   static MyServer server = MyServer.start();
 *   protected String baseUrl() { return server.url() + "/v1"; }
 *   protected String model() { return "my-model"; }
 *   protected String apiKey() { return server.key(); }
 *   protected Set<String> capabilities() { return Set.of("tools"); }
 * }
 * }</pre>
 *
 * <p>For a {@code VllmContainer}, {@link VllmContainerVerification} fills these in from the container.
 */
public abstract class OpenAiContractVerification {

  /** The OpenAI-compatible base URL, ending in {@code /v1}. */
  protected abstract String baseUrl();

  /** The served model name to certify. */
  protected abstract String model();

  /** The API key the platform expects, or null when it has none. Never printed. */
  protected String apiKey() {
    return null;
  }

  /** Optional capabilities the platform has (e.g. {@code tools}); clauses needing others are skipped. */
  protected Set<String> capabilities() {
    return Set.of();
  }

  /** Per-request timeout in seconds. */
  protected int timeoutSeconds() {
    return 60;
  }

  /** Further {@code llmtck.*} settings (see {@code TargetKeys}), e.g. the expected vLLM version. */
  protected Map<String, String> settings() {
    return Map.of();
  }

  /** Whether a failed SHOULD clause fails its test (by default it is reported as aborted, with the reason). */
  protected boolean shouldClausesFail() {
    return false;
  }

  /** Runs every clause of the OpenAI contract against the platform; one dynamic test per clause. */
  @TestFactory
  Stream<DynamicTest> openAiContract() {
    RunResult run = ClauseRunner.of(dev.llmtck.tck.platform.Platforms.byId("openai").orElseThrow())
        .run(target(), Waivers.none(), dev.llmtck.tck.runner.ClauseProgress.SILENT, "junit");
    Assertions.assertFalse(run.results().isEmpty(), "no clauses found: is the OpenAI contract on the classpath?");
    return run.results().stream().map(result -> DynamicTest.dynamicTest(
        result.clause().id() + " " + result.clause().statement(), () -> verdict(result)));
  }

  Target target() {
    Map<String, String> settings = new LinkedHashMap<>(settings());
    settings.put(OpenAiSettings.BASE_URL.key(), baseUrl());
    settings.put(OpenAiSettings.MODEL.key(), model());
    settings.put(CommonSettings.TIMEOUT_SECONDS.key(), String.valueOf(timeoutSeconds()));
    if (!capabilities().isEmpty()) {
      settings.put(CommonSettings.CAPABILITIES.key(), String.join(",", capabilities()));
    }
    Set<String> secretKeys = new LinkedHashSet<>();
    String key = apiKey();
    if (key != null) {
      settings.put(OpenAiSettings.API_KEY.key(), key);
      secretKeys.add(OpenAiSettings.API_KEY.key());
    }
    return new Target("openai", getClass().getSimpleName(), settings, secretKeys);
  }

  private void verdict(ClauseResult result) {
    ClauseStatus status = result.status();
    if (status == ClauseStatus.PASSED) {
      return;
    }
    String why = result.clause().id() + " (" + result.clause().level() + "): " + result.message();
    if (status == ClauseStatus.FAILED && (result.clause().level() == Level.MUST || shouldClausesFail())) {
      Assertions.fail(why + evidence(result));
    }
    throw new TestAbortedException(status.reportName() + ": " + why);
  }

  private static String evidence(ClauseResult result) {
    if (result.evidence().isEmpty()) {
      return "";
    }
    StringBuilder text = new StringBuilder("\nevidence (secrets removed):");
    result.evidence().forEach(exchange -> text.append("\n  ").append(exchange));
    return text.toString();
  }
}
