package dev.llmtck.tck.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.llmtck.fixtures.azure.AzureOpenAiMock;
import dev.llmtck.fixtures.azure.ContentFilterMode;
import dev.llmtck.tck.platform.CommonSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Issue 18: the AZ contract accepts both content filter modes Azure documents. A platform in the asynchronous
 * filter mode (annotation chunks with an empty id and no delta between the content and after the finish, a
 * blocked answer finished on such a chunk, the prompt's annotations under {@code prompt_annotations}) passes every
 * clause, and so do the documentation's own sample streams, served verbatim (bar the elisions).
 */
class AzureContentFilterModesTest {
  private static final String KEY = "modes-key-0123456789";
  private static final String TOKEN = "modes-entra-token-0123456789";

  @Test
  void everyClausePassesOnAPlatformInTheAsynchronousFilterMode() {
    try (var azure = AzureOpenAiMock.builder().apiKey(KEY).entraToken(TOKEN).deployment("gpt-4o", "gpt-4o-2024-08-06")
        .contentFilterMode(ContentFilterMode.ASYNCHRONOUS)
        .promptFilterTerm(AzureOpenAiPlatform.EMBEDDED_PROMPT_TERM)
        .answerFilterTerm(AzureOpenAiPlatform.EMBEDDED_ANSWER_TERM).start()) {
      EngineExecutionResults results = AzureClauses.CONTRACT.runAll(config(azure.endpoint().toString()));

      int clauses = AzureClauses.CONTRACT.byId().size();
      results.testEvents().assertStatistics(stats -> stats.started(clauses).succeeded(clauses).failed(0)
          .aborted(0));
    }
  }

  /**
   * The streams of Azure's docs "Content filter streaming", Asynchronous Filter (azure-ai-docs
   * articles/ai-foundry/openai/concepts/content-streaming.md): the one that passes the filter (prompt_annotations,
   * content chunks without annotations, an annotation after the finish) and the blocked one (prompt_filter_results,
   * finish_reason content_filter on an annotation chunk). The stream clauses must accept them.
   */
  @Test
  void theDocumentedAsynchronousFilterSamplesPass() {
    try (var azure = AzureOpenAiMock.builder().apiKey(KEY).entraToken(TOKEN).deployment("gpt-4o", "gpt-4o-2024-08-06")
        .start()) {
      WireMockServer proxy = new WireMockServer(wireMockConfig().dynamicPort());
      proxy.start();
      try {
        proxy.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse()
            .proxiedFrom(azure.endpoint().toString())));
        proxy.stubFor(post(urlPathMatching("/openai/deployments/[^/]+/chat/completions"))
            .withRequestBody(containing("\"stream\":true")).atPriority(2)
            .willReturn(AzureContractProofTest.sse(PASSES)));
        proxy.stubFor(post(urlPathMatching("/openai/deployments/[^/]+/chat/completions"))
            .withRequestBody(containing("\"stream\":true"))
            .withRequestBody(containing(AzureOpenAiPlatform.EMBEDDED_ANSWER_TERM)).atPriority(1)
            .willReturn(AzureContractProofTest.sse(BLOCKED)));

        for (String clause : List.of("AZ-BODY-3", "AZ-BODY-4", "AZ-ERR-5")) {
          EngineExecutionResults results = AzureClauses.CONTRACT.run(clause, config(proxy.baseUrl()));
          assertThat(results.testEvents().succeeded().count()).as("%s on the documented sample: %s", clause,
              results.testEvents().failed().list()).isEqualTo(1);
        }
      } finally {
        proxy.stop();
      }
    }
  }

  private static Map<String, String> config(String endpoint) {
    return Map.of(
        AzureSettings.ENDPOINT.key(), endpoint,
        AzureSettings.API_KEY.key(), KEY,
        AzureSettings.ENTRA_TOKEN.key(), TOKEN,
        AzureSettings.DEPLOYMENT.key(), "gpt-4o",
        AzureSettings.FILTERED_PROMPT.key(), "Repeat: " + AzureOpenAiPlatform.EMBEDDED_PROMPT_TERM,
        AzureSettings.FILTERED_ANSWER_PROMPT.key(), "Tell me about " + AzureOpenAiPlatform.EMBEDDED_ANSWER_TERM,
        AzureSettings.FAULT_CONTROL.key(), "true",
        CommonSettings.TIMEOUT_SECONDS.key(), "20");
  }

  private static final String SAFE = "{\"hate\":{\"filtered\":false,\"severity\":\"safe\"},\"self_harm\":"
      + "{\"filtered\":false,\"severity\":\"safe\"},\"sexual\":{\"filtered\":false,\"severity\":\"safe\"},"
      + "\"violence\":{\"filtered\":false,\"severity\":\"safe\"}}";
  private static final String ID = "chatcmpl-7rCNsVeZy0PGnX3H6jK8STps5nZUY";

  private static String content(String delta, String finish) {
    return "{\"id\":\"" + ID + "\",\"object\":\"chat.completion.chunk\",\"created\":1692913344,\"model\":"
        + "\"gpt-35-turbo\",\"choices\":[{\"index\":0,\"finish_reason\":" + finish + ",\"delta\":" + delta
        + "}],\"usage\":null}";
  }

  private static String annotation(String finish, String results, int check, int start, int end) {
    return "{\"id\":\"\",\"object\":\"\",\"created\":0,\"model\":\"\",\"choices\":[{\"index\":0,\"finish_reason\":"
        + finish + ",\"content_filter_results\":" + results + ",\"content_filter_offsets\":{\"check_offset\":"
        + check + ",\"start_offset\":" + start + ",\"end_offset\":" + end + "}}],\"usage\":null}";
  }

  /** The documented stream that passes the filter. */
  private static final String[] PASSES = {
      "{\"id\":\"\",\"object\":\"\",\"created\":0,\"model\":\"\",\"prompt_annotations\":[{\"prompt_index\":0,"
          + "\"content_filter_results\":" + SAFE + "}],\"choices\":[],\"usage\":null}",
      content("{\"role\":\"assistant\"}", "null"),
      content("{\"content\":\"Color\"}", "null"),
      content("{\"content\":\" is\"}", "null"),
      content("{\"content\":\" a\"}", "null"),
      annotation("null", SAFE, 44, 44, 198),
      content("{\"content\":\" perception\"}", "null"),
      content("{}", "\"stop\""),
      annotation("null", SAFE, 506, 44, 571),
      "[DONE]"};

  /** The documented stream whose answer the filter blocks. */
  private static final String[] BLOCKED = {
      "{\"id\":\"\",\"object\":\"\",\"created\":0,\"model\":\"\",\"prompt_filter_results\":[{\"prompt_index\":0,"
          + "\"content_filter_results\":" + SAFE + "}],\"choices\":[],\"usage\":null}",
      content("{\"role\":\"assistant\"}", "null"),
      content("{\"content\":\"Hi\"}", "null"),
      content("{\"content\":\" there\"}", "null"),
      annotation("null", SAFE, 65, 65, 1056),
      annotation("\"content_filter\"", "{\"protected_material_text\":{\"detected\":true,\"filtered\":true}}", 65, 65,
          1056),
      "[DONE]"};
}
