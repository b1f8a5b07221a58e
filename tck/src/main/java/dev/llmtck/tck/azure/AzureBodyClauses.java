package dev.llmtck.tck.azure;

import static dev.llmtck.tck.azure.AzureErrorObject.abbreviate;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmtck.tck.clause.Clause;
import dev.llmtck.tck.clause.Level;
import dev.llmtck.tck.sse.SseEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;

/**
 * What Azure answers: OpenAI's chat completion object with Azure's content filter annotations, and streams that
 * may open with an annotations-only chunk. Source: Azure's inference spec 2024-10-21
 * ({@code createChatCompletionResponse}, {@code createChatCompletionStreamResponse}, {@code promptFilterResults},
 * {@code contentFilterChoiceResults}) and Azure's docs "Content filter streaming".
 */
@AzureContract
public class AzureBodyClauses {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> FINISH_REASONS = Set.of("stop", "length", "content_filter", "tool_calls");
  private static final Set<String> SEVERITIES = Set.of("safe", "low", "medium", "high");

  @Clause(id = "AZ-BODY-1", level = Level.MUST,
      statement = "a chat completion has object chat.completion, string id, integer created, a string model, "
          + "choices[0].message with role assistant and string content, a known finish_reason, and integer usage "
          + "with total_tokens = prompt_tokens + completion_tokens",
      source = "Azure inference spec 2024-10-21, createChatCompletionResponse (model is the deployed model's name, "
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
      source = "Azure inference spec 2024-10-21, promptFilterResults, contentFilterSeverityResult; Azure docs "
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
          + "data: [DONE]; chunks with choices are chat.completion.chunk sharing one id; an annotations-only "
          + "chunk with empty choices may come first; exactly one finish_reason, in the last chunk with choices",
      source = "Azure inference spec 2024-10-21, createChatCompletionStreamResponse; Azure docs \"Content filter "
          + "streaming\" (prompt annotation message with empty choices); OAI-STREAM-1/2")
  void streamIsWellFramed(AzureTarget target, AzureClient client) throws IOException {
    AzureClient.Stream stream = client.stream(target.deploymentPath("chat/completions"),
        AzureRequests.streamJson("Count from one to five.", 32));
    assertThat(stream.status()).as("status (body: %s)", abbreviate(stream.errorBody())).isEqualTo(200);
    assertThat(stream.header("Content-Type")).as("Content-Type")
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
    assertThat(stream.violations()).as("server-sent events framing").isEmpty();
    assertThat(stream.events()).as("events").isNotEmpty();
    assertThat(stream.events().get(stream.events().size() - 1).isDone()).as("last event is data: [DONE]").isTrue();

    List<JsonNode> withChoices = new ArrayList<>();
    for (SseEvent event : stream.events().subList(0, stream.events().size() - 1)) {
      JsonNode chunk = JSON.readTree(event.data());
      if (!chunk.path("choices").isEmpty()) {
        withChoices.add(chunk);
      }
    }
    assertThat(withChoices).as("chunks with choices").isNotEmpty();
    var soft = new SoftAssertions();
    String id = withChoices.get(0).path("id").asText();
    var content = new StringBuilder();
    int finishes = 0;
    for (int i = 0; i < withChoices.size(); i++) {
      JsonNode chunk = withChoices.get(i);
      soft.assertThat(chunk.path("object").asText()).as("chunk %d object", i).isEqualTo("chat.completion.chunk");
      soft.assertThat(chunk.path("id").asText()).as("chunk %d id", i).isEqualTo(id);
      JsonNode choice = chunk.path("choices").path(0);
      content.append(choice.path("delta").path("content").asText(""));
      if (!choice.path("finish_reason").isNull() && !choice.path("finish_reason").isMissingNode()) {
        finishes++;
        soft.assertThat(i).as("the chunk with finish_reason is the last chunk with choices")
            .isEqualTo(withChoices.size() - 1);
      }
    }
    soft.assertThat(finishes).as("chunks with a finish_reason").isEqualTo(1);
    soft.assertThat(content.toString()).as("concatenated delta.content").isNotBlank();
    soft.assertAll();
  }

  @Clause(id = "AZ-BODY-4", level = Level.SHOULD,
      statement = "a stream carries prompt_filter_results in a chunk whose choices is empty, before the content",
      source = "Azure docs \"Content filter streaming\", prompt annotation message; spec promptFilterResults "
          + "(\"in a streaming request, results for different prompts may arrive at different times\")")
  void streamCarriesPromptAnnotations(AzureTarget target, AzureClient client) throws IOException {
    AzureClient.Stream stream = client.stream(target.deploymentPath("chat/completions"),
        AzureRequests.streamJson("Count from one to five.", 32));
    assertThat(stream.status()).as("status (body: %s)", abbreviate(stream.errorBody())).isEqualTo(200);

    boolean annotated = false;
    for (SseEvent event : stream.events()) {
      if (event.isDone()) {
        break;
      }
      JsonNode chunk = JSON.readTree(event.data());
      if (chunk.path("choices").isEmpty() && chunk.path("prompt_filter_results").isArray()) {
        annotated = true;
        break;
      }
      if (!chunk.path("choices").path(0).path("delta").path("content").asText("").isEmpty()) {
        break;
      }
    }
    assertThat(annotated).as("an empty-choices chunk with prompt_filter_results before the first content").isTrue();
  }

  @Clause(id = "AZ-BODY-5", level = Level.MUST,
      statement = "max_tokens N gives at most N completion tokens, and finish_reason length when the answer is cut",
      source = "Azure inference spec 2024-10-21, createChatCompletionRequest.max_tokens; OAI-CHAT-2")
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
