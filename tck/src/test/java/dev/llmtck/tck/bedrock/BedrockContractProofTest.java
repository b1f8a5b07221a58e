package dev.llmtck.tck.bedrock;

import dev.llmtck.tck.clause.Proves;
import dev.llmtck.tck.platform.CommonSettings;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.llmtck.fixtures.bedrock.BedrockApiKey;
import dev.llmtck.fixtures.bedrock.BedrockCredentials;
import dev.llmtck.fixtures.bedrock.BedrockRuntimeMock;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Every Bedrock clause can fail: each runs twice through a WireMock proxy (keeping the Host header, so SigV4
 * still verifies) in front of the reference mock, once faithful (the clause must pass, so the proxy breaks
 * nothing) and once with one stub that breaks the platform in the way the clause is about (it must fail).
 */
class BedrockContractProofTest {
  private static final BedrockCredentials KEY =
      BedrockCredentials.temporary("ASIAPROOF00000000001", "proof-secret-0123456789", "proof-session-token-0001");
  private static final String MODEL = BedrockRuntimePlatform.EMBEDDED_MODEL;
  private static final String API_KEY = BedrockApiKey.longTerm("123456789012", "proof-api-key-secret");
  private static final String HAIKU = "/model/anthropic\\.claude-3-haiku[^/]*/";
  private static final String CONVERSE = HAIKU + "converse";
  private static final String CONVERSE_OK = "{\"output\":{\"message\":{\"role\":\"assistant\",\"content\":[{\"text\":"
      + "\"Hello.\"}]}},\"stopReason\":\"end_turn\",\"usage\":{\"inputTokens\":3,\"outputTokens\":2,\"totalTokens\":5},"
      + "\"metrics\":{\"latencyMs\":12}}";
  private static final String CLAUDE_OK = "{\"id\":\"msg_bdrk_1\",\"type\":\"message\",\"role\":\"assistant\","
      + "\"model\":\"claude-3-haiku-20240307\",\"content\":[{\"type\":\"text\",\"text\":\"Hello.\"}],"
      + "\"stop_reason\":\"end_turn\",\"stop_sequence\":null,\"usage\":{\"input_tokens\":3,\"output_tokens\":2}}";
  private static final String TOOL_USE_OK = "{\"output\":{\"message\":{\"role\":\"assistant\",\"content\":"
      + "[{\"toolUse\":{\"toolUseId\":\"tooluse_proof_0001\",\"name\":\"get_weather\",\"input\":{\"city\":"
      + "\"Paris\"}}}]}},\"stopReason\":\"tool_use\",\"usage\":{\"inputTokens\":9,\"outputTokens\":4,"
      + "\"totalTokens\":13},\"metrics\":{\"latencyMs\":12}}";
  private static final String METRICS = "\"amazon-bedrock-invocationMetrics\":{\"inputTokenCount\":3,"
      + "\"outputTokenCount\":2,\"invocationLatency\":20,\"firstByteLatency\":5}";

  private static BedrockRuntimeMock bedrock;
  private static WireMockServer proxy;

  @BeforeAll
  static void start() {
    bedrock = BedrockRuntimeMock.builder().credentials(KEY).apiKey(API_KEY).enableModel(MODEL)
        .enableModel("us." + BedrockRuntimePlatform.EMBEDDED_PROFILE_ONLY_MODEL).start();
    proxy = new WireMockServer(wireMockConfig().dynamicPort().preserveHostHeader(true));
    proxy.start();
  }

  @AfterAll
  static void stop() {
    proxy.stop();
    bedrock.close();
  }

  @AfterEach
  void resetStubs() {
    proxy.resetAll();
  }

