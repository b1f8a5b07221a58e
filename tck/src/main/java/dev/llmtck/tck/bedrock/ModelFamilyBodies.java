package dev.llmtck.tck.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.opentest4j.AssertionFailedError;

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
    String shown = shown(body);
    switch (provider) {
      case "anthropic" -> {
        expect(body.path("type").asText().equals("message") && body.path("role").asText().equals("assistant"),
            "an Anthropic Messages answer should have type \"message\" and role \"assistant\"", shown);
        expect(body.path("content").path(0).path("type").asText().equals("text"),
            "its content[0] should be a block of type \"text\"", shown);
        expect(List.of("end_turn", "max_tokens", "stop_sequence", "tool_use").contains(body.path("stop_reason")
            .asText()), "its stop_reason should be end_turn, max_tokens, stop_sequence or tool_use", shown);
        expect(body.path("usage").path("input_tokens").isIntegralNumber()
            && body.path("usage").path("output_tokens").isIntegralNumber(),
            "its usage should have integer input_tokens and output_tokens", shown);
        return body.path("content").path(0).path("text").asText();
      }
      case "mistral" -> {
        expect(body.path("outputs").path(0).path("text").isTextual(),
            "a Mistral answer should have outputs[0].text, a string", shown);
        expect(List.of("stop", "length").contains(body.path("outputs").path(0).path("stop_reason").asText()),
            "its outputs[0].stop_reason should be stop or length", shown);
        return body.path("outputs").path(0).path("text").asText();
      }
      case "meta" -> {
        expect(body.path("generation").isTextual(), "a Meta Llama answer should have generation, a string", shown);
        expect(body.path("prompt_token_count").isIntegralNumber()
            && body.path("generation_token_count").isIntegralNumber(),
            "it should have integer prompt_token_count and generation_token_count", shown);
        expect(List.of("stop", "length").contains(body.path("stop_reason").asText()),
            "its stop_reason should be stop or length", shown);
        return body.path("generation").asText();
      }
      default -> throw new IllegalArgumentException(provider);
    }
  }

  /** Asserts one decoded stream chunk is the family's chunk JSON. */
  static void assertChunk(String provider, JsonNode chunk, int index) {
    switch (provider) {
      case "anthropic" -> expect(List.of("message_start", "content_block_start", "content_block_delta",
          "content_block_stop", "message_delta", "message_stop", "ping").contains(chunk.path("type").asText()),
          "chunk " + index + " should be an Anthropic stream event (type message_start, content_block_start, "
              + "content_block_delta, content_block_stop, message_delta, message_stop or ping)", shown(chunk));
      case "mistral" -> expect(chunk.path("outputs").path(0).has("text"),
          "chunk " + index + " should be a Mistral stream chunk with outputs[0].text", shown(chunk));
      case "meta" -> expect(chunk.has("generation"), "chunk " + index + " should be a Meta Llama stream chunk with "
          + "generation", shown(chunk));
      default -> throw new IllegalArgumentException(provider);
    }
  }

  private static void expect(boolean ok, String expected, String came) {
    if (!ok) {
      throw new AssertionFailedError(expected + "; it is " + came);
    }
  }

  private static String shown(JsonNode node) {
    return node.isMissingNode() ? "not JSON" : AwsErrorReply.abbreviate(node.toString());
  }
}
