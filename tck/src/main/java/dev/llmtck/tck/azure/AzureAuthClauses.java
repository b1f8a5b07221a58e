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

  @Clause(id = "AZ-AUTH-1", level = Level.MUST,
      statement = "a request with neither api-key nor Authorization answers 401 with a JSON error object",
      source = "Azure inference spec 2024-10-21, security: apiKey (header api-key) or bearer")
  void missingKeyIs401(AzureTarget target, AzureClient client) {
    AzureClient.Reply reply = client.post(target.deploymentPath("chat/completions"),
        AzureRequests.chatJson("Say hello.", 16), AzureClient.Auth.none());

    AzureErrorObject.assertError(reply, 401, "a request without a key");
  }

  @Clause(id = "AZ-AUTH-2", level = Level.MUST,
      statement = "a wrong api-key answers 401 with a JSON error object that does not echo the key",
      source = "Azure inference spec 2024-10-21, security; Azure's 401 \"Access denied due to invalid subscription "
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
}
