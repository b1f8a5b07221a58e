package dev.llmtck.tck.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmtck.tck.clause.Clause;
import dev.llmtck.tck.clause.Level;

import java.util.List;
import org.junit.jupiter.api.TestReporter;

/**
 * {@code POST /v1/completions}: what GitLab code completion sends through LiteLLM's
 * {@code text-completion-custom_openai} provider, with a FIM {@code suffix} when the model supports it.
 */
@OpenAiContract
public class CompletionsClauses {

  /** Report-entry key saying whether a FIM suffix was accepted or refused. */
  public static final String SUFFIX = "llmtck.openai.suffix";

  private static final String PROMPT = "def fibonacci(n):\n    ";

  @Clause(id = "OAI-CMPL-1", level = Level.MUST,
      statement = "a string prompt answers a text_completion with choices[0].text, finish_reason and usage",
      source = "OpenAI API reference, Completions (legacy); vLLM CompletionResponse")
  void promptIsCompleted(OpenAiTarget target, OpenAiClient client) {
    JsonNode body = client.post("/completions", RequestBody.completion(target, PROMPT).with("max_tokens", 16).json())
        .expectStatus(200).expectJsonObject();
    OpenAiSchema.TEXT_COMPLETION.check(body, "the text completion");
    assertThat(body.path("model").asText()).as("model of the text completion").isEqualTo(target.model());
    assertThat(body.path("choices").path(0).path("finish_reason").asText(null))
        .as("choices[0].finish_reason").isIn("stop", "length");
  }

  @Clause(id = "OAI-CMPL-2", level = Level.SHOULD,
      statement = "a FIM suffix is either completed or refused with 400 and an error object (reported which)",
      source = "OpenAI API reference, Completions suffix; vLLM completion serving (suffix support depends on the "
          + "model); GitLab code completion sends suffix")
  void suffixIsCompletedOrRefused(OpenAiTarget target, OpenAiClient client, TestReporter reporter) {
    JsonResponse response = client.post("/completions", RequestBody.completion(target, PROMPT)
        .with("suffix", "\n    return result\n").with("max_tokens", 16).json());
    response.expectStatus(200, 400);
    if (response.status() == 400) {
      assertThat(ErrorEnvelope.of(response.json()).isErrorObject())
          .withFailMessage("the 400 for a suffix carries no error object: %s", response.describe()).isTrue();
      reporter.publishEntry(SUFFIX, "refused: " + ErrorEnvelope.message(response.json()).orElse(""));
    } else {
      OpenAiSchema.TEXT_COMPLETION.check(response.expectJsonObject(), "the completion with a suffix");
      reporter.publishEntry(SUFFIX, "accepted");
    }
  }

  @Clause(id = "OAI-CMPL-3", level = Level.MUST,
      statement = "a streamed completion is a well-framed SSE stream of text_completion chunks adding up to the "
          + "whole text",
      source = "OpenAI API reference, Completions stream; vLLM completion_stream_generator")
  void completionStreams(OpenAiTarget target, OpenAiClient client) {
    RequestBody request = RequestBody.completion(target, PROMPT).greedy().with("max_tokens", 16);
    String whole = client.post("/completions", request.json()).expectStatus(200).expectJsonObject()
        .path("choices").path(0).path("text").asText();
    StreamChunks stream = StreamChunks.of(ChatStreamClauses.expectWellFramedStream(
        client.stream("/completions", request.streamed().json())));
    List<JsonNode> chunks = stream.all();
    assertThat(chunks).as("chunks before [DONE]").isNotEmpty();
    for (int i = 0; i < chunks.size(); i++) {
      OpenAiSchema.TEXT_COMPLETION_CHUNK.check(chunks.get(i), "completion chunk " + (i + 1));
    }
    ChatStreamClauses.expectOneFinalChunkPerChoice(chunks);
    assertThat(stream.completionText()).withFailMessage("the streamed text%n  \"%s\"%ndiffers from the same request "
        + "not streamed%n  \"%s\"", stream.completionText(), whole).isEqualTo(whole);
  }
}
