package dev.llmtck.tck.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmtck.tck.clause.Clause;
import dev.llmtck.tck.clause.Level;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.TestReporter;

/** Bad requests: clients must get a readable error in OpenAI's format, never a 200, a 500 or a hang. */
@OpenAiContract
public class ErrorClauses {

  /** Report-entry key naming the error envelope the platform uses. */
  public static final String ERROR_ENVELOPE = "llmtck.openai.errorEnvelope";

  /** Report-entry key saying how the platform treated a message with an unknown role. */
  public static final String UNKNOWN_ROLE = "llmtck.openai.unknownRole";

  private static final String UNKNOWN_MODEL = "llmtck-no-such-model";

  @Clause(id = "OAI-ERR-1", level = Level.MUST,
      statement = "an unknown model answers 404 or 400 with a JSON error object (one an official client reads a "
          + "message from: nested, flat or a string error member), never 200",
      source = "vLLM OpenAIServing._check_model (404 NotFoundError \"The model ... does not exist.\"); OpenAI API "
          + "reference, Error codes")
  void unknownModelIsAnError(OpenAiTarget target, OpenAiClient client) {
    JsonResponse response = askUnknownModel(target, client);
    response.expectStatus(404, 400);
    expectErrorObject(response, "an unknown model");
  }

  @Clause(id = "OAI-ERR-2", level = Level.MUST,
      statement = "malformed JSON, missing messages, a negative or non-numeric max_tokens answer 400 with a JSON "
          + "error object",
      source = "vLLM api_server RequestValidationError handler and SamplingParams checks (400 BadRequestError); "
          + "OpenAI API reference, Error codes")
  void invalidRequestsAre400(OpenAiTarget target, OpenAiClient client) {
    Map<String, Supplier<JsonResponse>> cases = new LinkedHashMap<>();
    cases.put("malformed JSON", () -> client.postText("/chat/completions",
        "{\"model\": \"" + target.model() + "\", \"messages\": [{\"role\": \"user\", "));
    cases.put("missing messages", () -> client.post("/chat/completions",
        RequestBody.chat(target).without("messages").json()));
    cases.put("negative max_tokens", () -> client.post("/chat/completions",
        RequestBody.chat(target).user("Hello.").with("max_tokens", -1).json()));
    cases.put("non-numeric max_tokens", () -> client.post("/chat/completions",
        RequestBody.chat(target).user("Hello.").with("max_tokens", "ten").json()));
    List<String> wrong = new ArrayList<>();
    cases.forEach((name, request) -> {
      // each case on its own: a connection the platform drops after one case must not hide what the others got
      try {
        JsonResponse response = request.get();
        if (response.status() != 400 || !ErrorEnvelope.of(response.json()).isErrorObject()) {
          wrong.add(name + ": " + response.describe());
        }
      } catch (AssertionError | RuntimeException e) {
        wrong.add(name + ": " + e.getMessage());
      }
    });
    assertThat(wrong).withFailMessage("expected 400 with a JSON error object, but:%n  %s",
        String.join("\n  ", wrong)).isEmpty();
  }

  @Clause(id = "OAI-ERR-5", level = Level.MUST,
      statement = "a message with an unknown role is answered or refused with 400 and an error object, never a 5xx "
          + "(reported which)",
      source = "OpenAI API reference (roles system, user, assistant, tool, developer: others are refused); vLLM "
          + "CustomChatCompletionMessageParam accepts custom roles and leaves them to the chat template")
  void unknownRoleIsHandled(OpenAiTarget target, OpenAiClient client, TestReporter reporter) {
    JsonResponse response = client.post("/chat/completions",
        RequestBody.chat(target).message("wizard", "Hello.").with("max_tokens", 4).json());
    response.expectStatus(200, 400);
    if (response.status() == 400) {
      expectErrorObject(response, "a message with an unknown role");
      reporter.publishEntry(UNKNOWN_ROLE, "refused: " + ErrorEnvelope.message(response.json()).orElse(""));
    } else {
      OpenAiSchema.CHAT_COMPLETION.check(response.expectJsonObject(), "the answer to a message with an unknown role");
      reporter.publishEntry(UNKNOWN_ROLE, "answered");
    }
  }

