package dev.llmtck.tck.openai;

import dev.llmtck.tck.clause.Proves;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmtck.fixtures.openai.ResponseTransformer;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Chat clauses fail on a reference platform whose chat completions are wrong in one way. */
class ChatProofTest {

  private static final String CHAT = "/v1/chat/completions";

  @Test
  @Proves("OAI-CHAT-1")
  void messageFromTheWrongRoleFails() {
    try (BrokenPlatform platform = BrokenPlatform.editingJson(CHAT, body -> message(body).put("role", "user"))) {
      platform.run("OAI-CHAT-1").assertFailsWith("chat-completion.json", "$.choices[0].message.role");
    }
  }

  @Test
  @Proves("OAI-CHAT-1")
  void answerFromAnotherModelFails() {
    try (BrokenPlatform platform = BrokenPlatform.editingJson(CHAT, body -> body.put("model", "gpt-3.5-turbo"))) {
      platform.run("OAI-CHAT-1").assertFailsWith("model of the chat completion", "gpt-3.5-turbo");
    }
  }

  @Test
  void aliasAnsweredWithTheFirstServedNamePasses() {
    // vLLM's documented --served-model-name rule (0.11.0 on) and the 0.8 to 0.10 echo of the requested alias
    for (String version : new String[] {"0.11.0", "0.9.2"}) {
      try (BrokenPlatform platform = BrokenPlatform.with(builder -> builder.vllmVersion(version)
          .servedModelNames("sim", "sim-alias"))) {
        platform.run("OAI-CHAT-1").with(OpenAiSettings.MODEL.key(), "sim-alias").assertPasses();
      }
    }
  }

  @Test
  @Proves("OAI-CHAT-1")
  void answerNamingAServedNameOtherThanTheFirstFails() {
    try (BrokenPlatform platform = BrokenPlatform.with(builder -> builder.servedModelNames("sim", "sim-alias", "other")
        .transformer(answeringModel(CHAT, "sim-alias")))) {
      platform.run("OAI-CHAT-1").with(OpenAiSettings.MODEL.key(), "other")
          .assertFailsWith("the model of the chat completion is 'sim-alias', not the requested model 'other' nor",
              "its first served name 'sim'");
    }
  }

  @Test
  @Proves("OAI-CHAT-1")
  void adapterAnsweredWithTheBaseModelNameFails() {
    // a LoRA adapter (a card with a parent) is another model: vLLM answers with the adapter's name
    try (BrokenPlatform platform = BrokenPlatform.with(builder -> builder.servedModelNames("sim", "sim-lora")
        .transformer(ResponseTransformer.forJson((request, response) -> request.path().equals("/v1/models")
            ? response.mapBody(body -> {
              ((ObjectNode) body.at("/data/1")).put("parent", "sim");
              return body;
            }) : response)))) {
      platform.run("OAI-CHAT-1").with(OpenAiSettings.MODEL.key(), "sim-lora")
          .assertFailsWith("the model of the chat completion is 'sim', not the requested model 'sim-lora'");
    }
  }

  /** Answers on {@code path} that name {@code model}, whatever was requested. */
  static ResponseTransformer answeringModel(String path, String model) {
    return ResponseTransformer.forJson((request, response) -> request.path().equals(path) && response.status() == 200
        ? response.mapBody(body -> ((ObjectNode) body).put("model", model)) : response);
  }

  @Test
  @Proves("OAI-CHAT-2")
  void cutAnswerClaimingStopFails() {
    try (BrokenPlatform platform = BrokenPlatform.editingJson(CHAT, body -> choice(body).put("finish_reason", "stop"))) {
      platform.run("OAI-CHAT-2").assertFailsWith("must say finish_reason \"length\", not \"stop\"");
    }
  }

  @Test
  @Proves("OAI-CHAT-2")
  void answerLongerThanMaxTokensFails() {
    try (BrokenPlatform platform = BrokenPlatform.editingJson(CHAT,
        body -> ((ObjectNode) body.get("usage")).put("completion_tokens", 40))) {
      platform.run("OAI-CHAT-2").assertFailsWith("with max_tokens 4 the answer has 40 completion tokens");
    }
  }

  @Test
  @Proves("OAI-CHAT-2")
  void unknownFinishReasonFails() {
    try (BrokenPlatform platform = BrokenPlatform.editingJson(CHAT, body -> choice(body).put("finish_reason", "eos"))) {
      platform.run("OAI-CHAT-2").assertFailsWith("choices[0].finish_reason", "eos");
    }
  }

  /** TGI's word for a natural end, where OpenAI and vLLM say stop. */
  private static BrokenPlatform endingWithEosToken() {
    return BrokenPlatform.editingJson(CHAT, body -> choice(body).put("finish_reason", "eos_token"));
  }

