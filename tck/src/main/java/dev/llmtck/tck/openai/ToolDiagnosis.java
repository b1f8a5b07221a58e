package dev.llmtck.tck.openai;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Optional;

/**
 * Why a tool call did not come back as one, in words an operator can act on: vLLM refusing {@code tool_choice}
 * without its tool flags, a call written into {@code content} as text (the tool-call parser does not fit the
 * model's format), several requested calls collapsed into one.
 */
final class ToolDiagnosis {
  private ToolDiagnosis() {
  }

  /** For an error answer to a request with tools; empty when the error is about something else. */
  static Optional<String> ofError(JsonResponse response) {
    String body = response.body() == null ? "" : response.body().toLowerCase(Locale.ROOT);
    if (body.contains("enable-auto-tool-choice") || body.contains("tool-call-parser")
        || body.contains("tool_call_parser") || body.contains("auto tool choice")) {
      return Optional.of("the platform refuses automatic tool choice: vLLM needs --enable-auto-tool-choice and"
          + " --tool-call-parser <the parser for this model> (hermes, mistral, llama3_json, ...) to serve GitLab's"
          + " Agent Platform");
    }
    if (body.contains("tool_choice") && (body.contains("any") || body.contains("literal") || body.contains("input"))) {
      return Optional.of("the platform refuses this tool_choice value (" + Bodies.abbreviate(response.body()) + ")");
    }
    return Optional.empty();
  }

  /** For an answer that carries no tool call although one was asked for. */
  static String ofMissingCall(JsonNode choice) {
    String content = choice.path("message").path("content").asText("");
    if (content.contains("<tool_call>") || content.contains("[TOOL_CALLS]") || content.contains("<|python_tag|>")
        || (content.contains("\"name\"") && content.contains("\"arguments\""))) {
      return "a tool call came back as text in message.content: the platform's tool-call parser does not match"
          + " the model's format (on vLLM choose the --tool-call-parser made for this model); content: "
          + Bodies.abbreviate(content);
    }
    return "the answer has no message.tool_calls: " + Bodies.abbreviate(choice.toString());
  }
}
