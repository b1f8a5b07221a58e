package dev.llmtck.tck.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmtck.tck.clause.Clause;
import dev.llmtck.tck.clause.Level;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;

/**
 * API-key authentication ({@code Authorization: Bearer <key>}), as vLLM's {@code --api-key} enforces it. The
 * clauses apply when the target is configured with a key; without one they are skipped.
 */
@OpenAiContract
public class AuthClauses {

  private static final String WRONG_KEY = "llmtck-wrong-key-0000";

  @Clause(id = "OAI-AUTH-1", level = Level.MUST,
      statement = "every /v1 path answers 401 to a request without Authorization",
      source = "vLLM api_server AuthenticationMiddleware (paths starting with /v1); OpenAI API reference, "
          + "Authentication")
  void missingKeyIsRefused(OpenAiTarget target, OpenAiClient client) {
    requireKey(target);
    expectEveryPath(target, client.withoutApiKey(), 401, "without Authorization");
  }

  @Clause(id = "OAI-AUTH-2", level = Level.MUST,
      statement = "a wrong key answers 401 and the right key is accepted on every /v1 path",
      source = "vLLM api_server AuthenticationMiddleware.verify_token; OpenAI API reference, Authentication")
  void onlyTheRightKeyIsAccepted(OpenAiTarget target, OpenAiClient client) {
    requireKey(target);
    expectEveryPath(target, client.withApiKey(WRONG_KEY), 401, "with a wrong key");
    // Accepted means let through: any answer but 401 and 403. A 404 for a mistyped model is OAI-MODELS-3's to
    // report, not an authentication failure.
    List<String> refused = new ArrayList<>();
    for (Function<OpenAiClient, JsonResponse> call : calls(target)) {
      JsonResponse response = call.apply(client);
      if (response.status() == 401 || response.status() == 403) {
        refused.add(response.describe());
      }
    }
    assertThat(refused).withFailMessage("the configured key is refused:%n  %s", String.join("\n  ", refused))
        .isEmpty();
  }

  @Clause(id = "OAI-AUTH-3", level = Level.SHOULD,
      statement = "the 401 body is a JSON error object (one an official client reads a message from, as OAI-ERR-1 "
          + "asks)",
      source = "vLLM 0.32.0 api_server AuthenticationMiddleware answers {\"error\":\"Unauthorized\"}; OpenAI answers "
          + "{\"error\":{...}}; openai 3.60.0, 6.30.1, openai-java 4.101.0 (ErrorEnvelope)")
  void refusalIsJson(OpenAiTarget target, OpenAiClient client) {
    requireKey(target);
    JsonResponse refused = client.withApiKey(WRONG_KEY).get("/models").expectStatus(401);
    assertThat(ErrorEnvelope.of(refused.json()).isErrorObject())
        .withFailMessage("the 401 body is not a JSON error object (%s): %s", ErrorEnvelope.NONE.clients(),
            refused.describe())
        .isTrue();
  }

  private static void requireKey(OpenAiTarget target) {
    Assumptions.assumeTrue(target.apiKey().isPresent(),
        () -> "the target is configured without an API key (" + OpenAiSettings.API_KEY.key() + ")");
  }

  private static void expectEveryPath(OpenAiTarget target, OpenAiClient client, int status, String how) {
    List<String> wrong = new ArrayList<>();
    for (Function<OpenAiClient, JsonResponse> call : calls(target)) {
      JsonResponse response = call.apply(client);
      if (response.status() != status) {
        wrong.add(response.describe());
      }
    }
    assertThat(wrong).withFailMessage("expected %d %s, but:%n  %s", status, how, String.join("\n  ", wrong))
        .isEmpty();
  }

  /** One request to each /v1 path: the models list, a chat completion, a text completion. */
  private static List<Function<OpenAiClient, JsonResponse>> calls(OpenAiTarget target) {
    return List.of(
        c -> c.get("/models"),
        c -> c.post("/chat/completions", RequestBody.chat(target).user("Say hello.").with("max_tokens", 4).json()),
        c -> c.post("/completions", RequestBody.completion(target, "def hello():").with("max_tokens", 4).json()));
  }
}