  static Stream<Arguments> brokenPlatforms() {
    return Stream.of(
        broken("BDR-AUTH-1", "answers unsigned requests",
            post(urlPathMatching(CONVERSE)).withHeader("Authorization", absent()), converseOk()),
        broken("BDR-AUTH-2", "refuses session tokens",
            post(urlPathMatching(CONVERSE)).withHeader("X-Amz-Security-Token", matching(".+")),
            awsError(403, "UnrecognizedClientException", "The security token included in the request is invalid.")),
        broken("BDR-AUTH-3", "checks no signature", post(urlPathMatching(CONVERSE)), converseOk()),
        broken("BDR-AUTH-4", "calls an unknown key an invalid signature",
            post(urlPathMatching(CONVERSE)).withHeader("Authorization", containing("AKIAZZZZLLMTCKUNKNOWN")),
            awsError(403, "InvalidSignatureException", "The request signature we calculated does not match.")),
        broken("BDR-AUTH-5", "accepts signatures of any age", post(urlPathMatching(CONVERSE)), converseOk()),
        broken("BDR-AUTH-6", "refuses Bedrock API keys",
            post(urlPathMatching(CONVERSE)).withHeader("Authorization", matching("Bearer .*")),
            awsError(403, "AccessDeniedException", "Authentication failed: Please make sure your API Key is valid.")),
        broken("BDR-AUTH-7", "accepts any bearer key",
            post(urlPathMatching(CONVERSE)).withHeader("Authorization", matching("Bearer .*")), converseOk()),
        broken("BDR-AUTH-7", "refuses a bad bearer key with 401 instead of 403",
            post(urlPathMatching(CONVERSE)).withHeader("Authorization", matching("Bearer .*")),
            awsError(401, "UnauthorizedException", "Invalid bearer token")),
        broken("BDR-AUTH-8", "accepts a credential scope of another region",
            post(urlPathMatching(CONVERSE)).withHeader("Authorization",
                containing("/" + BedrockClient.otherRegion("us-east-1") + "/bedrock/aws4_request")),
            converseOk()),
        broken("BDR-ENDPOINT-1", "answers without x-amzn-RequestId", post(urlPathMatching(CONVERSE)),
            aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(CONVERSE_OK)),
        broken("BDR-MODEL-1", "answers any model id", post(urlPathMatching("/model/llmtck\\.no-such.*")),
            converseOk()),
        broken("BDR-MODEL-2", "serves a profile-only model on demand",
            post(urlPathMatching("/model/anthropic\\.claude-3-7[^/]*/converse")), converseOk()),
        broken("BDR-CONVERSE-1", "miscounts usage", post(urlPathMatching(CONVERSE)),
            json(200, CONVERSE_OK.replace("\"totalTokens\":5", "\"totalTokens\":7"))),
        broken("BDR-CONVERSE-2", "ignores maxTokens",
            post(urlPathMatching(CONVERSE)).withRequestBody(containing("version control")),
            json(200, CONVERSE_OK.replace("\"outputTokens\":2,\"totalTokens\":5", "\"outputTokens\":50,"
                + "\"totalTokens\":53"))),
        broken("BDR-CONVERSE-3", "refuses a system prompt",
            post(urlPathMatching(CONVERSE)).withRequestBody(containing("\"system\"")),
            awsError(400, "ValidationException", "system is not supported")),
        broken("BDR-STREAM-1", "sends a frame with a bad CRC", post(urlPathMatching(HAIKU + "converse-stream")),
            eventStream(converseEvents().withBadCrc())),
        broken("BDR-STREAM-2", "sends metadata before messageStop", post(urlPathMatching(HAIKU + "converse-stream")),
            eventStream(EventStreamBodies.stream().event("messageStart", "{\"role\":\"assistant\"}")
                .event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Hi\"}}")
                .event("contentBlockStop", "{\"contentBlockIndex\":0}")
                .event("metadata", "{\"usage\":{\"inputTokens\":1,\"outputTokens\":1,\"totalTokens\":2},"
                    + "\"metrics\":{\"latencyMs\":1}}")
                .event("messageStop", "{\"stopReason\":\"end_turn\"}").bytes())),
        broken("BDR-STREAM-3", "streams metadata without usage", post(urlPathMatching(HAIKU + "converse-stream")),
            eventStream(EventStreamBodies.stream().event("messageStart", "{\"role\":\"assistant\"}")
                .event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Hi\"}}")
                .event("contentBlockStop", "{\"contentBlockIndex\":0}")
                .event("messageStop", "{\"stopReason\":\"end_turn\"}")
                .event("metadata", "{\"metrics\":{\"latencyMs\":1}}").bytes())),
        broken("BDR-STREAM-5", "streams another text than it answers whole",
            post(urlPathMatching(HAIKU + "converse-stream")), eventStream(converseEvents().bytes())),
        broken("BDR-TOOLS-1", "answers a question naming the tool with text",
            post(urlPathMatching(CONVERSE)).withRequestBody(containing("toolConfig")), converseOk()),
        broken("BDR-TOOLS-1", "sends the tool's input as a JSON string, not an object",
            post(urlPathMatching(CONVERSE)).withRequestBody(containing("toolConfig")),
            json(200, TOOL_USE_OK.replace("\"input\":{\"city\":\"Paris\"}",
                "\"input\":\"{\\\"city\\\":\\\"Paris\\\"}\""))),
        broken("BDR-TOOLS-2", "refuses a conversation holding a toolResult",
            post(urlPathMatching(CONVERSE)).withRequestBody(containing("toolResult")),
            awsError(400, "ValidationException", "The toolConfig field must be defined when using toolUse and "
                + "toolResult content blocks.")),
        broken("BDR-TOOLS-3", "streams the tool's input as an object instead of JSON text fragments",
            post(urlPathMatching(HAIKU + "converse-stream")).withRequestBody(containing("toolConfig")),
            eventStream(EventStreamBodies.stream().event("messageStart", "{\"role\":\"assistant\"}")
                .event("contentBlockStart", "{\"contentBlockIndex\":0,\"start\":{\"toolUse\":{\"toolUseId\":"
                    + "\"tooluse_proof_0001\",\"name\":\"get_weather\"}}}")
                .event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"toolUse\":{\"input\":"
                    + "{\"city\":\"Paris\"}}}}")
                .event("contentBlockStop", "{\"contentBlockIndex\":0}")
                .event("messageStop", "{\"stopReason\":\"tool_use\"}")
                .event("metadata", "{\"usage\":{\"inputTokens\":1,\"outputTokens\":1,\"totalTokens\":2},"
                    + "\"metrics\":{\"latencyMs\":1}}").bytes())),
        broken("BDR-TOOLS-4", "answers Anthropic tools with text", post(urlPathMatching(HAIKU + "invoke"))
            .withRequestBody(containing("\"tools\"")), json(200, CLAUDE_OK)),
        broken("BDR-INVOKE-1", "answers InvokeModel in the Converse shape", post(urlPathMatching(HAIKU + "invoke")),
            json(200, CONVERSE_OK)),
        broken("BDR-INVOKE-2", "streams chunks as raw JSON instead of base64 bytes",
            post(urlPathMatching(HAIKU + "invoke-with-response-stream")),
            eventStream(EventStreamBodies.stream().event("chunk", "{\"type\":\"message_start\"}")
                .event("chunk", "{\"type\":\"message_stop\"," + METRICS + "}").bytes())),
        broken("BDR-INVOKE-3", "ends its stream without invocation metrics",
            post(urlPathMatching(HAIKU + "invoke-with-response-stream")),
            eventStream(EventStreamBodies.stream().chunk("{\"type\":\"message_start\"}")
                .chunk("{\"type\":\"message_stop\"}").bytes())),
        broken("BDR-ERR-1", "answers a model the account has no access to",
            post(urlPathMatching("/model/anthropic\\.claude-3-5-sonnet[^/]*/converse")), converseOk()),
        broken("BDR-ERR-2", "crashes on malformed JSON",
            post(urlPathMatching(CONVERSE)).withRequestBody(containing("\"content\": [")),
            awsError(500, "InternalServerException", "boom")),
        broken("BDR-ERR-3", "accepts an unknown content block",
            post(urlPathMatching(CONVERSE)).withRequestBody(containing("llmtck_unknown_block")), converseOk()),
        broken("BDR-ERR-4", "ignores extraneous keys",
            post(urlPathMatching(HAIKU + "invoke")).withRequestBody(containing("llmtck_extraneous_key")),
            json(200, CLAUDE_OK)),
        broken("BDR-ERR-5", "answers throttling with a 500", post(urlPathMatching(CONVERSE)),
            awsError(500, "InternalServerException", "Too many requests")),
        broken("BDR-STREAM-4", "reports a mid-stream error as an ordinary event",
            post(urlPathMatching(HAIKU + "converse-stream")),
            eventStream(EventStreamBodies.stream().event("messageStart", "{\"role\":\"assistant\"}")
                .event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Hi\"}}")
                .event("modelStreamErrorException", "{\"message\":\"the model failed\"}").bytes())),
        broken("BDR-SDK-1", "answers Converse with a body the SDK cannot parse", post(urlPathMatching(CONVERSE)),
            json(200, "{\"output\":{\"message\":{\"role\":\"assistant\",\"content\":\"not a list\"}}")),
        broken("BDR-SDK-2", "sends ConverseStream frames with a bad CRC",
            post(urlPathMatching(HAIKU + "converse-stream")), eventStream(converseEvents().withBadCrc())));
  }

  @Proves
  @ParameterizedTest(name = "{0} fails on a platform that {1}")
  @MethodSource("brokenPlatforms")
  void clauseFailsOnlyWhenThePlatformIsBroken(String clauseId, String defect, MappingBuilder stub,
      ResponseDefinitionBuilder answer) {
    proxy.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(bedrock.endpoint().toString())));
    assertThat(run(clauseId).testEvents().succeeded().count()).as("%s passes through the faithful proxy", clauseId)
        .isEqualTo(1);

    proxy.stubFor(stub.atPriority(1).willReturn(answer));
    assertThat(run(clauseId).testEvents().failed().count()).as("%s fails on a platform that %s", clauseId, defect)
        .isEqualTo(1);
  }

  /**
   * BDR-SDK-3's client speaks HTTP/2 (by prior knowledge on http://), which the faithful WireMock proxy forwards with
   * the upstream's Host header (the signature then no longer verifies): it passes on the reference mock, which serves
   * h2c, and fails behind a WireMock that speaks HTTP/1.1 only, saying so in a sentence (no "null", no stack trace),
   * while BDR-SDK-2 (the async client over HTTP/1.1) passes there: the API needs no HTTP/2.
   */
  @Test
  @Proves("BDR-SDK-3")
  void defaultTransportClauseFailsOnAPlatformWithoutHttp2() {
    assertThat(runDirect("BDR-SDK-3").testEvents().succeeded().count()).as("BDR-SDK-3 passes on the mock (h2c)")
        .isEqualTo(1);
    WireMockServer http11 = new WireMockServer(wireMockConfig().dynamicPort().preserveHostHeader(true)
        .http2PlainDisabled(true));
    http11.start();
    try {
      http11.stubFor(any(anyUrl()).willReturn(aResponse().proxiedFrom(bedrock.endpoint().toString())));
      assertThat(run("BDR-SDK-2", http11.baseUrl()).testEvents().succeeded().count())
          .as("BDR-SDK-2 passes on an HTTP/1.1-only platform").isEqualTo(1);
      EngineExecutionResults results = run("BDR-SDK-3", http11.baseUrl());
      assertThat(results.testEvents().failed().count()).as("BDR-SDK-3 fails on an HTTP/1.1-only platform")
          .isEqualTo(1);
      assertThat(failure(results)).contains("does not speak HTTP/2 by prior knowledge (h2c)")
          .doesNotContain(": null").doesNotContain("\tat ");
    } finally {
      http11.stop();
    }
  }

  /**
   * BDR-STREAM-5 blames the stream only when the model is deterministic: a platform whose whole answers differ
   * from one call to the next (a model not deterministic at temperature 0) has the clause skipped, saying why.
   */
  @Test
  void streamedTextIsNotComparedWithAnAnswerThatChangesFromCallToCall() {
    proxy.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(bedrock.endpoint().toString())));
    proxy.stubFor(post(urlPathMatching(HAIKU + "converse-stream")).atPriority(1)
        .willReturn(eventStream(converseEvents().bytes())));
    proxy.stubFor(post(urlPathMatching(CONVERSE)).atPriority(1).inScenario("drift").whenScenarioStateIs(
        com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED).willSetStateTo("second")
        .willReturn(json(200, CONVERSE_OK.replace("Hello.", "2, 3, 5"))));
    proxy.stubFor(post(urlPathMatching(CONVERSE)).atPriority(1).inScenario("drift").whenScenarioStateIs("second")
        .willReturn(json(200, CONVERSE_OK.replace("Hello.", "2, 3, 5, 7"))));

    EngineExecutionResults results = run("BDR-STREAM-5");

    assertThat(results.testEvents().aborted().count()).as("BDR-STREAM-5 is skipped, not failed").isEqualTo(1);
    assertThat(results.testEvents().aborted().stream().findFirst().orElseThrow()
        .getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow()
        .getMessage()).contains("answered the same temperature-0 request differently twice");
  }

  /** Failure messages say what was expected and what came, in the contract's words, not AssertJ's. */
  @Test
  void failuresSayWhatWasExpectedAndWhatCame() {
    proxy.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(bedrock.endpoint().toString())));
    proxy.stubFor(post(urlPathMatching(HAIKU + "converse-stream")).atPriority(1).willReturn(eventStream(
        EventStreamBodies.stream().event("messageStart", "{\"role\":\"assistant\"}")
            .event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Hi\"}}")
            .event("contentBlockStop", "{\"contentBlockIndex\":0}")
            .event("metadata", "{\"usage\":{\"inputTokens\":1,\"outputTokens\":1,\"totalTokens\":2},"
                + "\"metrics\":{\"latencyMs\":\"1\"}}").bytes())));

    assertThat(failure(run("BDR-STREAM-2"))).contains("no messageStop", "[messageStart, contentBlockDelta, "
        + "contentBlockStop, metadata]").doesNotContain("expected: ").doesNotContain("-1");
    assertThat(failure(run("BDR-STREAM-3"))).contains("metrics.latencyMs", "an integer")
        .doesNotContain("Expecting value to be true");

    proxy.stubFor(post(urlPathMatching(CONVERSE)).atPriority(1).withHeader("Authorization", absent())
        .willReturn(converseOk()));
    assertThat(failure(run("BDR-AUTH-1"))).startsWith("BDR-AUTH-1: An unsigned request was answered instead of "
        + "refused: expected HTTP 403 in AWS's error format, got HTTP 200");
  }

  private static String failure(EngineExecutionResults results) {
    return results.testEvents().failed().stream().findFirst().orElseThrow()
        .getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow()
        .getMessage();
  }

  private static EngineExecutionResults run(String clauseId) {
    return run(clauseId, proxy.baseUrl());
  }

  private static EngineExecutionResults runDirect(String clauseId) {
    return run(clauseId, bedrock.endpoint().toString());
  }

  private static EngineExecutionResults run(String clauseId, String endpoint) {
    return BedrockClauses.CONTRACT.run(clauseId, Map.ofEntries(
        Map.entry(BedrockSettings.ENDPOINT.key(), endpoint),
        Map.entry(BedrockSettings.REGION.key(), bedrock.region()),
        Map.entry(BedrockSettings.ACCESS_KEY_ID.key(), KEY.accessKeyId()),
        Map.entry(BedrockSettings.SECRET_ACCESS_KEY.key(), KEY.secretAccessKey()),
        Map.entry(BedrockSettings.SESSION_TOKEN.key(), KEY.sessionToken()),
        Map.entry(BedrockSettings.API_KEY.key(), API_KEY),
        Map.entry(BedrockSettings.MODEL_ID.key(), MODEL),
        Map.entry(BedrockSettings.DISABLED_MODEL_ID.key(), BedrockRuntimePlatform.EMBEDDED_DISABLED_MODEL),
        Map.entry(BedrockSettings.PROFILE_ONLY_MODEL_ID.key(), BedrockRuntimePlatform.EMBEDDED_PROFILE_ONLY_MODEL),
        Map.entry(BedrockSettings.FAULT_CONTROL.key(), "true"),
        Map.entry(CommonSettings.CAPABILITIES.key(), "tools"),
        Map.entry(CommonSettings.TIMEOUT_SECONDS.key(), "20")));
  }

  private static EventStreamBodies converseEvents() {
    return EventStreamBodies.stream().event("messageStart", "{\"role\":\"assistant\"}")
        .event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Hi\"}}")
        .event("contentBlockStop", "{\"contentBlockIndex\":0}")
        .event("messageStop", "{\"stopReason\":\"end_turn\"}")
        .event("metadata", "{\"usage\":{\"inputTokens\":1,\"outputTokens\":1,\"totalTokens\":2},"
            + "\"metrics\":{\"latencyMs\":1}}");
  }

  private static Arguments broken(String clauseId, String defect, MappingBuilder stub,
      ResponseDefinitionBuilder answer) {
    return Arguments.of(clauseId, defect, stub, answer);
  }

  private static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
        .withHeader("x-amzn-RequestId", "proof-0000").withBody(body);
  }

  private static ResponseDefinitionBuilder converseOk() {
    return json(200, CONVERSE_OK);
  }

  private static ResponseDefinitionBuilder awsError(int status, String type, String message) {
    return json(status, "{\"message\":\"" + message + "\"}").withHeader("x-amzn-ErrorType", type);
  }

  private static ResponseDefinitionBuilder eventStream(byte[] body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/vnd.amazon.eventstream")
        .withHeader("x-amzn-RequestId", "proof-0000").withBody(body);
  }
}
