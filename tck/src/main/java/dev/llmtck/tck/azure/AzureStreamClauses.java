package dev.llmtck.tck.azure;

import static dev.llmtck.tck.azure.AzureErrorObject.abbreviate;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmtck.tck.clause.Clause;
import dev.llmtck.tck.clause.Level;
import org.opentest4j.AssertionFailedError;

/**
 * What a stream says compared with the same request answered whole: the streamed deltas are the answer, in
 * either content filter mode ({@link AzureStream}).
 */
@AzureContract
public class AzureStreamClauses {
  /** A prompt with one likely answer, so a greedy, seeded request has little room to differ. */
  static final String PROMPT = "Count from one to ten in words, separated by commas.";

  @Clause(id = "AZ-STREAM-1", level = Level.SHOULD,
      statement = "the streamed delta.content of a greedy request (temperature 0, a seed) joins into the text the "
          + "same request answers not streamed (tried twice before it fails)",
      source = AzureSources.INFERENCE + "; createChatCompletionStreamResponse (\"a streamed chunk of a chat "
          + "completion response\"); Azure docs \"reproducible output\" (seed: best effort, compare "
          + "system_fingerprint); OAI-STREAM-3")
  void streamedTextEqualsTheWholeAnswer(AzureTarget target, AzureClient client) {
    String mismatch = null;
    for (int attempt = 1; attempt <= 2; attempt++) {
      AzureClient.Reply whole = client.post(target.deploymentPath("chat/completions"),
          AzureRequests.chatJson(PROMPT, 24));
      assertThat(whole.status()).as("status (body: %s)", abbreviate(whole.body())).isEqualTo(200);
      JsonNode body = whole.json();
      JsonNode content = body.path("choices").path(0).path("message").path("content");
      if (!content.isTextual()) {
        throw new AssertionFailedError("the answer not streamed has no string message.content: "
            + abbreviate(whole.body()));
      }
      AzureClient.Stream raw = client.stream(target.deploymentPath("chat/completions"),
          AzureRequests.streamJson(PROMPT, 24));
      AzureStream stream = AzureStream.expectWellFramed(raw);
      String streamed = stream.text(0);
      if (streamed.equals(content.asText())) {
        return;
      }
      String fingerprint = stream.of(AzureStream.Kind.CONTENT).stream()
          .map(chunk -> chunk.json().path("system_fingerprint").asText("")).filter(f -> !f.isEmpty())
          .findFirst().orElse("none");
      mismatch = "the streamed deltas say\n  \"" + abbreviate(streamed) + "\"\nbut the same request not streamed "
          + "says\n  \"" + abbreviate(content.asText()) + "\"\n(system_fingerprint " + body.path("system_fingerprint")
          .asText("none") + " whole, " + fingerprint + " streamed; " + attempt + " of 2 tries)";
    }
    throw new AssertionFailedError(mismatch);
  }
}
