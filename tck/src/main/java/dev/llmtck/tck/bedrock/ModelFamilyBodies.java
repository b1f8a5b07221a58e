package dev.llmtck.tck.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The native InvokeModel bodies of the families GitLab Duo reaches through Bedrock: Anthropic Messages
 * ({@code anthropic_version: bedrock-2023-05-31}), Mistral and Meta Llama. Sources: the Bedrock User Guide's
 * "Inference request parameters and response fields for foundation models" pages.
 */
final class ModelFamilyBodies {
  static final String ANTHROPIC_VERSION = "bedrock-2023-05-31";
  private static final ObjectMapper JSON = new ObjectMapper();

  private ModelFamilyBodies() {
  }

  static boolean known(String provider) {
    return provider.equals("anthropic") || provider.equals("mistral") || provider.equals("meta");
  }

  static String request(String provider, String prompt, int maxTokens) {
    ObjectNode body = JSON.createObjectNode();
    switch (provider) {
      case "anthropic" -> {
        body.put("anthropic_version", ANTHROPIC_VERSION);
        body.put("max_tokens", maxTokens);
        body.putArray("messages").addObject().put("role", "user").put("content", prompt);
      }
      case "mistral" -> body.put("prompt", "<s>[INST] " + prompt + " [/INST]").put("max_tokens", maxTokens);
      case "meta" -> body.put("prompt", prompt).put("max_gen_len", maxTokens);
      default -> throw new IllegalArgumentException("no native body known for provider " + provider);
    }
    return body.toString();
  }

  /** Asserts a complete InvokeModel answer has the family's fields; returns the answer text. */
  static String assertResponse(String provider, JsonNode body) {
    switch (provider) {
      case "anthropic" -> {
        assertThat(body.path("type").asText()).as("type").isEqualTo("message");
        assertThat(body.path("role").asText()).as("role").isEqualTo("assistant");
        assertThat(body.path("content").path(0).path("type").asText()).as("content[0].type").isEqualTo("text");
        assertThat(body.path("stop_reason").asText()).as("stop_reason")
            .isIn("end_turn", "max_tokens", "stop_sequence", "tool_use");
        assertThat(body.path("usage").path("input_tokens").isIntegralNumber()).as("usage.input_tokens").isTrue();
        assertThat(body.path("usage").path("output_tokens").isIntegralNumber()).as("usage.output_tokens").isTrue();
        return body.path("content").path(0).path("text").asText();
      }
      case "mistral" -> {
        assertThat(body.path("outputs").path(0).path("text").isTextual()).as("outputs[0].text").isTrue();
        assertThat(body.path("outputs").path(0).path("stop_reason").asText()).as("outputs[0].stop_reason")
            .isIn("stop", "length");
        return body.path("outputs").path(0).path("text").asText();
      }
      case "meta" -> {
        assertThat(body.path("generation").isTextual()).as("generation").isTrue();
        assertThat(body.path("prompt_token_count").isIntegralNumber()).as("prompt_token_count").isTrue();
        assertThat(body.path("generation_token_count").isIntegralNumber()).as("generation_token_count").isTrue();
        assertThat(body.path("stop_reason").asText()).as("stop_reason").isIn("stop", "length");
        return body.path("generation").asText();
      }
      default -> throw new IllegalArgumentException(provider);
    }
  }

  /** Asserts one decoded stream chunk is the family's chunk JSON. */
  static void assertChunk(String provider, JsonNode chunk, int index) {
    switch (provider) {
      case "anthropic" -> assertThat(chunk.path("type").asText()).as("chunk %s type", index).isIn("message_start",
          "content_block_start", "content_block_delta", "content_block_stop", "message_delta", "message_stop", "ping");
      case "mistral" -> assertThat(chunk.path("outputs").path(0).has("text")).as("chunk %s outputs[0].text", index)
          .isTrue();
      case "meta" -> assertThat(chunk.has("generation")).as("chunk %s generation", index).isTrue();
      default -> throw new IllegalArgumentException(provider);
    }
  }
}
