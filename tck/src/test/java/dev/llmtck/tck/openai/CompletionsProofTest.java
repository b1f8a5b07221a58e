package dev.llmtck.tck.openai;

import dev.llmtck.tck.clause.Proves;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmtck.fixtures.openai.ResponseTransformer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Text completion clauses fail on a reference platform whose completions are wrong in one way. */
class CompletionsProofTest {

  private static final String COMPLETIONS = "/v1/completions";

  @Test
  @Proves("OAI-CMPL-1")
  void completionWithoutUsageFails() {
    try (BrokenPlatform platform = BrokenPlatform.editingJson(COMPLETIONS, body -> body.remove("usage"))) {
      platform.run("OAI-CMPL-1").assertFailsWith("text-completion.json", "usage");
    }
  }

  @Test
  @Proves("OAI-CMPL-1")
  void completionShapedAsChatFails() {
    try (BrokenPlatform platform = BrokenPlatform.editingJson(COMPLETIONS,
        body -> body.put("object", "chat.completion"))) {
      platform.run("OAI-CMPL-1").assertFailsWith("text-completion.json", "$.object");
    }
  }

  @Test
  @Proves("OAI-CMPL-2")
  void suffixThatCrashesFails() {
    try (BrokenPlatform platform = BrokenPlatform.transformed(ResponseTransformer.forJson((request, response) ->
        request.json().map(body -> body.has("suffix")).orElse(false) ? response.withStatus(500) : response))) {
      platform.run("OAI-CMPL-2").assertFailsWith("expected HTTP [200, 400] but got", "-> 500");
    }
  }

  @Test
  void refusedSuffixIsReported() {
    try (BrokenPlatform platform = BrokenPlatform.with(builder -> {})) {
      ClauseRun run = platform.run("OAI-CMPL-2");
      run.assertPasses();
      org.assertj.core.api.Assertions.assertThat(run.reportEntries(CompletionsClauses.SUFFIX)).singleElement()
          .asString().startsWith("refused: ");
    }
  }

  @Test
  @Proves("OAI-CMPL-3")
  void completionStreamWithoutDoneFails() {
    try (BrokenPlatform platform = BrokenPlatform.editingStreams(COMPLETIONS,
        stream -> stream.flatMapEvents(event -> event.isDone() ? List.of() : List.of(event)))) {
      platform.run("OAI-CMPL-3").assertFailsWith("the stream ended without data: [DONE]");
    }
  }

  @Test
  @Proves("OAI-CMPL-3")
  void completionChunksShapedAsChatFail() {
    try (BrokenPlatform platform = BrokenPlatform.editingStreams(COMPLETIONS, stream -> stream.mapJsonEvents(
        chunk -> ((ObjectNode) chunk).put("object", "chat.completion.chunk")))) {
      platform.run("OAI-CMPL-3").assertFailsWith("completion chunk 1 does not match text-completion-chunk.json");
    }
  }
}
