package dev.llmtck.tck.openai;

import dev.llmtck.tck.clause.Proves;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmtck.fixtures.openai.ResponseTransformer;
import org.junit.jupiter.api.Test;

/** Error clauses fail on platforms that answer bad requests with 200, 500, bare text or the old envelope. */
class ErrorProofTest {

  @Test
  @Proves("OAI-ERR-1")
  void unknownModelAnsweredWith200Fails() {
    try (BrokenPlatform platform = BrokenPlatform.replacingStatus(404, response -> response.withStatus(200))) {
      platform.run("OAI-ERR-1").assertFailsWith("expected HTTP [404, 400] but got", "-> 200");
    }
  }

  @Test
  @Proves("OAI-ERR-1")
  void unknownModelWithoutErrorObjectFails() {
    try (BrokenPlatform platform = BrokenPlatform.replacingStatus(404, response -> response.withBody(
        JsonNodeFactory.instance.objectNode().put("detail", "Not Found")))) {
      platform.run("OAI-ERR-1").assertFailsWith("the answer to an unknown model is not a JSON error object");
    }
  }

  @Test
  @Proves("OAI-ERR-2")
  void badRequestsThatCrashFail() {
    try (BrokenPlatform platform = BrokenPlatform.replacingStatus(400, response -> response.withStatus(500))) {
      platform.run("OAI-ERR-2").assertFailsWith("expected 400 with a JSON error object", "malformed JSON:",
          "missing messages:", "negative max_tokens:", "non-numeric max_tokens:", "-> 500");
    }
  }

  @Test
  @Proves("OAI-ERR-2")
  void negativeMaxTokensAcceptedFails() {
    try (BrokenPlatform platform = BrokenPlatform.transformed(ResponseTransformer.forJson((request, response) ->
        request.json().map(body -> body.path("max_tokens").asInt() < 0).orElse(false)
            ? response.withStatus(200).withBody(JsonNodeFactory.instance.objectNode().put("object", "chat.completion"))
            : response))) {
      String message = platform.run("OAI-ERR-2").assertFailsWith("negative max_tokens:", "-> 200");
      org.assertj.core.api.Assertions.assertThat(message).doesNotContain("missing messages:");
    }
  }

  @Test
  @Proves("OAI-ERR-5")
  void unknownRoleThatCrashesFails() {
    try (BrokenPlatform platform = BrokenPlatform.transformed(ResponseTransformer.forJson((request, response) ->
        BrokenPlatform.hasRole(request, "wizard") ? response.withStatus(500) : response))) {
      platform.run("OAI-ERR-5").assertFailsWith("expected HTTP [200, 400] but got", "-> 500");
    }
  }

  @Test
  @Proves("OAI-ERR-5")
  void unknownRoleRefusedWithoutErrorObjectFails() {
    try (BrokenPlatform platform = BrokenPlatform.transformed(ResponseTransformer.forJson((request, response) ->
        BrokenPlatform.hasRole(request, "wizard") ? response.withBody(JsonNodeFactory.instance.objectNode()
            .put("detail", "bad role")) : response))) {
      platform.run("OAI-ERR-5").assertFailsWith("a message with an unknown role is not a JSON error object");
    }
  }

  @Test
  void unknownRoleRefusalIsReported() {
    try (BrokenPlatform platform = BrokenPlatform.with(builder -> {})) {
      ClauseRun run = platform.run("OAI-ERR-5");
      run.assertPasses();
      org.assertj.core.api.Assertions.assertThat(run.reportEntries(ErrorClauses.UNKNOWN_ROLE)).singleElement()
          .asString().startsWith("refused: ");
    }
  }

  @Test
  @Proves("OAI-ERR-3")
  void contextErrorThatDoesNotNameTheLimitFails() {
    try (BrokenPlatform platform = BrokenPlatform.replacingStatus(400, response -> response.mapBody(body -> {
      ((ObjectNode) body.path("error")).put("message", "Bad request");
      return body;
    }))) {
      platform.run("OAI-ERR-3").assertFailsWith("does not name the limit", "Bad request");
    }
  }

  @Test
  @Proves("OAI-ERR-3")
  void overlongPromptAcceptedFails() {
    try (BrokenPlatform platform = BrokenPlatform.replacingStatus(400, response -> response.withStatus(200))) {
      platform.run("OAI-ERR-3").assertFailsWith("expected HTTP 400 but got", "-> 200");
    }
  }

  @Test
  @Proves("OAI-ERR-4")
  void flatEnvelopeOfOldVllmFails() {
    try (BrokenPlatform platform = BrokenPlatform.with(builder -> builder.vllmVersion("0.8.5"))) {
      ClauseRun run = platform.run("OAI-ERR-4");
      run.assertFailsWith("vLLM's flat {\"object\":\"error\"", "sent by vLLM 0.6 to 0.10.0");
      org.assertj.core.api.Assertions.assertThat(run.reportEntries(ErrorClauses.ERROR_ENVELOPE))
          .singleElement().asString().startsWith("FLAT");
    }
  }
}
