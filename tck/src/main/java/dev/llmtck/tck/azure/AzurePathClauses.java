package dev.llmtck.tck.azure;

import dev.llmtck.tck.runner.GitLabValues;
import static dev.llmtck.tck.azure.AzureErrorObject.abbreviate;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmtck.tck.clause.Clause;
import dev.llmtck.tck.clause.Level;

/**
 * Where Azure OpenAI answers: the deployment paths with their {@code api-version}, the v1 API, and what an
 * unknown deployment or a missing version gets. Source for the paths and parameters: Azure's inference spec,
 * azure-rest-api-specs specification/cognitiveservices/data-plane/AzureOpenAI/inference/stable/2024-10-21/
 * inference.json ({@code /deployments/{deployment-id}/chat/completions}, {@code api-version} required), and
 * specification/ai/data-plane/OpenAI.v1 for the v1 API ({@code api-version} optional, {@code v1} by default).
 */
@AzureContract
public class AzurePathClauses {

  @Clause(id = "AZ-PATH-1", level = Level.MUST,
      statement = "POST {endpoint}/openai/deployments/{deployment}/chat/completions?api-version=V answers 200 "
          + "with a chat.completion",
      source = AzureSources.INFERENCE + "; ChatCompletions_Create; LiteLLM azure/<deployment> calls this path")
  void deploymentPathServesChat(AzureTarget target, AzureClient client) {
    AzureClient.Reply reply = client.post(target.deploymentPath("chat/completions"),
        AzureRequests.chatJson("Say hello.", 16));

    assertThat(reply.status()).as("status (body: %s)", abbreviate(reply.body())).isEqualTo(200);
    assertThat(reply.json().path("object").asText()).as("object").isEqualTo("chat.completion");
    // What to type into GitLab (GL-ID-1): the resource endpoint, and azure/<deployment> as model identifier.
    client.note(GitLabValues.ENDPOINT_NOTE, target.endpoint().toString());
    client.note(GitLabValues.MODEL_NOTE, target.gitLabModelIdentifier());
  }

  @Clause(id = "AZ-PATH-2", level = Level.SHOULD,
      statement = "the v1 API, POST {endpoint}/openai/v1/chat/completions with model naming the deployment and no "
          + "api-version, answers 200 with a chat.completion",
      source = AzureSources.V1 + " (api-version optional, default v1)")
  void v1ApiServesChat(AzureTarget target, AzureClient client) {
    AzureClient.Reply reply = client.post("/openai/v1/chat/completions",
        AzureRequests.v1ChatJson(target.deployment(), "Say hello.", 16));
    client.note("llmtck.azure.v1Api", reply.status() == 200 ? "served" : "not served (" + reply.status() + ")");

    assertThat(reply.status()).as("status (body: %s)", abbreviate(reply.body())).isEqualTo(200);
    assertThat(reply.json().path("object").asText()).as("object").isEqualTo("chat.completion");
  }

  @Clause(id = "AZ-PATH-3", level = Level.MUST,
      statement = "a deployment the resource does not have answers 404 with error.code DeploymentNotFound",
      source = "Azure OpenAI service behaviour (\"The API deployment for this resource does not exist\"), as "
          + "recorded in Azure SDK tests and openai-python NotFoundError reports")
  void unknownDeploymentIsDeploymentNotFound(AzureTarget target, AzureClient client) {
    AzureClient.Reply reply = client.post(AzureTarget.deploymentPath("llmtck-no-such-deployment",
        "chat/completions", target.apiVersion()), AzureRequests.chatJson("Say hello.", 16));

    JsonNode error = AzureErrorObject.assertError(reply, 404, "an unknown deployment");
    assertThat(error.path("code").asText()).as("error.code").isEqualTo("DeploymentNotFound");
  }

  @Clause(id = "AZ-PATH-4", level = Level.SHOULD,
      statement = "POST .../deployments/{deployment}/completions either answers a text_completion with "
          + "choices[0].text, or refuses with 400 error.code OperationNotSupported (chat-only models); never a 5xx",
      source = AzureSources.INFERENCE + "; Completions_Create; Azure's OperationNotSupported for chat models")
  void textCompletionsAreServedOrRefusedCleanly(AzureTarget target, AzureClient client) {
    AzureClient.Reply reply = client.post(target.deploymentPath("completions"),
        AzureRequests.completionJson("def fibonacci(n):", 16));

    if (reply.status() == 200) {
      client.note("llmtck.azure.completions", "served");
      assertThat(reply.json().path("object").asText()).as("object").isEqualTo("text_completion");
      assertThat(reply.json().path("choices").path(0).path("text").isTextual()).as("choices[0].text is a string")
          .isTrue();
    } else {
      client.note("llmtck.azure.completions", "refused (" + reply.status() + ")");
      JsonNode error = AzureErrorObject.assertError(reply, 400, "/completions on this deployment");
      assertThat(error.path("code").asText()).as("error.code").isEqualTo("OperationNotSupported");
    }
  }

  @Clause(id = "AZ-VERSION-1", level = Level.MUST,
      statement = "a deployment-path request without api-version is refused with a 4xx JSON error object, never "
          + "answered with a completion",
      source = AzureSources.INFERENCE + ": api-version is a required query parameter on every operation")
  void missingApiVersionIsRefused(AzureTarget target, AzureClient client) {
    AzureClient.Reply reply = client.post(AzureTarget.deploymentPath(target.deployment(), "chat/completions", null),
        AzureRequests.chatJson("Say hello.", 16));

    AzureErrorObject.assertClientError(reply, "a request without api-version");
  }

  @Clause(id = "AZ-VERSION-2", level = Level.SHOULD,
      statement = "a deployment-path request without api-version answers exactly what Azure does: 404 "
          + "{\"error\":{\"code\":\"404\",\"message\":\"Resource not found\"}}",
      source = "Azure OpenAI gateway behaviour, widely reported for a missing api-version (a frequent client mistake)")
  void missingApiVersionIsResourceNotFound(AzureTarget target, AzureClient client) {
    AzureClient.Reply reply = client.post(AzureTarget.deploymentPath(target.deployment(), "chat/completions", null),
        AzureRequests.chatJson("Say hello.", 16));

    JsonNode error = AzureErrorObject.assertError(reply, 404, "a request without api-version");
    assertThat(error.path("code").asText()).as("error.code").isEqualTo("404");
    assertThat(error.path("message").asText()).as("error.message").isEqualTo("Resource not found");
  }

  @Clause(id = "AZ-VERSION-3", level = Level.MUST,
      statement = "an api-version the service does not offer (1999-01-01) is refused with a 4xx JSON error "
          + "object, never answered with a completion",
      source = AzureSources.INFERENCE + ": api-version selects the API; Azure answers 404 Resource not found or 400 "
          + "\"API version not supported\"")
  void unsupportedApiVersionIsRefused(AzureTarget target, AzureClient client) {
    AzureClient.Reply reply = client.post(AzureTarget.deploymentPath(target.deployment(), "chat/completions",
        "1999-01-01"), AzureRequests.chatJson("Say hello.", 16));

    AzureErrorObject.assertClientError(reply, "api-version=1999-01-01");
  }
}
