package dev.llmtck.tck.junit;

import dev.llmtck.fixtures.Pacing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.llmtck.fixtures.openai.VllmSimulator;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * A subclass of {@link OpenAiContractVerification} is green against a conforming platform and red against a
 * broken one: the verification can fail.
 */
class OpenAiContractVerificationTest {

  @Test
  void everyClausePassesAgainstTheReferencePlatform() {
    Events tests = run(AgainstReferencePlatform.class);

    assertThat(tests.failed().count()).as("failed clauses").isZero();
    assertThat(tests.succeeded().count()).isGreaterThan(20);
  }

  @Test
  void mustClausesFailAgainstAPlatformThatDoesNotAnswer() {
    Events tests = run(AgainstNothing.class);

    assertThat(tests.failed().count()).isGreaterThan(10);
    assertThat(tests.succeeded().count()).isZero();
  }

  @Test
  void theApiKeyNeverAppearsInAFailure() {
    Events tests = run(AgainstWrongKey.class);

    assertThat(tests.failed().count()).isPositive();
    tests.failed().stream().forEach(event -> assertThat(String.valueOf(
        event.getPayload(org.junit.platform.engine.TestExecutionResult.class)
            .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable).orElse(null)))
        .doesNotContain(AgainstWrongKey.KEY));
  }

  private static Events run(Class<?> verification) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(verification)).execute().testEvents();
  }

  static class AgainstReferencePlatform extends OpenAiContractVerification {
    static final VllmSimulator PLATFORM = VllmSimulator.builder().apiKey("ref-key").servedModelNames("ref")
        .maxModelLen(65536)
        .toolCalling("mistral").pacing(Pacing.of(Duration.ofMillis(20), Duration.ofMillis(5))).start();

    @Override
    protected String baseUrl() {
      return PLATFORM.baseUrl().toString();
    }

    @Override
    protected String model() {
      return "ref";
    }

    @Override
    protected String apiKey() {
      return "ref-key";
    }

    @Override
    protected Set<String> capabilities() {
      return Set.of("tools");
    }

  }

  static class AgainstNothing extends OpenAiContractVerification {
    @Override
    protected String baseUrl() {
      return "http://127.0.0.1:9/v1";
    }

    @Override
    protected String model() {
      return "none";
    }

    @Override
    protected int timeoutSeconds() {
      return 2;
    }
  }

  static class AgainstWrongKey extends AgainstReferencePlatform {
    static final String KEY = "wrong-key-8d2e7a";

    @Override
    protected String apiKey() {
      return KEY;
    }
  }
}
