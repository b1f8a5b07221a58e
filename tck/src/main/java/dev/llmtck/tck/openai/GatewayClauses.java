package dev.llmtck.tck.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmtck.tck.clause.Clause;
import dev.llmtck.tck.clause.Level;
import dev.llmtck.tck.clause.RequiresCapability;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.TestReporter;
import org.opentest4j.AssertionFailedError;

/**
 * What GitLab Duo Self-Hosted needs from an OpenAI-compatible platform, checked with the requests GitLab's AI
 * gateway really sends ({@link GatewayRequests}) for the target's GitLab model family ({@link GitLabFamily}): one
 * clause per Duo feature's request shape, plus the gateway's placeholder key, tool choices and context budget. The
 * Duo feature readiness of an OpenAI-compatible platform rests on these clauses.
 */
@OpenAiContract
public class GatewayClauses {
  static final String GATEWAY = "GitLab AI gateway (ai-assist mirror at eee38f6f4595, 2026-08-22), through LiteLLM"
      + " 1.88.0: ";
  /** Report note: the GitLab model family the requests were shaped for. */
  public static final String FAMILY_NOTE = "llmtck.gitlab.family";
  /** Report note: per feature, the prompt tokens and max_tokens against the context window. */
  public static final String CONTEXT_NOTE = "llmtck.gitlab.contextBudget";
  /** Report note: per feature-shaped request, the time it took against the gateway's timeout. */
  public static final String TIMEOUT_NOTE = "llmtck.gitlab.requestTimes";
  private static final Pattern CONTEXT_ERROR = Pattern.compile("(?i)maximum (context|model) length is (\\d+)|"
      + "max_model_len|context length|context window|too many tokens|maximum context");

  @Clause(id = "GL-COMPLETION-1", level = Level.MUST,
      statement = "code completion as GitLab's AI gateway sends it (chat completions with the model family's FIM "
          + "prompt, temperature, max_tokens and at most 4 stop sequences) answers a chat.completion within max_tokens",
      source = GATEWAY + "ai_gateway/prompts/definitions/code_suggestions/completions/<family>/1.0.0.yml "
          + "(c68dc3b93b59; base fef4b87a1e97): every self-hosted family uses litellm (models.yml), i.e. POST "
          + "{endpoint}/chat/completions, never /v1/completions; LiteLLM validate_openai_optional_params keeps stop[:4]")
  void codeCompletion(OpenAiTarget target, OpenAiClient client, TestReporter reporter) {
    reporter.publishEntry(FAMILY_NOTE, target.gitLabFamily().id());
    JsonNode body = answer(client, GatewayRequests.completion(target), target, "code completion");
    OpenAiSchema.CHAT_COMPLETION.check(body, "the code completion");
    int maxTokens = target.gitLabFamily().completion().maxTokens();
    assertThat(body.path("usage").path("completion_tokens").asInt())
        .withFailMessage("the gateway asks for at most %d tokens but the answer has %s", maxTokens,
            body.path("usage").path("completion_tokens")).isLessThanOrEqualTo(maxTokens);
    String text = ChatClauses.content(body);
    for (String stop : target.gitLabFamily().completion().stop()) {
      assertThat(text).withFailMessage("the answer goes on past the stop sequence %s the gateway sent: %s", stop,
          Bodies.abbreviate(text)).doesNotContain(stop);
    }
  }

  @Clause(id = "GL-COMPLETION-2", level = Level.MUST,
      statement = "the same code completion streamed with stream_options.include_usage is a well-framed stream of "
          + "chat.completion.chunk events ending with [DONE]",
      source = GATEWAY + "vendored ai_gateway/vendor/langchain_litellm/litellm.py _astream always sets "
          + "stream_options.include_usage (c8a95f4ba4e2); code completions stream when the IDE asks")
  void streamedCodeCompletion(OpenAiTarget target, OpenAiClient client) {
    RequestBody request = GatewayRequests.completion(target).streamed()
        .with("stream_options", RequestBody.object().put("include_usage", true));
    answerStream(client, request, target, "streamed code completion");
  }

