package dev.llmtck.tck.azure;

import static dev.llmtck.tck.azure.AzureErrorObject.abbreviate;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmtck.tck.clause.Clause;
import dev.llmtck.tck.clause.Level;
import org.junit.jupiter.api.Assumptions;

/**
 * Who may call: the {@code api-key} header (or a bearer token) is required, a wrong one gets a 401 with a JSON
 * error object. Source: the {@code security} section of Azure's inference spec 2024-10-21 ({@code apiKey} in
 * the {@code api-key} header, or {@code bearer}).
 */
@AzureContract
public class AzureAuthClauses {
  private static final String WRONG_KEY = "llmtck-wrong-key-00000000000000000000";
  private static final String WRONG_TOKEN = "llmtck-wrong-entra-token-0000000000000000";

  @Clause(id = "AZ-AUTH-1", level = Level.MUST,
      statement = "a request with neither api-key nor Authorization answers 401 with a JSON error object",
      source = AzureSources.INFERENCE + "; security: apiKey (header api-key) or bearer")
  void missingKeyIs401(AzureTarget target, AzureClient client) {
    AzureClient.Reply reply = client.post(target.deploymentPath("chat/completions"),
        AzureRequests.chatJson("Say hello.", 16), AzureClient.Auth.none());

    AzureErrorObject.assertError(reply, 401, "a request without a key");
  }

  @Clause(id = "AZ-AUTH-2", level = Level.MUST,
      statement = "a wrong api-key answers 401 with a JSON error object that does not echo the key",
      source = AzureSources.INFERENCE + "; security; Azure's 401 \"Access denied due to invalid subscription "
          + "key or wrong API endpoint\"")
  void wrongKeyIs401(AzureTarget target, AzureClient client) {
    AzureClient.Reply reply = client.post(target.deploymentPath("chat/completions"),
        AzureRequests.chatJson("Say hello.", 16), AzureClient.Auth.apiKey(WRONG_KEY));

    AzureErrorObject.assertError(reply, 401, "a wrong api-key");
    assertThat(reply.body()).as("the 401 body must not echo the key it refused").doesNotContain(WRONG_KEY);
  }

  @Clause(id = "AZ-AUTH-3", level = Level.SHOULD,
      statement = "on the v1 API the resource key is also accepted as Authorization: Bearer <key> (what plain "
          + "OpenAI clients send)",
      source = "Azure OpenAI v1 API docs: OpenAI(base_url=.../openai/v1/, api_key=<key>) works unchanged")
  void bearerKeyIsAcceptedOnV1(AzureTarget target, AzureClient client) {
    AzureClient.Reply reply = client.post("/openai/v1/chat/completions",
        AzureRequests.v1ChatJson(target.deployment(), "Say hello.", 16),
        AzureClient.Auth.bearer(target.apiKey()));
    Assumptions.assumeFalse(reply.status() == 404,
        "the target does not serve the v1 API (see AZ-PATH-2), so there is no bearer form to check");

    assertThat(reply.status()).as("status (body: %s)", abbreviate(reply.body())).isEqualTo(200);
    JsonNode body = reply.json();
    assertThat(body.path("object").asText()).as("object").isEqualTo("chat.completion");
  }

  @Clause(id = "AZ-AUTH-4", level = Level.MUST,
      statement = "with a Microsoft Entra ID token configured, a deployment-path chat completion sent with "
          + "Authorization: Bearer <token> and no api-key answers 200 with a chat.completion, and a wrong bearer "
          + "token answers 401 with a JSON body (Entra's {\"statusCode\":401,\"message\"} or an error object) that "
          + "does not echo it; skipped without a token",
      source = AzureSources.INFERENCE + "; security: bearer (securitySchemes.bearer: oauth2, Microsoft Entra ID "
          + "login.microsoftonline.com) or apiKey; openai 3.60.0 for Python (ci/python/clients.lock) "
          + "AzureOpenAI(azure_ad_token=...) and openai 6.30.1 for Node AzureOpenAI({azureADTokenProvider}) send it "
          + "as Authorization: Bearer, as LiteLLM 1.88.0 does with azure_ad_token / AZURE_AD_TOKEN; Azure's 401 for "
          + "a bad token as reported in run-llama/llama_index#12484")
  void entraTokenIsAccepted(AzureTarget target, AzureClient client) {
    Assumptions.assumeTrue(target.entraToken().isPresent(), "no Microsoft Entra ID token configured: set "
        + AzureSettings.ENTRA_TOKEN.key() + " (from AZURE_AD_TOKEN or AZURE_OPENAI_AD_TOKEN, or a profile's "
        + "entraTokenEnv) to check bearer authentication");
    AzureClient.Reply reply = client.post(target.deploymentPath("chat/completions"),
        AzureRequests.chatJson("Say hello.", 16), client.targetToken());

    assertThat(reply.status()).as("status with the Entra ID token (body: %s)", abbreviate(reply.body()))
        .isEqualTo(200);
    assertThat(reply.json().path("object").asText()).as("object").isEqualTo("chat.completion");

    AzureClient.Reply wrong = client.post(target.deploymentPath("chat/completions"),
        AzureRequests.chatJson("Say hello.", 16), AzureClient.Auth.bearer(WRONG_TOKEN));
    assertThat(wrong.status()).as("status for a wrong bearer token (body: %s)", abbreviate(wrong.body()))
        .isEqualTo(401);
    JsonNode body = wrong.json();
    String message = body.path("error").isObject() ? body.path("error").path("message").asText("")
        : body.path("message").asText("");
    client.note("llmtck.azure.wrongTokenShape", body.path("error").isObject() ? "error object"
        : body.has("statusCode") ? "statusCode/message" : "other");
    assertThat(message).as("the 401's message (error.message or message; body: %s)", abbreviate(wrong.body()))
        .isNotBlank();
    assertThat(wrong.body()).as("the 401 body must not echo the token it refused").doesNotContain(WRONG_TOKEN);
  }
}
