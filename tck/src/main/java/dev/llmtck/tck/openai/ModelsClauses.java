package dev.llmtck.tck.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmtck.tck.clause.Clause;
import dev.llmtck.tck.clause.Level;
import dev.llmtck.tck.runner.GitLabValues;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.TestReporter;
import org.opentest4j.AssertionFailedError;

/** Discovery: {@code GET /v1/models}, which clients (and GitLab's model set-up) use to find the served model. */
@OpenAiContract
public class ModelsClauses {

  /** Report-entry keys carrying what to type into GitLab (GL-ID-1). */

  @Clause(id = "OAI-MODELS-1", level = Level.MUST,
      statement = "GET /v1/models answers 200 with {\"object\":\"list\",\"data\":[...]}",
      source = "OpenAI API reference, Models: list; vLLM api_server show_available_models returns ModelList")
  void modelsAreListed(OpenAiClient client) {
    JsonNode body = client.get("/models").expectStatus(200).expectJsonObject();
    OpenAiSchema.MODELS_LIST.check(body, "the model list");
  }

  @Clause(id = "OAI-MODELS-2", level = Level.MUST,
      statement = "every model has a string id, object \"model\", an integer created and a string owned_by",
      source = "OpenAI API reference, The model object; vLLM ModelCard")
  void everyModelHasTheOpenAiFields(OpenAiClient client) {
    List<String> problems = new ArrayList<>();
    for (JsonNode model : listedModels(client)) {
      List<String> violations = OpenAiSchema.MODEL.violations(model);
      if (!violations.isEmpty()) {
        problems.add(model.path("id").asText("(no id)") + ": " + String.join("; ", violations));
      }
    }
    assertThat(problems).withFailMessage("models that miss OpenAI fields:%n  %s", String.join("\n  ", problems))
        .isEmpty();
  }

  @Clause(id = "OAI-MODELS-3", level = Level.MUST,
      statement = "the configured model is among the listed ids (GitLab model: custom_openai/<id>)",
      source = "vLLM --served-model-name; LiteLLM custom_openai provider sends the id after the prefix; "
          + "GitLab Duo Self-Hosted model identifier")
  void configuredModelIsServed(OpenAiTarget target, OpenAiClient client, TestReporter reporter) {
    List<String> ids = listedModels(client).stream().map(model -> model.path("id").asText()).toList();
    assertThat(ids).withFailMessage("the configured model '%s' is not served; GET /v1/models lists %s%s",
        target.model(), ids, NearestName.to(target.model(), ids).map(name -> " (did you mean '" + name + "'?)")
            .orElse("")).contains(target.model());
    reporter.publishEntry(GitLabValues.ENDPOINT_NOTE, target.baseUrl().toString());
    reporter.publishEntry(GitLabValues.MODEL_NOTE, GitLabModelIds.of(target.model()));
  }

  @Clause(id = "OAI-MODELS-4", level = Level.SHOULD,
      statement = "the configured model's entry carries vLLM's root (string) and max_model_len (integer)",
      source = "vLLM ModelCard.root and ModelCard.max_model_len (set by OpenAIServingModels.show_available_models)")
  void configuredModelCarriesVllmDetails(OpenAiTarget target, OpenAiClient client) {
    JsonNode model = entryOf(target, client).orElseThrow(() -> new AssertionFailedError(
        "the configured model '" + target.model() + "' is not listed"));
    assertThat(model.path("root").isTextual())
        .withFailMessage("model '%s' has no string root (vLLM sends the model path): %s", target.model(), model)
        .isTrue();
    assertThat(model.path("max_model_len").canConvertToInt() && model.path("max_model_len").isIntegralNumber())
        .withFailMessage("model '%s' has no integer max_model_len (vLLM sends the context window): %s",
            target.model(), model)
        .isTrue();
  }

  static List<JsonNode> listedModels(OpenAiClient client) {
    JsonNode data = client.get("/models").expectStatus(200).expectJsonObject().path("data");
    if (!data.isArray()) {
      throw new AssertionFailedError("GET /v1/models has no data array: " + Bodies.abbreviate(data.toString()));
    }
    List<JsonNode> models = new ArrayList<>();
    data.forEach(models::add);
    return models;
  }

  static Optional<JsonNode> entryOf(OpenAiTarget target, OpenAiClient client) {
    return listedModels(client).stream().filter(model -> target.model().equals(model.path("id").asText()))
        .findFirst();
  }
}