  @Clause(id = "GL-GENERATION-1", level = Level.MUST,
      statement = "code generation as the gateway sends it for the model family (general, claude_3, qwen, gemini: a "
          + "trailing assistant <new_code> prefill and stop </new_code>; others: system and user), streamed with "
          + "usage, with the family's max_tokens, is answered",
      source = GATEWAY + "ai_gateway/prompts/definitions/code_suggestions/generations/<family>/1.0.0.yml "
          + "(c68dc3b93b59): base 2048 tokens, temperature 0.2, prefill and stop; family folders 256 to 4096")
  void codeGeneration(OpenAiTarget target, OpenAiClient client) {
    answerStream(client, GatewayRequests.generation(target), target, "code generation");
  }

  @Clause(id = "GL-CHAT-1", level = Level.MUST,
      statement = "classic Duo Chat as the gateway sends it (system, user, a trailing assistant \"\\nThought:\", stop "
          + "Observation:, max_tokens 8192, streamed with usage; for mistral continue_final_message) is answered",
      source = GATEWAY + "ai_gateway/chat/agents/react.py ReActPromptTemplate (78bfb5addb52); "
          + "prompts/definitions/chat/react/base/1.1.0.yml (8192, stop Observation:, llama3 4096, gpt no stop); "
          + "vendored litellm.py _add_mistral_params (cbfdf7b169f5): continue_final_message for 'mistral' models")
  void classicDuoChat(OpenAiTarget target, OpenAiClient client) {
    answerStream(client, GatewayRequests.classicChat(target), target, "classic Duo Chat");
  }

  @Clause(id = "GL-CHAT-2", level = Level.MUST,
      statement = "agentic Duo Chat as the gateway sends it (several system messages, one for qwen; tools bound "
          + "without tool_choice; max_tokens 32768 or AIGW_DUO_CHAT__MAX_TOKENS; streamed with usage) is answered",
      source = GATEWAY + "duo_workflow_service/agents/chat_agent_factory.py (c7266e44a6af) and prompt_adapter.py "
          + "ChatAgentPromptTemplate (2cfaec18c3d8): system messages static, security block, dynamic; "
          + "prompts/definitions/chat/agent/<family> max_tokens 32768 (gpt none); registry.py AIGW_DUO_CHAT__MAX_TOKENS "
          + "override (cb5573a8152c)")
  @RequiresCapability("tools") // it binds tools: vLLM without --enable-auto-tool-choice refuses it (400)
  void agenticDuoChat(OpenAiTarget target, OpenAiClient client) {
    answerStream(client, GatewayRequests.agenticChat(target), target, "agentic Duo Chat");
  }

  @Clause(id = "GL-TOOLS-1", level = Level.MUST,
      statement = "an Agent Platform component's tool_choice \"required\" is answered with message.tool_calls",
      source = GATEWAY + "duo_workflow_service/agent_platform/v1/components/agent/component.py (c8eb5a36da22) "
          + "chooses any/auto; LocalPromptRegistry._adjust_tool_choice_for_model and vendored bind_tools turn any "
          + "into required for bedrock/azure identifiers and the general, claude_3, gemini families")
  @RequiresCapability("tools")
  void requiredToolChoiceCallsATool(OpenAiTarget target, OpenAiClient client) {
    expectToolCall(client, GatewayRequests.agentWithToolChoice(target, "required"));
  }

  @Clause(id = "GL-TOOLS-2", level = Level.MUST,
      statement = "for model families whose \"any\" the gateway does not rewrite (codestral, mistral, mixtral, "
          + "codellama, codegemma, deepseekcoder, llama3, gpt, qwen), tool_choice \"any\" is accepted and calls a tool",
      source = GATEWAY + "agent component.py chooses tool_choice \"any\" when the agent has a response schema; "
          + "captured: codestral and gpt keep \"any\" (only bedrock/azure/general-like models are rewritten); "
          + "OpenAI's own tool_choice values are none, auto, required or a named function")
  @RequiresCapability("tools")
  void anyToolChoiceWhereTheGatewaySendsIt(OpenAiTarget target, OpenAiClient client) {
    Assumptions.assumeFalse(target.gitLabFamily().rewritesAnyToRequired(), "the gateway turns \"any\" into "
        + "\"required\" for the " + target.gitLabFamily().id() + " family, so the platform never sees it");
    expectToolCall(client, GatewayRequests.agentWithToolChoice(target, "any"));
  }

