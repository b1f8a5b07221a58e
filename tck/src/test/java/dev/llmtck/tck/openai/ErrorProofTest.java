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
      run.assertFailsWith("a flat {\"message\",...} such as vLLM 0.6 to 0.10.0's {\"object\":\"error\"",
          "the JavaScript client shows \"status code (no body)\"");
      org.assertj.core.api.Assertions.assertThat(run.reportEntries(ErrorClauses.ERROR_ENVELOPE))
          .singleElement().asString().startsWith("FLAT");
    }
  }

  /** TGI-like {"error":"NotFoundError","message":...}: an error object for the MUST clauses, not OpenAI's envelope. */
  private static BrokenPlatform answeringStringErrors() {
    return BrokenPlatform.replacingStatus(404, response -> response.withBody(JsonNodeFactory.instance.objectNode()
        .put("error", "NotFoundError").put("message", "Model llmtck-no-such-model not found").put("status", 404)));
  }

  @Test
  void aStringErrorMemberIsAnErrorObjectForTheMustClauses() {
    try (BrokenPlatform platform = answeringStringErrors()) {
      platform.run("OAI-ERR-1").assertPasses();
    }
  }

  @Test
  @Proves("OAI-ERR-4")
  void aStringErrorMemberIsNotOpenAisEnvelope() {
    try (BrokenPlatform platform = answeringStringErrors()) {
      platform.run("OAI-ERR-4").assertFailsWith("with a string error member",
          "the Python client shows only the status code");
    }
  }

  @Test
  void withNoErrorProvokedTheEnvelopeIsNotJudged() {
    try (BrokenPlatform platform = BrokenPlatform.transformed(ResponseTransformer.forJson((request, response) ->
        response.status() >= 400 ? response.withStatus(200) : response))) {
      platform.run("OAI-ERR-4").assertSkippedBecause("no bad request was answered with an error status");
    }
  }

  @Test
  @Proves("OAI-ERR-6")
  void vllmsIntegerErrorCodeFails() {
    // the reference platform answers as vLLM 0.32 does: {"error":{...,"code":404}}
    try (BrokenPlatform platform = BrokenPlatform.with(builder -> {})) {
      platform.run("OAI-ERR-6").assertFailsWith("error.code is 404, a number", "openai-java");
    }
  }

  @Test
  void aStringErrorCodePasses() {
    try (BrokenPlatform platform = BrokenPlatform.replacingStatus(404, response -> response.mapBody(body -> {
      ((ObjectNode) body.path("error")).put("code", "model_not_found");
      return body;
    }))) {
      platform.run("OAI-ERR-6").assertPasses();
    }
  }

  /** GET /v1/models without vLLM's max_model_len, as llama.cpp's server and most others answer. */
  private static void withoutMaxModelLen(ObjectNode models) {
    models.path("data").forEach(entry -> ((ObjectNode) entry).remove("max_model_len"));
  }

  @Test
  void withoutMaxModelLenTheWindowIsProbed() {
    try (BrokenPlatform platform = BrokenPlatform.editingJson("/v1/models", ErrorProofTest::withoutMaxModelLen)) {
      platform.run("OAI-ERR-3").assertPasses();
    }
  }

  @Test
  @Proves("OAI-ERR-3")
  void aPromptCutSilentlyFails() {
    try (BrokenPlatform platform = BrokenPlatform.transformed(ResponseTransformer.forJson((request, response) -> {
      if (request.path().equals("/v1/models") && response.status() == 200) {
        return response.mapBody(body -> {
          withoutMaxModelLen((ObjectNode) body);
          return body;
        });
      }
      if (request.path().equals("/v1/chat/completions") && response.status() == 400) {
        // truncates what does not fit, answering as if all was read: usage shows the cut
        ObjectNode usage = JsonNodeFactory.instance.objectNode().put("prompt_tokens", 1000)
            .put("completion_tokens", 1).put("total_tokens", 1001);
        ObjectNode answer = JsonNodeFactory.instance.objectNode().put("id", "c").put("object", "chat.completion")
            .put("created", 1).put("model", "m");
        answer.putArray("choices").addObject().put("index", 0).put("finish_reason", "length").putObject("message")
            .put("role", "assistant").put("content", "a");
        answer.set("usage", usage);
        return response.withStatus(200).withBody(answer);
      }
      return response;
    }))) {
      // the simulator refuses 262,144 words (its window is 65,536); this one answers the prompt cut
      platform.run("OAI-ERR-3").assertFailsWith(
          "a prompt of 262,144 words was answered 200 with usage.prompt_tokens 1000", "cut the prompt silently");
    }
  }
}
