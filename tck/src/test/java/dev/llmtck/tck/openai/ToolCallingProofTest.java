package dev.llmtck.tck.openai;

import dev.llmtck.tck.clause.Proves;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmtck.fixtures.openai.ResponseTransformer;
import org.junit.jupiter.api.Test;

/** Tool-calling clauses fail on platforms without tool calling or with broken tool calls. */
class ToolCallingProofTest {

  private static final String CHAT = "/v1/chat/completions";

  @Test
  @Proves("OAI-TOOLS-1")
  void answerWithoutToolCallsFails() {
    try (BrokenPlatform platform = BrokenPlatform.editingJson(CHAT,
        body -> ((ObjectNode) body.at("/choices/0/message")).putArray("tool_calls"))) {
      platform.run("OAI-TOOLS-1").assertFailsWith("the answer has no message.tool_calls");
    }
  }

  @Test
  @Proves("OAI-TOOLS-2")
  void aToolCallLeakedIntoContentIsDiagnosedAsAParserMismatch() {
    try (BrokenPlatform platform = BrokenPlatform.editingJson(CHAT, body -> {
      ObjectNode message = (ObjectNode) body.at("/choices/0/message");
      message.remove("tool_calls");
      message.put("content", "[TOOL_CALLS][{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}]");
    })) {
      platform.run("OAI-TOOLS-2").assertFailsWith("came back as text in message.content", "--tool-call-parser");
    }
  }

  @Test
  @Proves("OAI-TOOLS-1")
  void argumentsThatAreNotJsonFail() {
    try (BrokenPlatform platform = BrokenPlatform.editingJson(CHAT, body -> body.at("/choices/0/message/tool_calls")
        .forEach(call -> ((ObjectNode) call.get("function")).put("arguments", "city=Paris")))) {
      platform.run("OAI-TOOLS-1").assertFailsWith("function.arguments is not a JSON object in a string", "city=Paris");
    }
  }

  @Test
  @Proves("OAI-TOOLS-1")
  void callToAnotherFunctionFails() {
    try (BrokenPlatform platform = BrokenPlatform.editingJson(CHAT, body -> body.at("/choices/0/message/tool_calls")
        .forEach(call -> ((ObjectNode) call.get("function")).put("name", "get_time")))) {
      platform.run("OAI-TOOLS-1").assertFailsWith("the called function", "get_time");
    }
  }

  @Test
  @Proves("OAI-TOOLS-1")
  void namedCallCutByTheTokenLimitFails() {
    try (BrokenPlatform platform = BrokenPlatform.editingJson(CHAT,
        body -> ((ObjectNode) body.at("/choices/0")).put("finish_reason", "length"))) {
      platform.run("OAI-TOOLS-1").assertFailsWith("finish_reason of a forced tool call", "length");
    }
  }

  @Test
  void namedCallEndingWithStopAsVllmAnswersItPasses() {
    // vLLM answers a named tool_choice through guided decoding and keeps the engine's "stop"
    try (BrokenPlatform platform = BrokenPlatform.with(builder -> { })) {
      platform.run("OAI-TOOLS-1").assertPasses();
    }
    try (BrokenPlatform platform = BrokenPlatform.editingJson(CHAT,
        body -> ((ObjectNode) body.at("/choices/0")).put("finish_reason", "tool_calls"))) {
      platform.run("OAI-TOOLS-1").assertPasses();
    }
  }

  @Test
  @Proves("OAI-TOOLS-2")
  void platformWithoutAutoToolChoiceFails() {
    try (BrokenPlatform platform = BrokenPlatform.withoutToolCalling()) {
      platform.run("OAI-TOOLS-2").assertFailsWith("the platform refuses automatic tool choice: vLLM needs"
          + " --enable-auto-tool-choice and --tool-call-parser", "expected HTTP 200 but got", "-> 400",
          "requires --enable-auto-tool-choice");
    }
  }

  @Test
  @Proves("OAI-TOOLS-2")
  void toolCallsEndingWithStopFail() {
    try (BrokenPlatform platform = BrokenPlatform.editingJson(CHAT,
        body -> ((ObjectNode) body.at("/choices/0")).put("finish_reason", "stop"))) {
      platform.run("OAI-TOOLS-2").assertFailsWith("must say finish_reason \"tool_calls\", not \"stop\"");
    }
  }

  @Test
  @Proves("OAI-TOOLS-3")
  void fragmentsWithoutIndexFail() {
    try (BrokenPlatform platform = BrokenPlatform.editingStreams(CHAT, stream -> stream.mapJsonEvents(chunk -> {
      for (JsonNode call : chunk.at("/choices/0/delta/tool_calls")) {
        ((ObjectNode) call).remove("index");
      }
      return chunk;
    }))) {
      platform.run("OAI-TOOLS-3").assertFailsWith("no integer index");
    }
  }

  @Test
  @Proves("OAI-TOOLS-3")
  void firstFragmentWithoutNameFails() {
    try (BrokenPlatform platform = BrokenPlatform.editingStreams(CHAT, stream -> stream.mapJsonEvents(chunk -> {
      for (JsonNode call : chunk.at("/choices/0/delta/tool_calls")) {
        if (call.path("function").isObject()) {
          ((ObjectNode) call.get("function")).remove("name");
        }
      }
      return chunk;
    }))) {
      platform.run("OAI-TOOLS-3").assertFailsWith("the first fragment of tool call 0 lacks its id or function.name");
    }
  }

  @Test
  @Proves("OAI-TOOLS-4")
  void toolResultThatCrashesFails() {
    try (BrokenPlatform platform = BrokenPlatform.transformed(ResponseTransformer.forJson((request, response) ->
        BrokenPlatform.hasRole(request, "tool") ? response.withStatus(500) : response))) {
      platform.run("OAI-TOOLS-4").assertFailsWith("expected HTTP 200 but got", "-> 500");
    }
  }

  @Test
  void clausesAreSkippedForATargetWithoutTheCapability() {
    try (BrokenPlatform platform = BrokenPlatform.withoutToolCalling()) {
      ClauseRun.of("OAI-TOOLS-2").against(platform.baseUrl(), BrokenPlatform.KEY, platform.model())
          .assertSkippedBecause("does not declare the optional capability 'tools'");
    }
  }
}
