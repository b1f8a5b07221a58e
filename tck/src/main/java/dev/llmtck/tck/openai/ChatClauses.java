package dev.llmtck.tck.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmtck.tck.clause.Clause;
import dev.llmtck.tck.clause.Level;

import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.TestReporter;

/** {@code POST /v1/chat/completions}, not streamed: what Duo Chat and code generation send through LiteLLM. */
@OpenAiContract
public class ChatClauses {

  /** Report-entry key saying how the platform treated a conversation that does not alternate. */
  public static final String NON_ALTERNATING = "llmtck.openai.nonAlternatingConversation";

  /** OpenAI's values (openai-openapi's enum; openai-java's FinishReason.known() throws for any other). */
  private static final Set<String> FINISH_REASONS =
      Set.of("stop", "length", "tool_calls", "content_filter", "function_call");

  @Clause(id = "OAI-CHAT-1", level = Level.MUST,
      statement = "a chat completion is a chat.completion with id, created, the requested model (or, for one of "
          + "several served names of a model, its first one) and an assistant message with string content",
      source = "OpenAI API reference, The chat completion object; vLLM ChatCompletionResponse, model from "
          + "OpenAIServingModels.model_name (first --served-model-name; vLLM 0.8 to 0.10 echo the requested one, "
          + "PRs #13568 and #24663)")
  void answerIsAChatCompletion(OpenAiTarget target, OpenAiClient client) {
    JsonNode body = ask(client, RequestBody.chat(target).user("Say hello in five words.").with("max_tokens", 16));
    OpenAiSchema.CHAT_COMPLETION.check(body, "the chat completion");
    AnsweredModel.expect(body.path("model").asText(), target, client, "the model of the chat completion");
    assertThat(body.path("choices").path(0).path("message").path("content").isTextual())
        .withFailMessage("choices[0].message.content is not a string: %s", body.path("choices").path(0)).isTrue();
  }

  @Clause(id = "OAI-CHAT-2", level = Level.MUST,
      statement = "finish_reason is one of OpenAI's (stop, length, tool_calls, content_filter, function_call), and "
          + "max_tokens N caps the answer at N tokens with finish_reason length",
      source = "OpenAI API reference, chat completion finish_reason and max_tokens; openai-java 4.101.0 "
          + "ChatCompletion.Choice.FinishReason (known() throws for another value, e.g. TGI's eos_token); vLLM "
          + "SamplingParams.max_tokens")
  void maxTokensCutsTheAnswer(OpenAiTarget target, OpenAiClient client) {
    int limit = 4;
    JsonNode body = ask(client, RequestBody.chat(target).greedy()
        .user("Write a long story about a lighthouse keeper and the sea.").with("max_tokens", limit));
    String finish = body.path("choices").path(0).path("finish_reason").asText(null);
    assertThat(finish).withFailMessage("choices[0].finish_reason is %s, not one of OpenAI's %s",
        body.path("choices").path(0).path("finish_reason"), FINISH_REASONS).isIn(FINISH_REASONS);
    JsonNode completionTokens = body.path("usage").path("completion_tokens");
    assertThat(completionTokens.isIntegralNumber())
        .withFailMessage("with max_tokens %d the answer gives no usage.completion_tokens to check the cap against:"
            + " usage is %s", limit, body.has("usage") ? body.path("usage") : "absent").isTrue();
    assertThat(completionTokens.asInt())
        .withFailMessage("with max_tokens %d the answer has %d completion tokens", limit, completionTokens.asInt())
        .isLessThanOrEqualTo(limit);
    assertThat(finish).withFailMessage("a long story cut at max_tokens %d must say finish_reason \"length\", "
        + "not \"%s\"", limit, finish).isEqualTo("length");
  }

  @Clause(id = "OAI-CHAT-3", level = Level.MUST,
      statement = "usage has integer prompt_tokens, completion_tokens and total_tokens = prompt + completion",
      source = "OpenAI API reference, The chat completion object: usage; vLLM UsageInfo")
  void usageAddsUp(OpenAiTarget target, OpenAiClient client) {
    JsonNode body = ask(client, RequestBody.chat(target).user("Name three colours.").with("max_tokens", 16));
    JsonNode usage = body.path("usage");
    OpenAiSchema.USAGE.check(usage, "usage");
    int prompt = usage.path("prompt_tokens").asInt();
    int completion = usage.path("completion_tokens").asInt();
    assertThat(prompt).withFailMessage("usage.prompt_tokens is 0 for a non-empty prompt: %s", usage).isPositive();
    assertThat(usage.path("total_tokens").asInt())
        .withFailMessage("usage.total_tokens is not prompt_tokens + completion_tokens (%d + %d): %s", prompt,
            completion, usage)
        .isEqualTo(prompt + completion);
  }

