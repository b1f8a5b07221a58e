package dev.llmtck.tck.azure;

import static dev.llmtck.tck.azure.AzureErrorObject.abbreviate;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmtck.tck.clause.Clause;
import dev.llmtck.tck.clause.Level;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;

/**
 * What Azure answers: OpenAI's chat completion object with Azure's content filter annotations, and streams that
 * may open with an annotations-only chunk and, in the asynchronous filter mode, carry annotation chunks between and
 * after the content ({@link AzureStream}). Source: Azure's inference spec 2024-10-21
 * ({@code createChatCompletionResponse}, {@code createChatCompletionStreamResponse}, {@code promptFilterResults},
 * {@code contentFilterChoiceResults}) and Azure's docs "Content filter streaming".
 */
@AzureContract
public class AzureBodyClauses {
  private static final Set<String> FINISH_REASONS = Set.of("stop", "length", "content_filter", "tool_calls");
  private static final Set<String> SEVERITIES = Set.of("safe", "low", "medium", "high");

  @Clause(id = "AZ-BODY-1", level = Level.MUST,
      statement = "a chat completion has object chat.completion, string id, integer created, a string model, "
          + "choices[0].message with role assistant and string content, a known finish_reason, and integer usage "
          + "with total_tokens = prompt_tokens + completion_tokens",
      source = AzureSources.INFERENCE + "; createChatCompletionResponse (model is the deployed model's name, "
          + "not the deployment's); OAI-CHAT-1..3")
  void chatCompletionHasTheOpenAiShape(AzureTarget target, AzureClient client) {
    AzureClient.Reply reply = client.post(target.deploymentPath("chat/completions"),
        AzureRequests.chatJson("Name three colours.", 32));
    assertThat(reply.status()).as("status (body: %s)", abbreviate(reply.body())).isEqualTo(200);
    JsonNode body = reply.json();
    JsonNode choice = body.path("choices").path(0);
    JsonNode usage = body.path("usage");

    var soft = new SoftAssertions();
    soft.assertThat(body.path("object").asText()).as("object").isEqualTo("chat.completion");
    soft.assertThat(body.path("id").isTextual()).as("id is a string").isTrue();
    soft.assertThat(body.path("created").isIntegralNumber()).as("created is an integer").isTrue();
    soft.assertThat(body.path("model").asText("")).as("model").isNotBlank();
    soft.assertThat(choice.path("message").path("role").asText()).as("choices[0].message.role")
        .isEqualTo("assistant");
    soft.assertThat(choice.path("message").path("content").isTextual()).as("choices[0].message.content is a string")
        .isTrue();
    soft.assertThat(choice.path("finish_reason").asText()).as("choices[0].finish_reason").isIn(FINISH_REASONS);
    for (String field : List.of("prompt_tokens", "completion_tokens", "total_tokens")) {
      soft.assertThat(usage.path(field).isIntegralNumber()).as("usage.%s is an integer", field).isTrue();
    }
    soft.assertThat(usage.path("total_tokens").asLong()).as("usage.total_tokens = prompt_tokens + completion_tokens")
        .isEqualTo(usage.path("prompt_tokens").asLong() + usage.path("completion_tokens").asLong());
    soft.assertAll();
  }

  @Clause(id = "AZ-BODY-2", level = Level.SHOULD,
      statement = "a chat completion carries prompt_filter_results (prompt_index, content_filter_results) and "
          + "per choice content_filter_results; severity categories have boolean filtered and severity "
          + "safe|low|medium|high",
      source = AzureSources.INFERENCE + "; promptFilterResults, contentFilterSeverityResult; Azure docs "
          + "\"Content filtering annotations\"")
  void chatCompletionCarriesContentFilterAnnotations(AzureTarget target, AzureClient client) {
    AzureClient.Reply reply = client.post(target.deploymentPath("chat/completions"),
        AzureRequests.chatJson("Name three colours.", 32));
    assertThat(reply.status()).as("status (body: %s)", abbreviate(reply.body())).isEqualTo(200);
    JsonNode body = reply.json();
    JsonNode prompt = body.path("prompt_filter_results");

    var soft = new SoftAssertions();
    soft.assertThat(prompt.isArray() && !prompt.isEmpty()).as("prompt_filter_results is a non-empty array").isTrue();
    soft.assertThat(prompt.path(0).path("prompt_index").isIntegralNumber()).as("prompt_index is an integer").isTrue();
    checkResults(soft, "prompt_filter_results[0].content_filter_results",
        prompt.path(0).path("content_filter_results"));
    checkResults(soft, "choices[0].content_filter_results",
        body.path("choices").path(0).path("content_filter_results"));
    soft.assertAll();
  }

