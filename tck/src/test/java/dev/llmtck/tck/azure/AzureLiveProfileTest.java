package dev.llmtck.tck.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmtck.tck.clause.Clause;
import dev.llmtck.tck.clause.Level;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * The Azure contract against a real Azure OpenAI resource, when the environment names one
 * ({@code AZURE_OPENAI_ENDPOINT}, {@code AZURE_OPENAI_API_KEY}, {@code AZURE_OPENAI_DEPLOYMENT}, optionally
 * {@code AZURE_OPENAI_API_VERSION}); skipped, with that reason, when it does not. Every MUST clause has to pass.
 */
class AzureLiveProfileTest {

  @Test
  void realResourceMeetsEveryMustClause() {
    Map<String, String> env = System.getenv();
    List<String> missing = List.of("AZURE_OPENAI_ENDPOINT", "AZURE_OPENAI_API_KEY", "AZURE_OPENAI_DEPLOYMENT")
        .stream().filter(name -> env.getOrDefault(name, "").isBlank()).toList();
    Assumptions.assumeTrue(missing.isEmpty(), "no real Azure OpenAI resource to certify: set " + missing);
    Map<String, String> config = new HashMap<>();
    config.put(AzureSettings.ENDPOINT.key(), env.get("AZURE_OPENAI_ENDPOINT"));
    config.put(AzureSettings.API_KEY.key(), env.get("AZURE_OPENAI_API_KEY"));
    config.put(AzureSettings.DEPLOYMENT.key(), env.get("AZURE_OPENAI_DEPLOYMENT"));
    if (!env.getOrDefault("AZURE_OPENAI_API_VERSION", "").isBlank()) {
      config.put(AzureSettings.API_VERSION.key(), env.get("AZURE_OPENAI_API_VERSION"));
    }

    List<Event> failed = EngineTestKit.engine("junit-jupiter")
        .selectors(AzureClauses.CONTRACT.selectors())
        .configurationParameters(config)
        .execute().testEvents().failed().list();

    List<String> failedMust = failed.stream()
        .map(e -> ((MethodSource) e.getTestDescriptor().getSource().orElseThrow()).getJavaMethod()
            .getAnnotation(Clause.class))
        .filter(clause -> clause.level() == Level.MUST).map(Clause::id).toList();
    assertThat(failedMust).as("MUST clauses the real resource fails").isEmpty();
  }
}