  @Clause(id = "OAI-CHAT-4", level = Level.MUST,
      statement = "a multi-turn conversation with system, user and assistant roles is answered",
      source = "OpenAI API reference, chat messages roles; vLLM chat template rendering")
  void multiTurnConversationIsAnswered(OpenAiTarget target, OpenAiClient client) {
    JsonNode body = ask(client, RequestBody.chat(target)
        .system("You are a terse assistant.")
        .user("My name is Ada.")
        .assistant("Hello Ada.")
        .user("What is my name?")
        .with("max_tokens", 16));
    OpenAiSchema.CHAT_COMPLETION.check(body, "the answer to a multi-turn conversation");
  }

  @Clause(id = "OAI-CHAT-5", level = Level.SHOULD,
      statement = "a stop sequence ends the answer just before it, with finish_reason stop",
      source = "OpenAI API reference, chat stop; vLLM SamplingParams.stop (stop strings are not returned)")
  void stopSequenceEndsTheAnswer(OpenAiTarget target, OpenAiClient client) {
    RequestBody request = RequestBody.chat(target).greedy()
        .user("Describe a walk through a forest in two sentences.").with("max_tokens", 32);
    String full = content(ask(client, request));
    String[] words = Arrays.stream(full.split("\\s+")).map(w -> w.replaceAll("\\W", ""))
        .filter(w -> w.length() >= 3).toArray(String[]::new);
    Assumptions.assumeTrue(words.length >= 3, () -> "the answer is too short to pick a stop sequence: " + full);
    String stop = words[2];
    JsonNode body = ask(client, request.with("stop", RequestBody.array().add(stop)));
    String cut = content(body);
    assertThat(cut).withFailMessage("with stop [\"%s\"] the answer still contains it: \"%s\"", stop, cut)
        .doesNotContain(stop);
    assertThat(full).withFailMessage("with stop [\"%s\"] the answer \"%s\" is not the start of the answer without "
        + "it, \"%s\"", stop, cut, full).startsWith(cut);
    assertThat(body.path("choices").path(0).path("finish_reason").asText())
        .as("finish_reason after stop sequence \"%s\"", stop).isEqualTo("stop");
  }

  @Clause(id = "OAI-CHAT-6", level = Level.SHOULD,
      statement = "a conversation that does not alternate user and assistant is answered or refused with 400 and "
          + "an error object, never a 5xx",
      source = "vLLM Mistral tokenizer mode (mistral_common validation) refuses non-alternating turns; "
          + "other chat templates accept them")
  void nonAlternatingConversationIsHandled(OpenAiTarget target, OpenAiClient client, TestReporter reporter) {
    JsonResponse response = client.post("/chat/completions", RequestBody.chat(target)
        .user("Hello.").user("Are you there?").with("max_tokens", 8).json());
    response.expectStatus(200, 400);
    if (response.status() == 400) {
      assertThat(ErrorEnvelope.of(response.json()).isErrorObject())
          .withFailMessage("the 400 for a non-alternating conversation carries no error object: %s",
              response.describe())
          .isTrue();
      reporter.publishEntry(NON_ALTERNATING, "refused: " + ErrorEnvelope.message(response.json()).orElse(""));
    } else {
      OpenAiSchema.CHAT_COMPLETION.check(response.expectJsonObject(), "the answer to a non-alternating conversation");
      reporter.publishEntry(NON_ALTERNATING, "answered");
    }
  }

  @Clause(id = "OAI-CHAT-7", level = Level.SHOULD,
      statement = "temperature 0 with a fixed seed gives the same answer twice",
      source = "OpenAI API reference, chat seed (best-effort determinism); vLLM SamplingParams.seed")
  void greedySeededAnswersRepeat(OpenAiTarget target, OpenAiClient client) {
    RequestBody request = RequestBody.chat(target).greedy().user("List four fruits.").with("max_tokens", 24);
    String first = content(ask(client, request));
    String second = content(ask(client, request));
    assertThat(second).withFailMessage("the same greedy, seeded request answered differently:%n  first:  \"%s\"%n"
        + "  second: \"%s\"", first, second).isEqualTo(first);
  }

  static JsonNode ask(OpenAiClient client, RequestBody request) {
    return client.post("/chat/completions", request.json()).expectStatus(200).expectJsonObject();
  }

  static String content(JsonNode completion) {
    return completion.path("choices").path(0).path("message").path("content").asText("");
  }
}
