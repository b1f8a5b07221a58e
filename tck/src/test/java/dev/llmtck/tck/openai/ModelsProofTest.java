package dev.llmtck.tck.openai;

import dev.llmtck.tck.clause.Proves;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** Discovery clauses fail on a reference platform whose model list is wrong in one way. */
class ModelsProofTest {

  @Test
  @Proves("OAI-MODELS-1")
  void listObjectOtherThanListFails() {
    try (BrokenPlatform platform = BrokenPlatform.editingJson("/v1/models", body -> body.put("object", "models"))) {
      platform.run("OAI-MODELS-1").assertFailsWith("models-list.json", "$.object");
    }
  }

  @Test
  @Proves("OAI-MODELS-2")
  void entryWithoutOwnedByFails() {
    try (BrokenPlatform platform = BrokenPlatform.editingJson("/v1/models",
        body -> body.get("data").forEach(model -> ((ObjectNode) model).remove("owned_by")))) {
      platform.run("OAI-MODELS-2").assertFailsWith("models that miss OpenAI fields", "owned_by");
    }
  }

  @Test
  @Proves("OAI-MODELS-2")
  void createdAsTextFails() {
    try (BrokenPlatform platform = BrokenPlatform.editingJson("/v1/models",
        body -> body.get("data").forEach(model -> ((ObjectNode) model).put("created", "2024-11-25")))) {
      platform.run("OAI-MODELS-2").assertFailsWith("$.created");
    }
  }

  @Test
  @Proves("OAI-MODELS-3")
  void configuredModelMissingFromTheListFails() {
    try (BrokenPlatform platform = BrokenPlatform.editingJson("/v1/models",
        body -> body.get("data").forEach(model -> ((ObjectNode) model).put("id", "some-other-model")))) {
      platform.run("OAI-MODELS-3").assertFailsWith("is not served", "some-other-model");
    }
  }

  @Test
  void servedModelYieldsTheGitLabIdentifiers() {
    try (BrokenPlatform platform = BrokenPlatform.with(builder -> builder.servedModelNames("codestral"))) {
      ClauseRun run = platform.run("OAI-MODELS-3");
      run.assertPasses();
      assertThat(run.reportEntries(dev.llmtck.tck.runner.GitLabValues.MODEL_NOTE))
          .containsExactly("custom_openai/codestral");
    }
  }

  @Test
  @Proves("OAI-MODELS-4")
  void entryWithoutMaxModelLenFails() {
    try (BrokenPlatform platform = BrokenPlatform.editingJson("/v1/models",
        body -> body.get("data").forEach(model -> ((ObjectNode) model).remove("max_model_len")))) {
      platform.run("OAI-MODELS-4").assertFailsWith("no integer max_model_len");
    }
  }

  @Test
  @Proves("OAI-MODELS-4")
  void entryWithoutRootFails() {
    try (BrokenPlatform platform = BrokenPlatform.editingJson("/v1/models",
        body -> body.get("data").forEach(model -> ((ObjectNode) model).putNull("root")))) {
      platform.run("OAI-MODELS-4").assertFailsWith("no string root");
    }
  }
}
