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
      statement = "an unknown model answers 404 or 400 with a JSON error object, never 200",
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
      JsonResponse response = request.get();
      if (response.status() != 400 || !ErrorEnvelope.of(response.json()).isErrorObject()) {
        wrong.add(name + ": " + response.describe());
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
      statement = "a prompt beyond the context window answers 400 with a message naming the limit",
      source = "vLLM OpenAIServing._validate_input (\"This model's maximum context length is N tokens...\"); "
          + "OpenAI context_length_exceeded")
  void overlongPromptIsRefused(OpenAiTarget target, OpenAiClient client) {
    JsonNode entry = ModelsClauses.entryOf(target, client).orElse(null);
    Assumptions.assumeTrue(entry != null && entry.path("max_model_len").isIntegralNumber(),
        "GET /v1/models gives no max_model_len for the model, so no prompt can be sized beyond it");
    int limit = entry.path("max_model_len").asInt();
    String prompt = "lighthouse ".repeat(limit + 64);
    JsonResponse response = client.post("/chat/completions", RequestBody.chat(target).user(prompt)
        .with("max_tokens", 16).json());
    response.expectStatus(400);
    expectErrorObject(response, "an over-long prompt");
    String message = ErrorEnvelope.message(response.json()).orElse("");
    assertThat(message).withFailMessage("the error for a prompt beyond %d tokens does not name the limit: \"%s\"",
        limit, message).contains(String.valueOf(limit));
  }

  @Clause(id = "OAI-ERR-4", level = Level.SHOULD,
      statement = "errors use OpenAI's nested envelope {\"error\":{\"message\",\"type\",\"param\",\"code\"}}",
      source = "OpenAI API reference, Errors; vLLM ErrorResponse{error: ErrorInfo} since v0.10.1 (vllm-project/vllm "
          + "PR 22099), flat {\"object\":\"error\",...} in 0.6 to 0.10.0")
  void errorsUseTheOpenAiEnvelope(OpenAiTarget target, OpenAiClient client, TestReporter reporter) {
    JsonResponse response = askUnknownModel(target, client);
    ErrorEnvelope envelope = ErrorEnvelope.of(response.json());
    reporter.publishEntry(ERROR_ENVELOPE, envelope.name() + ": " + envelope.description());
    assertThat(envelope).withFailMessage("the error body is %s, not OpenAI's nested envelope, so OpenAI SDKs find "
        + "no error.message: %s", envelope.description(), response.describe()).isEqualTo(ErrorEnvelope.NESTED);
  }

  private static JsonResponse askUnknownModel(OpenAiTarget target, OpenAiClient client) {
    JsonNode body = RequestBody.chat(target).user("Hello.").with("max_tokens", 4).with("model", UNKNOWN_MODEL)
        .json();
    return client.post("/chat/completions", body);
  }

  private static void expectErrorObject(JsonResponse response, String cause) {
    assertThat(ErrorEnvelope.of(response.json()).isErrorObject())
        .withFailMessage("the answer to %s is not a JSON error object: %s", cause, response.describe())
        .isTrue();
  }
}