  @Clause(id = "OAI-ERR-3", level = Level.MUST,
      statement = "a prompt beyond the context window answers 400 with a message naming the limit, never a silent "
          + "cut of the prompt (the window is max_model_len where GET /v1/models gives it, else probed with a prompt "
          + "of 262,144 words)",
      source = "vLLM OpenAIServing._validate_input (\"This model's maximum context length is N tokens...\"); "
          + "OpenAI context_length_exceeded; llama.cpp server 0.3.36 (400 context_length_exceeded naming n_ctx)")
  void overlongPromptIsRefused(OpenAiTarget target, OpenAiClient client) {
    JsonNode entry = ModelsClauses.entryOf(target, client).orElse(null);
    if (entry != null && entry.path("max_model_len").isIntegralNumber()) {
      int limit = entry.path("max_model_len").asInt();
      JsonResponse response = askWithPrompt(target, client, limit + 64);
      response.expectStatus(400);
      expectErrorObject(response, "an over-long prompt");
      String message = ErrorEnvelope.message(response.json()).orElse("");
      assertThat(message).withFailMessage("the error for a prompt beyond %d tokens does not name the limit: \"%s\"",
          limit, message).contains(String.valueOf(limit));
      return;
    }
    // No window is published: one prompt far beyond any common window. Each word is at least one token, and an
    // engine counts a prompt before it computes anything, so the refusal is cheap; prompts that fit are not sent,
    // as a CPU engine would take minutes over them (llama.cpp's server: 32,768 words, over the 60 s timeout).
    JsonResponse response;
    try {
      response = askWithPrompt(target, client, PROBE_WORDS);
    } catch (AssertionError e) {
      if (String.valueOf(e.getMessage()).contains("no response within")) {
        Assumptions.abort(String.format("GET /v1/models gives no max_model_len, and a prompt of %,d words got no "
            + "answer within the timeout: the platform may be computing it (a window that large), so the kit "
            + "cannot judge: %s", PROBE_WORDS, e.getMessage()));
      }
      throw e;
    }
    if (response.status() == 200) {
      JsonNode prompt = response.expectJsonObject().path("usage").path("prompt_tokens");
      assertThat(!prompt.isIntegralNumber() || prompt.asInt() >= PROBE_WORDS).withFailMessage("a prompt of %,d words "
          + "was answered 200 with usage.prompt_tokens %d: the platform cut the prompt silently instead of refusing it",
          PROBE_WORDS, prompt.asInt()).isTrue();
      Assumptions.abort(String.format("a prompt of %,d words was answered whole and GET /v1/models gives no "
          + "max_model_len: the window is beyond what the kit probes", PROBE_WORDS));
    }
    response.expectStatus(400);
    expectErrorObject(response, "a prompt of " + String.format("%,d", PROBE_WORDS) + " words");
    String message = ErrorEnvelope.message(response.json()).orElse("");
    assertThat(message).withFailMessage("the error for a prompt of %,d words names no limit (no token count in "
        + "it): \"%s\"", PROBE_WORDS, message).containsPattern("\\d{2,}");
  }

  private static final int PROBE_WORDS = 262_144;

  private static JsonResponse askWithPrompt(OpenAiTarget target, OpenAiClient client, int words) {
    return client.post("/chat/completions", RequestBody.chat(target).user("lighthouse ".repeat(words))
        .with("max_tokens", 1).json());
  }

