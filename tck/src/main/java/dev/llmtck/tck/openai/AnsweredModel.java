package dev.llmtck.tck.openai;

import com.fasterxml.jackson.databind.JsonNode;

import org.opentest4j.AssertionFailedError;

/**
 * The {@code model} an answer may name, by vLLM's rule: the requested name, or, when the requested name is one of
 * several {@code --served-model-name}s of one model, the first of them.
 *
 * <p>vLLM documents that "the model name in the model field of a response will be the first name in this list"
 * ({@code --served-model-name}); {@code OpenAIServingModels.model_name(lora_request)} answers
 * {@code base_model_paths[0].name}, or the LoRA adapter's name. vLLM PR #13568 (0.8 series) made chat and
 * completions echo the requested name instead ({@code OpenAIServing._get_model_name(request.model, lora)}) until
 * PR #24663 (merged 2025-09-11; 0.11.0 has it) restored the first name: both answers are real vLLM. Aliases are
 * recognised on {@code GET /v1/models}: the cards of one model's names share its {@code root} (the model path) and
 * have no {@code parent} (LoRA adapters have one).
 */
final class AnsweredModel {

  private AnsweredModel() {
  }

  /** Fails unless {@code answered} (the {@code model} of {@code what}) is what vLLM's rule allows. */
  static void expect(String answered, OpenAiTarget target, OpenAiClient client, String what) {
    String requested = target.model();
    if (requested.equals(answered)) {
      return;
    }
    JsonNode cards = client.get("/models").expectStatus(200).expectJsonObject().path("data");
    JsonNode first = cards.path(0);
    JsonNode requestedCard = card(cards, requested);
    boolean aliasAnsweredByFirstName = answered.equals(first.path("id").asText(null)) && requestedCard != null
        && isBaseModel(first) && isBaseModel(requestedCard)
        && first.path("root").asText("").equals(requestedCard.path("root").asText(null));
    if (!aliasAnsweredByFirstName) {
      throw new AssertionFailedError(String.format("%s is '%s', not the requested model '%s'%s", what, answered,
          requested, first.path("id").isTextual() ? " nor, for an alias of one model, its first served name '"
              + first.path("id").asText() + "' (GET /v1/models)" : ""), requested, answered);
    }
  }

  private static JsonNode card(JsonNode cards, String id) {
    for (JsonNode card : cards) {
      if (id.equals(card.path("id").asText(null))) {
        return card;
      }
    }
    return null;
  }

  private static boolean isBaseModel(JsonNode card) {
    return card.path("parent").isMissingNode() || card.path("parent").isNull();
  }
}
