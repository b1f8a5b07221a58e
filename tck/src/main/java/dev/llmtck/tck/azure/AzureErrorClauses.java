package dev.llmtck.tck.azure;

import static dev.llmtck.tck.azure.AzureErrorObject.abbreviate;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmtck.tck.clause.Clause;
import dev.llmtck.tck.clause.Level;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Assumptions;

/**
 * How Azure refuses: the content filter's 400 with its inner error, a filtered answer's finish reason,
 * throttling's {@code Retry-After}, and 400 error objects for bad input.
 */
@AzureContract
public class AzureErrorClauses {

  @Clause(id = "AZ-ERR-1", level = Level.MUST,
      statement = "a prompt the content filter refuses answers 400 with error.code content_filter and an inner "
          + "error with code ResponsibleAIPolicyViolation (innererror as the service sends it, or the spec's "
          + "inner_error)",
      source = AzureSources.INFERENCE + "; error.inner_error / innerErrorCode; Azure docs \"Content "
          + "filtering\" (the service sends innererror with content_filter_result)")
  void filteredPromptIsRefused(AzureTarget target, AzureClient client) {
    String prompt = target.filteredPrompt().orElse(null);
    Assumptions.assumeTrue(prompt != null, "no prompt known to be filtered by this target: set "
        + AzureSettings.FILTERED_PROMPT.key() + " to one its content filter refuses");
    AzureClient.Reply reply = client.post(target.deploymentPath("chat/completions"),
        AzureRequests.chatJson(prompt, 16));

    JsonNode error = AzureErrorObject.assertError(reply, 400, "a filtered prompt");
    assertThat(error.path("code").asText()).as("error.code").isEqualTo("content_filter");
    JsonNode inner = error.has("innererror") ? error.path("innererror") : error.path("inner_error");
    client.note("llmtck.azure.innerErrorField", error.has("innererror") ? "innererror"
        : error.has("inner_error") ? "inner_error" : "absent");
    assertThat(inner.path("code").asText()).as("innererror.code").isEqualTo("ResponsibleAIPolicyViolation");
  }

  @Clause(id = "AZ-ERR-2", level = Level.MUST,
      statement = "an answer the content filter stops has finish_reason content_filter",
      source = AzureSources.INFERENCE + "; finish_reason enum (content_filter); Azure docs \"Content "
          + "filtering\", scenario: the completion is filtered")
  void filteredAnswerSaysContentFilter(AzureTarget target, AzureClient client) {
    String prompt = target.filteredAnswerPrompt().orElse(null);
    Assumptions.assumeTrue(prompt != null, "no prompt known to get a filtered answer from this target: set "
        + AzureSettings.FILTERED_ANSWER_PROMPT.key());
    AzureClient.Reply reply = client.post(target.deploymentPath("chat/completions"),
        AzureRequests.chatJson(prompt, 64));

    assertThat(reply.status()).as("status (body: %s)", abbreviate(reply.body())).isEqualTo(200);
    assertThat(reply.json().path("choices").path(0).path("finish_reason").asText()).as("choices[0].finish_reason")
        .isEqualTo("content_filter");
  }

  @Clause(id = "AZ-ERR-5", level = Level.MUST,
      statement = "a streamed answer the content filter stops ends with finish_reason content_filter, on its last "
          + "content chunk (default mode) or on an annotation chunk (asynchronous filter), then data: [DONE]",
      source = AzureSources.CONTENT_STREAMING + " (default mode; Asynchronous Filter: the blocked sample ends "
          + "with finish_reason content_filter on an annotation chunk with empty id and no delta); Azure docs "
          + "\"Content filtering\", scenario: streaming completion is filtered")
  void filteredStreamSaysContentFilter(AzureTarget target, AzureClient client) {
    String prompt = target.filteredAnswerPrompt().orElse(null);
    Assumptions.assumeTrue(prompt != null, "no prompt known to get a filtered answer from this target: set "
        + AzureSettings.FILTERED_ANSWER_PROMPT.key());
    AzureStream stream = AzureStream.expectWellFramed(client.stream(target.deploymentPath("chat/completions"),
        AzureRequests.streamJson(prompt, 64)));

    client.note("llmtck.azure.contentFilterMode", stream.asynchronousFilter() ? "asynchronous" : "default");
    assertThat(stream.expectOneFinish(0)).as("the filtered stream's finish_reason").isEqualTo("content_filter");
  }

  @Clause(id = "AZ-ERR-3", level = Level.MUST,
      statement = "a throttled request answers 429 with a Retry-After header (whole seconds) and a JSON error "
          + "object",
      source = "Azure OpenAI quotas and limits docs (429 with retry-after); openai-java and LiteLLM honour "
          + "Retry-After")
  void throttlingCarriesRetryAfter(AzureTarget target, AzureClient client) {
    Assumptions.assumeTrue(target.faultControl(), "a 429 cannot be provoked on a real resource without "
        + "exhausting its quota; this clause runs against llmtck's Azure mock (" + AzureSettings.FAULT_CONTROL.key()
        + "=true)");
    // with the target's key: a served mock guards its fault switch with the credentials it accepts
    AzureClient.Reply on = client.post("/llmtck/faults", "{\"type\":\"rate_limit\",\"retryAfterSeconds\":2,"
        + "\"times\":1}");
    assertThat(on.status()).as("switching the mock's rate-limit fault on").isBetween(200, 299);
    try {
      AzureClient.Reply reply = client.post(target.deploymentPath("chat/completions"),
          AzureRequests.chatJson("Say hello.", 16));

      AzureErrorObject.assertError(reply, 429, "a throttled request");
      assertThat(reply.header("Retry-After")).as("Retry-After header")
          .hasValueSatisfying(value -> assertThat(value).matches("\\d+"));
    } finally {
      client.send("DELETE", "/llmtck/faults");
    }
  }

  @Clause(id = "AZ-ERR-4", level = Level.MUST,
      statement = "malformed JSON, a missing messages, an empty messages, an unknown role and a negative "
          + "max_tokens each answer 400 with a JSON error object; never a 5xx, never a hang",
      source = AzureSources.INFERENCE + "; createChatCompletionRequest (messages required, minItems 1; "
          + "roles system/user/assistant/tool/function) and errorResponse")
  void badInputIsA400ErrorObject(AzureTarget target, AzureClient client) {
    var soft = new SoftAssertions();
    for (String body : List.of(
        "{\"messages\": [ {\"role\": \"user\", \"content\": \"llmtck-malformed\"",
        "{\"max_tokens\": 5}",
        "{\"messages\": []}",
        "{\"messages\": [{\"role\": \"llmtck-robot\", \"content\": \"hi\"}]}",
        "{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}], \"max_tokens\": -1}")) {
      AzureClient.Reply reply = client.post(target.deploymentPath("chat/completions"), body);
      soft.assertThat(reply.status()).as("status for %s (body: %s)", body, abbreviate(reply.body())).isEqualTo(400);
      soft.assertThat(reply.json().path("error").path("message").asText(""))
          .as("error.message for %s (body: %s)", body, abbreviate(reply.body())).isNotBlank();
    }
    soft.assertAll();
  }
}