  @Clause(id = "OAI-ERR-4", level = Level.SHOULD,
      statement = "errors use OpenAI's nested envelope {\"error\":{\"message\",\"type\",\"param\",\"code\"}}, the"
          + " only one whose message every official client shows",
      source = "OpenAI API reference, Errors; vLLM ErrorResponse{error: ErrorInfo} since v0.10.1 (vllm-project/vllm "
          + "PR 22099), flat {\"object\":\"error\",...} in 0.6 to 0.10.0; openai 3.60.0, 6.30.1, openai-java 4.101.0 "
          + "(ErrorEnvelope)")
  void errorsUseTheOpenAiEnvelope(OpenAiTarget target, OpenAiClient client, TestReporter reporter) {
    JsonResponse response = provokeError(target, client);
    ErrorEnvelope envelope = ErrorEnvelope.of(response.json());
    reporter.publishEntry(ERROR_ENVELOPE, envelope.name() + ": " + envelope.description());
    assertThat(envelope).withFailMessage("the error body is %s, not OpenAI's nested envelope: %s. %s",
        envelope.description(), envelope.clients(), response.describe()).isEqualTo(ErrorEnvelope.NESTED);
  }

  @Clause(id = "OAI-ERR-6", level = Level.SHOULD,
      statement = "an error's code is a string or null, as OpenAI sends it (\"model_not_found\", "
          + "\"context_length_exceeded\")",
      source = "OpenAI API reference, Errors (code: string or null); openai-java 4.101.0 OpenAIServiceException.code()"
          + " throws OpenAIInvalidDataException \"`code` is invalid, received 404\" on a number; vLLM 0.32.0 "
          + "ErrorInfo.code is the HTTP status as an integer")
  void errorCodesAreStrings(OpenAiTarget target, OpenAiClient client) {
    JsonResponse response = provokeError(target, client);
    Assumptions.assumeTrue(ErrorEnvelope.of(response.json()) == ErrorEnvelope.NESTED,
        "the error body is not OpenAI's nested envelope (see OAI-ERR-4), so there is no error.code to judge");
    JsonNode code = response.json().path("error").path("code");
    assertThat(code.isMissingNode() || code.isNull() || code.isTextual()).withFailMessage("error.code is %s, a %s:"
        + " openai-java's exception.code() throws on it (\"`code` is invalid\"); OpenAI sends a string or null. %s",
        code, code.getNodeType().name().toLowerCase(java.util.Locale.ROOT), response.describe()).isTrue();
  }

  /**
   * The first of a few bad requests the platform answers with an error status: an unknown model (404), then a
   * negative max_tokens, then malformed JSON (400). A platform that answers all three 2xx has nothing to judge.
   */
  private static JsonResponse provokeError(OpenAiTarget target, OpenAiClient client) {
    List<Supplier<JsonResponse>> provocations = List.of(() -> askUnknownModel(target, client),
        () -> client.post("/chat/completions", RequestBody.chat(target).user("Hello.").with("max_tokens", -1).json()),
        () -> client.postText("/chat/completions", "{\"model\": \"" + target.model() + "\", \"messages\": ["));
    List<String> answered = new ArrayList<>();
    for (Supplier<JsonResponse> provocation : provocations) {
      JsonResponse response = provocation.get();
      if (response.status() >= 400) {
        return response;
      }
      answered.add(response.describe());
    }
    return Assumptions.abort("no bad request was answered with an error status (see OAI-ERR-1 and OAI-ERR-2), so there is "
        + "no error body to judge:\n  " + String.join("\n  ", answered));
  }

  private static JsonResponse askUnknownModel(OpenAiTarget target, OpenAiClient client) {
    JsonNode body = RequestBody.chat(target).user("Hello.").with("max_tokens", 4).with("model", UNKNOWN_MODEL)
        .json();
    return client.post("/chat/completions", body);
  }

  private static void expectErrorObject(JsonResponse response, String cause) {
    assertThat(ErrorEnvelope.of(response.json()).isErrorObject())
        .withFailMessage("the answer to %s is not a JSON error object (%s): %s", cause,
            ErrorEnvelope.NONE.clients(), response.describe())
        .isTrue();
  }
}
