package dev.llmtck.tck.fidelity;

import dev.llmtck.fixtures.Pacing;
import dev.llmtck.tck.console.NoStackTraceInConsoles;
import org.junit.jupiter.api.extension.ExtendWith;
import dev.llmtck.tck.console.Consoles;
import dev.llmtck.tck.openai.OpenAiSettings;
import dev.llmtck.tck.platform.CommonSettings;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmtck.fixtures.openai.VllmSimulator;
import dev.llmtck.fixtures.openai.ResponseTransformer;
import dev.llmtck.tck.runner.ClauseProgress;
import dev.llmtck.tck.runner.Target;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The differential check finds nothing between the simulator and itself, and finds exactly the one difference of
 * a platform that differs in one way; known differences explain what they match, and a known difference seen
 * nowhere is stale.
 */
@ExtendWith(NoStackTraceInConsoles.class)
class FidelityCheckTest {
  private static final String KEY = "fidelity-key-0123456789";

  @TempDir
  Path directory;

  @Test
  void theSimulatorComparedWithItselfHasNoDifference() throws Exception {
    try (VllmSimulator platform = platform(null)) {
      FidelityCheck.Result result = FidelityCheck.run(target(platform), KnownDifferences.none(),
          ClauseProgress.SILENT, "test");

      assertThat(result.exchanges()).hasSizeGreaterThan(40);
      assertThat(result.mirror().vllmVersion()).isEqualTo("0.32.0");
      assertThat(result.mirror().toolCallParser()).isEqualTo("hermes");
      assertThat(result.withUnexplained()).as("differences").isEmpty();
      assertThat(result.contract().certified()).isTrue();
    }
  }

  @Test
  void aPlatformWithAnExtraFieldDiffersInThatFieldOnly() throws Exception {
    ResponseTransformer extraField = ResponseTransformer.forJson((request, response) ->
        request.path().equals("/v1/chat/completions") ? response.mapBody(body -> ((ObjectNode) body)
            .put("llmtck_extra", "x")) : response);
    try (VllmSimulator platform = platform(extraField)) {
      FidelityCheck.Result result = FidelityCheck.run(target(platform), KnownDifferences.none(),
          ClauseProgress.SILENT, "test");

      Set<String> facts = new java.util.TreeSet<>();
      result.exchanges().forEach(c -> c.unexplained().forEach(d -> facts.add(d.fact())));
      assertThat(facts).containsExactly("$.llmtck_extra");
      assertThat(result.withUnexplained().get(0).unexplained().get(0))
          .isEqualTo(new ShapeDiff("$.llmtck_extra", "string", null));
    }
  }

  @Test
  void knownDifferencesExplainWhatTheyMatchAndAreStaleWhereTheyMatchNothing() throws Exception {
    Path known = directory.resolve("known.yaml");
    Files.writeString(known, """
        known:
          - fact: '\\$\\.llmtck_extra'
            reason: the platform adds a field of its own
          - fact: '\\$\\.never_seen'
            reason: no longer true
        """);
    ResponseTransformer extraField = ResponseTransformer.forJson((request, response) ->
        request.path().equals("/v1/chat/completions") ? response.mapBody(body -> ((ObjectNode) body)
            .put("llmtck_extra", "x")) : response);
    try (VllmSimulator platform = platform(extraField)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int strict = Fidelity.run(target(platform), known, true, directory, Consoles.capture(out), System.err, "test");

      String printed = out.toString(StandardCharsets.UTF_8);
      assertThat(strict).as(printed).isEqualTo(1);
      assertThat(printed).contains("0 unexplained", "explained   $.llmtck_extra",
          "because: the platform adds a field of its own", "STALE known difference", "no longer true")
          .doesNotContain(KEY);
      String report = Files.readString(directory.resolve(FidelityReport.FILE));
      assertThat(report).contains("\"explainedFacts\" : 1", "\"unexplained\" : 0", "\"stale\" : 1")
          .doesNotContain(KEY);
    }
  }

  private static VllmSimulator platform(ResponseTransformer transformer) {
    VllmSimulator.Builder builder = VllmSimulator.builder().apiKey(KEY).servedModelNames("fidelity-model")
        .vllmVersion("0.32.0").toolCalling("hermes").maxModelLen(65536)
        .pacing(Pacing.of(Duration.ofMillis(2), Duration.ofMillis(1)));
    if (transformer != null) {
      builder.transformer(transformer);
    }
    return builder.start();
  }

  private static Target target(VllmSimulator platform) {
    return new Target("openai", "fidelity-test", Map.of(OpenAiSettings.BASE_URL.key(), platform.baseUrl().toString(),
        OpenAiSettings.MODEL.key(), "fidelity-model", OpenAiSettings.API_KEY.key(), KEY, CommonSettings.CAPABILITIES.key(), "tools",
        CommonSettings.TIMEOUT_SECONDS.key(), "20"), Set.of(OpenAiSettings.API_KEY.key()));
  }
}