  @Clause(id = "AZ-BODY-3", level = Level.MUST,
      statement = "with stream: true the answer is text/event-stream of data: <json> events ending with "
          + "data: [DONE]; content chunks (choices with a delta) are chat.completion.chunk sharing one id; "
          + "annotation-only chunks may come between them: choices: [] with the prompt's annotations first, and in "
          + "the asynchronous filter mode choices without delta carrying content_filter_results/offsets, also after "
          + "the finish; exactly one finish_reason, on the last content chunk (or content_filter on an annotation "
          + "chunk)",
      source = AzureSources.INFERENCE + "; createChatCompletionStreamResponse; "
          + AzureSources.CONTENT_STREAMING + " (default mode: prompt annotation message with empty choices; Asynchronous Filter: "
          + "annotation messages with empty id and no delta, one after the finish_reason chunk, and a blocked "
          + "answer's finish_reason content_filter on one); OAI-STREAM-1/2")
  void streamIsWellFramed(AzureTarget target, AzureClient client) {
    AzureStream stream = AzureStream.expectWellFramed(client.stream(target.deploymentPath("chat/completions"),
        AzureRequests.streamJson("Count from one to five.", 32)));
    client.note("llmtck.azure.contentFilterMode", stream.asynchronousFilter() ? "asynchronous" : "default");

    List<AzureStream.Chunk> content = stream.of(AzureStream.Kind.CONTENT);
    assertThat(content).as("content chunks (choices with a delta)").isNotEmpty();
    var soft = new SoftAssertions();
    String id = content.get(0).json().path("id").asText();
    soft.assertThat(id).as("the content chunks' id").isNotBlank();
    for (AzureStream.Chunk chunk : content) {
      soft.assertThat(chunk.json().path("object").asText()).as("event %d object", chunk.position())
          .isEqualTo("chat.completion.chunk");
      soft.assertThat(chunk.json().path("id").asText()).as("event %d id", chunk.position()).isEqualTo(id);
    }
    soft.assertAll();
    String finish = stream.expectOneFinish(0);
    assertThat(finish).as("finish_reason").isIn(FINISH_REASONS);
    assertThat(stream.text(0)).as("concatenated delta.content").isNotBlank();
  }

  @Clause(id = "AZ-BODY-4", level = Level.SHOULD,
      statement = "a stream carries the prompt's annotations (prompt_filter_results, or prompt_annotations as in "
          + "the asynchronous filter's documented sample) in a chunk whose choices is empty, before the content",
      source = AzureSources.CONTENT_STREAMING + ", prompt annotation message (prompt_filter_results in the "
          + "default mode and the blocked sample, prompt_annotations in the asynchronous filter's passing sample); "
          + AzureSources.INFERENCE + "; promptFilterResults (\"in a streaming request, results for different prompts may arrive at "
          + "different times\")")
  void streamCarriesPromptAnnotations(AzureTarget target, AzureClient client) {
    AzureStream stream = AzureStream.expectWellFramed(client.stream(target.deploymentPath("chat/completions"),
        AzureRequests.streamJson("Count from one to five.", 32)));

    Optional<AzureStream.Chunk> annotations = stream.promptAnnotationsBeforeContent();
    client.note("llmtck.azure.promptAnnotationsKey", annotations.map(AzureStream::promptKey).orElse("none"));
    assertThat(annotations).as("an empty-choices chunk with prompt_filter_results or prompt_annotations before the "
        + "first content chunk").isPresent();
  }

  @Clause(id = "AZ-BODY-5", level = Level.MUST,
      statement = "max_tokens N gives at most N completion tokens, and finish_reason length when the answer is cut",
      source = AzureSources.INFERENCE + "; createChatCompletionRequest.max_tokens; OAI-CHAT-2")
  void maxTokensIsHonoured(AzureTarget target, AzureClient client) {
    AzureClient.Reply reply = client.post(target.deploymentPath("chat/completions"),
        AzureRequests.chatJson("Write a long essay about the history of the bicycle.", 5));
    assertThat(reply.status()).as("status (body: %s)", abbreviate(reply.body())).isEqualTo(200);
    JsonNode body = reply.json();
    long completionTokens = body.path("usage").path("completion_tokens").asLong(Long.MAX_VALUE);

    assertThat(completionTokens).as("usage.completion_tokens with max_tokens 5").isLessThanOrEqualTo(5);
    if (completionTokens == 5) {
      assertThat(body.path("choices").path(0).path("finish_reason").asText()).as("finish_reason when cut")
          .isEqualTo("length");
    }
  }

  private static void checkResults(SoftAssertions soft, String where, JsonNode results) {
    soft.assertThat(results.isObject()).as("%s is an object", where).isTrue();
    for (String category : List.of("hate", "self_harm", "sexual", "violence")) {
      JsonNode result = results.path(category);
      if (result.isMissingNode()) {
        continue; // categories may be omitted; the ones present must be well formed
      }
      soft.assertThat(result.path("filtered").isBoolean()).as("%s.%s.filtered is a boolean", where, category)
          .isTrue();
      soft.assertThat(result.path("severity").asText()).as("%s.%s.severity", where, category).isIn(SEVERITIES);
    }
    soft.assertThat(results.has("hate") || results.has("violence") || results.has("sexual")
        || results.has("self_harm")).as("%s names at least one severity category", where).isTrue();
  }
}