  @Clause(id = "GL-TOOLS-3", level = Level.MUST,
      statement = "an agent's next turn, with two tool calls at once (content \"\", reasoning_content kept) and "
          + "both tool results, is answered",
      source = GATEWAY + "agent_platform/v1/components/agent/nodes/tool_node.py runs several tool_calls concurrently "
          + "(81779a951cd9); vendored litellm.py _convert_message_to_dict sends reasoning_content back (c8a95f4ba4e2)")
  @RequiresCapability("tools")
  void severalToolCallsAndTheirResultsAreAnswered(OpenAiTarget target, OpenAiClient client) {
    JsonNode body = answer(client, GatewayRequests.agentFollowUp(target), target, "an agent's follow-up turn");
    OpenAiSchema.CHAT_COMPLETION.check(body, "the answer after two tool results");
  }

  @Clause(id = "GL-AUTH-1", level = Level.MUST,
      statement = "a platform without an API key accepts the gateway's placeholder Authorization: Bearer dummy_key",
      source = GATEWAY + "ai_gateway/model_metadata.py line 126 sets api_key \"dummy_key\" for custom_openai when "
          + "none is configured (4b740526dafd)")
  void placeholderKeyIsAccepted(OpenAiTarget target, OpenAiClient client) {
    Assumptions.assumeTrue(target.apiKey().isEmpty(), "the platform has an API key, which GitLab is configured to"
        + " send (OAI-AUTH-2 checks it); the gateway sends dummy_key only when no key is configured");
    JsonResponse response = client.withApiKey("dummy_key").post("/chat/completions",
        RequestBody.chat(target).user("Say hello.").with("max_tokens", 8).json());
    if (response.status() == 401 || response.status() == 403) {
      throw new AssertionFailedError("the platform refuses 'Bearer dummy_key' although it has no key configured, so"
          + " GitLab (which sends it when no key is set) cannot call it: " + response.describe());
    }
    response.expectStatus(200);
  }

  @Clause(id = "GL-CONTEXT-1", level = Level.SHOULD,
      statement = "every Duo feature's request fits the context window: the max_tokens the gateway asks for is "
          + "within max_model_len, and (for vLLM before 0.32, which refuses it) so is prompt plus max_tokens",
      source = GATEWAY + "the features' max_tokens (completion 64/128, generation 256-4096, classic chat 8192, "
          + "agentic chat 32768; AIGW_DUO_CHAT__MAX_TOKENS overrides chat); vLLM 0.32.0 renderers/params.py refuses "
          + "max_tokens > max_model_len and cuts a longer answer at the window (observed); vLLM 0.20 still refused "
          + "prompt + max_tokens > max_model_len (vllm-project/vllm#42474)")
  void featuresFitTheContextWindow(OpenAiTarget target, OpenAiClient client, TestReporter reporter) {
    Optional<Integer> window = maxModelLen(target, client);
    Assumptions.assumeTrue(window.isPresent(), "GET /v1/models gives no max_model_len for the model; a feature whose"
        + " request does not fit fails its own GL-* clause with the platform's error");
    boolean cuts = cutsAtTheWindow(client);
    Map<String, RequestBody> features = new LinkedHashMap<>();
    features.put("code completion", GatewayRequests.completion(target));
    features.put("code generation", GatewayRequests.generation(target));
    features.put("classic Duo Chat", GatewayRequests.classicChat(target));
    features.put("agentic Duo Chat", GatewayRequests.agenticChat(target));
    List<String> rows = new ArrayList<>();
    List<String> misfits = new ArrayList<>();
    int chatPrompt = 0;
    for (Map.Entry<String, RequestBody> feature : features.entrySet()) {
      int asked = feature.getValue().json().path("max_tokens").asInt(0);
      Optional<Integer> counted = promptTokens(client, feature.getValue());
      if (counted.isEmpty()) {
        rows.add(feature.getKey() + ": not counted (the platform refuses the request; its own GL-* clause says why)");
        continue;
      }
      int prompt = counted.get();
      if (feature.getKey().contains("Chat")) {
        chatPrompt = Math.max(chatPrompt, prompt);
      }
      String row = feature.getKey() + ": " + prompt + " prompt + " + asked + " max_tokens";
      if (asked > window.get()) {
        misfits.add(feature.getKey() + " (max_tokens " + asked + " > max_model_len " + window.get() + ")");
        row += ": max_tokens beyond the window, refused";
      } else if (prompt + asked > window.get()) {
        if (cuts) {
          row += ": the answer may be cut at the window (finish_reason length)";
        } else {
          misfits.add(feature.getKey() + " (" + (prompt + asked) + " tokens > " + window.get() + ")");
          row += ": beyond the window, refused";
        }
      } else {
        row += ": fits";
      }
      rows.add(row);
    }
    int largestChat = Math.max(0, window.get() - chatPrompt);
    String budget = String.join("; ", rows) + "; the largest AIGW_DUO_CHAT__MAX_TOKENS that leaves the first turn's"
        + " answer uncut: " + largestChat;
    reporter.publishEntry(CONTEXT_NOTE, budget);
    if (!misfits.isEmpty()) {
      throw new AssertionFailedError("with max_model_len " + window.get() + ", " + String.join(", ", misfits)
          + " will get the platform's context-length error from GitLab's gateway; serve a longer context, or for Duo"
          + " Chat set AIGW_DUO_CHAT__MAX_TOKENS to at most " + largestChat + " (" + budget + ")");
    }
  }

