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
import dev.llmtck.fixtures.bedrock.BedrockCredentials;
import dev.llmtck.fixtures.bedrock.BedrockOperation;
import dev.llmtck.fixtures.bedrock.Fault;
import dev.llmtck.fixtures.bedrock.FaultEffect;
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
  private static final String HAIKU = "/model/anthropic\\.claude-3-haiku[^/]*/";
  private static final String CONVERSE = HAIKU + "converse";
  private static final String CONVERSE_OK = "{\"output\":{\"message\":{\"role\":\"assistant\",\"content\":[{\"text\":"
      + "\"Hello.\"}]}},\"stopReason\":\"end_turn\",\"usage\":{\"inputTokens\":3,\"outputTokens\":2,\"totalTokens\":5},"
      + "\"metrics\":{\"latencyMs\":12}}";
  private static final String CLAUDE_OK = "{\"id\":\"msg_bdrk_1\",\"type\":\"message\",\"role\":\"assistant\","
      + "\"model\":\"claude-3-haiku-20240307\",\"content\":[{\"type\":\"text\",\"text\":\"Hello.\"}],"
      + "\"stop_reason\":\"end_turn\",\"stop_sequence\":null,\"usage\":{\"input_tokens\":3,\"output_tokens\":2}}";
  private static final String METRICS = "\"amazon-bedrock-invocationMetrics\":{\"inputTokenCount\":3,"
      + "\"outputTokenCount\":2,\"invocationLatency\":20,\"firstByteLatency\":5}";

  private static BedrockRuntimeMock bedrock;
  private static WireMockServer proxy;

  @BeforeAll
  static void start() {
    bedrock = BedrockRuntimeMock.builder().credentials(KEY).enableModel(MODEL)
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
            json(200, "{\"output\":{\"message\":{\"role\":\"assistant\",\"content\":\"not a list\"}}")));
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
   * BDR-SDK-2's async client speaks HTTP/2, which WireMock's proxy forwards with the upstream's Host header (so
   * the signature no longer verifies): this proof breaks the reference mock itself, with a stream-cut fault.
   */
  @Test
  @Proves("BDR-SDK-2")
  void asyncSdkClauseFailsOnAPlatformThatCutsItsStreams() {
    assertThat(runDirect("BDR-SDK-2").testEvents().succeeded().count()).as("BDR-SDK-2 passes on the mock")
        .isEqualTo(1);
    bedrock.addFault(Fault.on(BedrockOperation.CONVERSE_STREAM, FaultEffect.streamCut(2)));
    try {
      assertThat(runDirect("BDR-SDK-2").testEvents().failed().count())
          .as("BDR-SDK-2 fails on a platform that cuts its event streams").isEqualTo(1);
    } finally {
      bedrock.clearFaults();
    }
  }


  private static EngineExecutionResults run(String clauseId) {
    return run(clauseId, proxy.baseUrl());
  }

  private static EngineExecutionResults runDirect(String clauseId) {
    return run(clauseId, bedrock.endpoint().toString());
  }

  private static EngineExecutionResults run(String clauseId, String endpoint) {
    return BedrockClauses.CONTRACT.run(clauseId, Map.of(
        BedrockSettings.ENDPOINT.key(), endpoint,
        BedrockSettings.REGION.key(), bedrock.region(),
        BedrockSettings.ACCESS_KEY_ID.key(), KEY.accessKeyId(),
        BedrockSettings.SECRET_ACCESS_KEY.key(), KEY.secretAccessKey(),
        BedrockSettings.SESSION_TOKEN.key(), KEY.sessionToken(),
        BedrockSettings.MODEL_ID.key(), MODEL,
        BedrockSettings.DISABLED_MODEL_ID.key(), BedrockRuntimePlatform.EMBEDDED_DISABLED_MODEL,
        BedrockSettings.PROFILE_ONLY_MODEL_ID.key(), BedrockRuntimePlatform.EMBEDDED_PROFILE_ONLY_MODEL,
        BedrockSettings.FAULT_CONTROL.key(), "true",
        CommonSettings.TIMEOUT_SECONDS.key(), "20"));
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