  @Test
  @Proves({"OAI-CHAT-1", "OAI-CHAT-4"})
  void aNaturalEndCalledEosTokenFails() {
    try (BrokenPlatform platform = endingWithEosToken()) {
      platform.run("OAI-CHAT-1").assertFailsWith("$.choices[0].finish_reason", "enum");
      platform.run("OAI-CHAT-4").assertFailsWith("$.choices[0].finish_reason", "enum");
      platform.run("OAI-CHAT-2").assertFailsWith("choices[0].finish_reason is \"eos_token\", not one of OpenAI's");
    }
  }

  @Test
  @Proves("OAI-CHAT-3")
  void totalThatDoesNotAddUpFails() {
    try (BrokenPlatform platform = BrokenPlatform.editingJson(CHAT, body -> {
      ObjectNode usage = (ObjectNode) body.get("usage");
      usage.put("total_tokens", usage.get("total_tokens").asInt() + 1);
    })) {
      platform.run("OAI-CHAT-3").assertFailsWith("total_tokens is not prompt_tokens + completion_tokens");
    }
  }

  @Test
  @Proves("OAI-CHAT-3")
  void usageWithoutCompletionTokensFails() {
    try (BrokenPlatform platform = BrokenPlatform.editingJson(CHAT,
        body -> ((ObjectNode) body.get("usage")).remove("completion_tokens"))) {
      platform.run("OAI-CHAT-3").assertFailsWith("usage does not match usage.json", "completion_tokens");
    }
  }

  @Test
  @Proves("OAI-CHAT-4")
  void conversationWithAnAssistantTurnCrashesFails() {
    try (BrokenPlatform platform = BrokenPlatform.transformed(ResponseTransformer.forJson((request, response) ->
        BrokenPlatform.hasRole(request, "assistant") ? response.withStatus(500) : response))) {
      platform.run("OAI-CHAT-4").assertFailsWith("expected HTTP 200 but got POST", "-> 500");
    }
  }

  @Test
  @Proves("OAI-CHAT-5")
  void stopSequenceLeftInTheAnswerFails() {
    try (BrokenPlatform platform = BrokenPlatform.transformed(ResponseTransformer.forJson((request, response) -> {
      JsonNode stop = request.json().map(body -> body.path("stop").path(0)).orElse(null);
      if (stop == null || !stop.isTextual() || response.status() != 200) {
        return response;
      }
      return response.mapBody(body -> {
        message(body).put("content", message(body).get("content").asText() + stop.asText() + " and on");
        return body;
      });
    }))) {
      platform.run("OAI-CHAT-5").assertFailsWith("the answer still contains it");
    }
  }

  @Test
  @Proves("OAI-CHAT-6")
  void nonAlternatingConversationCrashesFails() {
    try (BrokenPlatform platform = BrokenPlatform.transformed(ResponseTransformer.forJson((request, response) ->
        request.json().map(body -> body.path("messages").size() == 2
            && "user".equals(body.path("messages").path(1).path("role").asText())).orElse(false)
            ? response.withStatus(500) : response))) {
      platform.run("OAI-CHAT-6").assertFailsWith("expected HTTP [200, 400] but got", "-> 500");
    }
  }

  @Test
  @Proves("OAI-CHAT-6")
  void refusalWithoutErrorObjectFails() {
    try (BrokenPlatform platform = BrokenPlatform.with(builder -> builder.tokenizerMode("mistral")
        .transformer(ResponseTransformer.forJson((request, response) -> response.status() == 400
            ? response.withBody(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                .put("detail", "Conversation roles must alternate"))
            : response)))) {
      platform.run("OAI-CHAT-6").assertFailsWith("carries no error object", "roles must alternate");
    }
  }

  @Test
  void mistralTokenizerModeRefusesAndIsReported() {
    try (BrokenPlatform platform = BrokenPlatform.with(builder -> builder.tokenizerMode("mistral"))) {
      ClauseRun run = platform.run("OAI-CHAT-6");
      run.assertPasses();
      org.assertj.core.api.Assertions.assertThat(run.reportEntries(ChatClauses.NON_ALTERNATING)).singleElement()
          .asString().startsWith("refused: ");
      platform.run("OAI-CHAT-4").assertPasses();
    }
  }

  @Test
  @Proves("OAI-CHAT-7")
  void answersThatDriftFail() {
    AtomicInteger calls = new AtomicInteger();
    try (BrokenPlatform platform = BrokenPlatform.editingJson(CHAT,
        body -> message(body).put("content", message(body).get("content").asText() + " #" + calls.incrementAndGet()))) {
      platform.run("OAI-CHAT-7").assertFailsWith("the same greedy, seeded request answered differently");
    }
  }

  private static ObjectNode choice(JsonNode body) {
    return (ObjectNode) body.get("choices").get(0);
  }

  private static ObjectNode message(JsonNode body) {
    return (ObjectNode) choice(body).get("message");
  }
}
