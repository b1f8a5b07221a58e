package dev.llmtck.tck.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmtck.tck.clause.Clause;
import dev.llmtck.tck.clause.Level;


/** Where the API lives: the configured base URL, taken as given. */
@OpenAiContract
public class EndpointClauses {

  @Clause(id = "OAI-URL-1", level = Level.MUST,
      statement = "the API answers JSON under the configured base URL, which ends in /v1",
      source = "OpenAI API reference (base URL .../v1, paths appended by every SDK); vLLM api_server routes under "
          + "/v1; GitLab Duo Self-Hosted: the endpoint is entered with /v1")
  void apiAnswersUnderTheConfiguredBaseUrl(OpenAiTarget target, OpenAiClient client) {
    assertThat(target.baseUrl().getPath())
        .withFailMessage("the base URL %s (%s) does not end in /v1: OpenAI clients append /chat/completions, "
            + "/completions and /models to it as given", target.baseUrl(), OpenAiSettings.BASE_URL.key())
        .endsWith("/v1");
    JsonResponse models = client.get("/models");
    // A JSON 401 or 403 comes from the API itself, refusing the key: the URL is right (OAI-AUTH-2 judges the key).
    boolean refusedByTheApi = (models.status() == 401 || models.status() == 403) && models.isJsonObject();
    assertThat(models.status() == 200 || refusedByTheApi)
        .withFailMessage("GET %s/models does not reach the API: %s", target.baseUrl(), models.describe())
        .isTrue();
    assertThat(models.isJsonObject())
        .withFailMessage("GET %s/models answered something other than a JSON object (Content-Type %s), so the "
            + "base URL does not point at an OpenAI-compatible API: %s", target.baseUrl(), models.contentType(),
            models.describe())
        .isTrue();
  }
}