  /** Whether the platform is a vLLM that cuts an answer at the window rather than refusing (0.32.0 and later). */
  private static boolean cutsAtTheWindow(OpenAiClient client) {
    JsonResponse version = client.getFromServerRoot("/version");
    if (!version.isJsonObject() || !version.json().path("version").isTextual()) {
      return false;
    }
    try {
      return dev.llmtck.fixtures.vllm.VllmVersion.parse(version.json().path("version").asText())
          .isAtLeast(dev.llmtck.fixtures.vllm.VllmVersion.parse("0.32.0"));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  @Clause(id = "GL-TIMEOUT-1", level = Level.SHOULD,
      statement = "feature-shaped requests finish well within the gateway's timeouts (60 s for code suggestions, "
          + "30 s per chat model request, GitLab's 60 s default gateway timeout)",
      source = GATEWAY + "ai_gateway/config.py ConfigDuoChat.model_request_timeout 30.0 (4bffa940f568); "
          + "code_suggestions prompts params.timeout 60; GitLab docs: AI gateway request timeout default 60 s, "
          + "60 to 600 s since 18.7")
  void featureRequestsFinishInTime(OpenAiTarget target, OpenAiClient client, TestReporter reporter) {
    long completion = timed(() -> ChatClauses.ask(client, GatewayRequests.completion(target)));
    EventStreamResponse[] stream = new EventStreamResponse[1];
    long chat = timed(() -> stream[0] = client.stream("/chat/completions",
        GatewayRequests.classicChat(target).with("max_tokens", 256).json()));
    Assumptions.assumeTrue(stream[0].status() == 200, "the platform refuses the classic Duo Chat request, so its time"
        + " says nothing (GL-CHAT-1 says why): " + stream[0].describe());
    ChatStreamClauses.expectWellFramedStream(stream[0]);
    reporter.publishEntry(TIMEOUT_NOTE, "code completion " + completion + " ms (gateway timeout 60 s); classic chat"
        + " streamed, up to 256 tokens, " + chat + " ms (model request timeout 30 s)");
    assertThat(completion).withFailMessage("code completion took %d ms; the gateway gives up after 60 s and users"
        + " notice long before", completion).isLessThan(60_000 / 2);
    assertThat(chat).withFailMessage("a streamed chat answer of up to 256 tokens took %d ms; the gateway's chat model"
        + " timeout is 30 s", chat).isLessThan(30_000 / 2);
  }

  /** The answer to a whole (non-streamed) feature request, with the context budget said when it does not fit. */
  private static JsonNode answer(OpenAiClient client, RequestBody request, OpenAiTarget target, String feature) {
    JsonResponse response = client.post("/chat/completions", request.json());
    if (response.status() != 200) {
      throw refusal(response, request, target, feature);
    }
    return response.expectJsonObject();
  }

  /** A streamed feature request: a well-framed stream of chat chunks with a finish_reason. */
  private static void answerStream(OpenAiClient client, RequestBody request, OpenAiTarget target, String feature) {
    EventStreamResponse stream = client.stream("/chat/completions", request.json());
    if (stream.status() != 200) {
      throw refusal(new JsonResponse(stream.exchange(), stream.status(), stream.headers(), stream.body(),
          null), request, target, feature);
    }
    ChatStreamClauses.expectWellFramedStream(stream);
    List<JsonNode> chunks = StreamChunks.of(stream).all();
    for (JsonNode chunk : chunks) {
      assertThat(chunk.path("object").asText()).as("object of a streamed %s chunk", feature)
          .isEqualTo("chat.completion.chunk");
    }
    ChatStreamClauses.expectOneFinalChunkPerChoice(chunks);
  }

  private static AssertionFailedError refusal(JsonResponse response, RequestBody request, OpenAiTarget target,
      String feature) {
    String body = response.body() == null ? "" : response.body();
    Matcher context = CONTEXT_ERROR.matcher(body);
    if (response.status() == 400 && context.find()) {
      int asked = request.json().path("max_tokens").asInt(0);
      return new AssertionFailedError("the " + feature + " request GitLab's gateway sends (max_tokens " + asked
          + ") does not fit the model's context: " + response.describe() + ". Serve a longer --max-model-len, or for"
          + " Duo Chat set AIGW_DUO_CHAT__MAX_TOKENS lower (GL-CONTEXT-1 says how low)");
    }
    Optional<String> tools = ToolDiagnosis.ofError(response);
    if (tools.isPresent()) {
      return new AssertionFailedError("the " + feature + " request was refused: " + tools.get() + ": "
          + response.describe());
    }
    String lower = body.toLowerCase(java.util.Locale.ROOT);
    String hint = lower.contains("system") ? " (the platform's chat template seems to refuse the gateway's system"
        + " messages: " + (target.gitLabFamily().singleSystemMessage() ? "one" : "several leading ones") + ")"
        : lower.contains("alternat") || lower.contains("assistant") ? " (the chat template refuses the conversation's"
            + " shape, e.g. the trailing assistant turn; for Mistral models the gateway sends continue_final_message"
            + " only when the GitLab model family is mistral)" : "";
    return new AssertionFailedError("GitLab's " + feature + " request (family " + target.gitLabFamily().id()
        + ") is refused" + hint + ": " + response.describe());
  }

  private static void expectToolCall(OpenAiClient client, RequestBody request) {
    JsonResponse response = client.post("/chat/completions", request.json());
    if (response.status() != 200) {
      throw new AssertionFailedError(ToolDiagnosis.ofError(response).map(why -> why + ": ").orElse("")
          + "expected HTTP 200 but got " + response.describe());
    }
    JsonNode body = response.expectJsonObject();
    OpenAiSchema.CHAT_COMPLETION.check(body, "the answer to a tool_choice request");
    JsonNode choice = body.path("choices").path(0);
    JsonNode calls = choice.path("message").path("tool_calls");
    if (!calls.isArray() || calls.isEmpty()) {
      throw new AssertionFailedError(ToolDiagnosis.ofMissingCall(choice));
    }
  }

  private static Optional<Integer> maxModelLen(OpenAiTarget target, OpenAiClient client) {
    JsonResponse models = client.get("/models");
    if (!models.isJsonObject()) {
      return Optional.empty();
    }
    for (JsonNode model : models.json().path("data")) {
      if (model.path("id").asText().equals(target.model()) && model.path("max_model_len").isInt()) {
        return Optional.of(model.path("max_model_len").asInt());
      }
    }
    return Optional.empty();
  }

  /**
   * The prompt tokens of a feature's messages: the same request, not streamed, asking for one token; empty when the
   * platform refuses the request for another reason than its size.
   */
  private static Optional<Integer> promptTokens(OpenAiClient client, RequestBody request) {
    RequestBody probe = request.without("stream").without("stream_options").with("max_tokens", 1);
    JsonResponse response = client.post("/chat/completions", probe.json());
    if (response.status() != 200 || !response.isJsonObject()) {
      return Optional.empty();
    }
    return Optional.of(response.json().path("usage").path("prompt_tokens").asInt());
  }

  private static long timed(Runnable request) {
    long start = System.nanoTime();
    request.run();
    return (System.nanoTime() - start) / 1_000_000;
  }
}
