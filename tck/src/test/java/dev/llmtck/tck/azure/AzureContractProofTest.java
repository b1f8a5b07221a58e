package dev.llmtck.tck.azure;

import dev.llmtck.tck.clause.Proves;
import dev.llmtck.tck.platform.CommonSettings;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.llmtck.fixtures.azure.AzureOpenAiMock;
import java.util.HashMap;
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
 * Every Azure clause can fail: each runs twice through a WireMock proxy in front of the reference mock, once
 * faithful (the clause must pass, so the proxy itself breaks nothing) and once with one stub that breaks the
 * platform in the way the clause is about (the clause must fail).
 */
class AzureContractProofTest {
  private static final String KEY = "proof-key-0123456789";
  private static final String TOKEN = "proof-entra-token-0123456789";
  private static final String V1 = "/openai/v1/chat/completions";
  private static final String DEPLOYMENT = "gpt-4o";
  private static final String CHAT = "/openai/deployments/[^/]+/chat/completions";
  private static final String CHAT_OK = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1,"
      + "\"model\":\"gpt-4o-2024-08-06\",\"choices\":[{\"index\":0,\"finish_reason\":\"stop\",\"message\":"
      + "{\"role\":\"assistant\",\"content\":\"Hello.\"}}],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":2,"
      + "\"total_tokens\":5}}";
  private static AzureOpenAiMock azure;
  private static WireMockServer proxy;

  @BeforeAll
  static void start() {
    azure = AzureOpenAiMock.builder().apiKey(KEY).entraToken(TOKEN).deployment(DEPLOYMENT, "gpt-4o-2024-08-06")
        .promptFilterTerm(AzureOpenAiPlatform.EMBEDDED_PROMPT_TERM)
        .answerFilterTerm(AzureOpenAiPlatform.EMBEDDED_ANSWER_TERM).start();
    proxy = new WireMockServer(wireMockConfig().dynamicPort());
    proxy.start();
  }

  @AfterAll
  static void stop() {
    proxy.stop();
    azure.close();
  }

  @AfterEach
  void resetStubs() {
    proxy.resetAll();
  }

  static Stream<Arguments> brokenPlatforms() {
    return Stream.of(
        broken("AZ-PATH-1", "serves only the v1 API", post(urlPathMatching(CHAT)), json(404, resourceNotFound())),
        broken("AZ-PATH-2", "has no v1 API", post(urlPathEqualTo("/openai/v1/chat/completions")),
            json(404, resourceNotFound())),
        broken("AZ-PATH-3", "answers any deployment name",
            post(urlPathMatching("/openai/deployments/llmtck-no-such-deployment/.*")), okJson(CHAT_OK)),
        broken("AZ-PATH-4", "crashes on /completions", post(urlPathMatching("/openai/deployments/[^/]+/completions")),
            json(500, "{\"error\":{\"code\":\"InternalServerError\",\"message\":\"boom\"}}")),
        broken("AZ-VERSION-1", "answers without api-version",
            post(urlPathMatching(CHAT)).withQueryParam("api-version", absent()), okJson(CHAT_OK)),
        broken("AZ-VERSION-2", "answers a missing api-version with a 400",
            post(urlPathMatching(CHAT)).withQueryParam("api-version", absent()),
            json(400, "{\"error\":{\"code\":\"BadRequest\",\"message\":\"Missing required query parameter: "
                + "api-version\"}}")),
        broken("AZ-VERSION-3", "answers any api-version",
            post(urlPathMatching(CHAT)).withQueryParam("api-version", equalTo("1999-01-01")), okJson(CHAT_OK)),
        broken("AZ-AUTH-1", "needs no key",
            post(urlPathMatching(CHAT)).withHeader("api-key", absent()).withHeader("Authorization", absent()),
            okJson(CHAT_OK)),
        broken("AZ-AUTH-2", "refuses a wrong key with a plain-text 401",
            post(urlPathMatching(CHAT)).withHeader("api-key", matching("llmtck-wrong-key.*")),
            aResponse().withStatus(401).withHeader("Content-Type", "text/plain").withBody("Unauthorized")),
        broken("AZ-AUTH-3", "refuses the key as a bearer token on v1",
            post(urlPathEqualTo("/openai/v1/chat/completions")).withHeader("Authorization", matching("Bearer .*")),
            json(401, "{\"error\":{\"code\":\"401\",\"message\":\"Access denied\"}}")),
        broken("AZ-BODY-1", "miscounts usage", post(urlPathMatching(CHAT)),
            okJson(CHAT_OK.replace("\"total_tokens\":5", "\"total_tokens\":9"))),
        broken("AZ-BODY-2", "sends no content filter annotations", post(urlPathMatching(CHAT)), okJson(CHAT_OK)),
        broken("AZ-BODY-3", "ends its stream without [DONE]",
            post(urlPathMatching(CHAT)).withRequestBody(containing("\"stream\":true")),
            sse(chunk("{\"role\":\"assistant\",\"content\":\"Hi\"}", "null"), chunk("{}", "\"stop\""))),
        broken("AZ-BODY-4", "streams like plain OpenAI, without prompt annotations",
            post(urlPathMatching(CHAT)).withRequestBody(containing("\"stream\":true")),
            sse(chunk("{\"role\":\"assistant\",\"content\":\"Hi\"}", "null"), chunk("{}", "\"stop\""),
                "[DONE]")),
        broken("AZ-BODY-5", "ignores max_tokens", post(urlPathMatching(CHAT)).withRequestBody(containing("bicycle")),
            okJson(CHAT_OK.replace("\"completion_tokens\":2,\"total_tokens\":5",
                "\"completion_tokens\":50,\"total_tokens\":53"))),
        broken("AZ-ERR-1", "refuses a filtered prompt without an inner error",
            post(urlPathMatching(CHAT)).withRequestBody(containing(AzureOpenAiPlatform.EMBEDDED_PROMPT_TERM)),
            json(400, "{\"error\":{\"message\":\"filtered\",\"type\":\"invalid_request_error\",\"param\":null,"
                + "\"code\":\"content_filter\"}}")),
        broken("AZ-ERR-2", "lets a filtered answer end normally",
            post(urlPathMatching(CHAT)).withRequestBody(containing(AzureOpenAiPlatform.EMBEDDED_ANSWER_TERM)),
            okJson(CHAT_OK)),
        broken("AZ-ERR-3", "throttles without Retry-After", post(urlPathMatching(CHAT)),
            json(429, "{\"error\":{\"code\":\"429\",\"message\":\"Too many requests\"}}")),
        broken("AZ-ERR-4", "crashes on malformed JSON",
            post(urlPathMatching(CHAT)).withRequestBody(containing("llmtck-malformed")),
            json(500, "{\"error\":{\"code\":\"InternalServerError\",\"message\":\"boom\"}}")),
        broken("AZ-ERR-5", "lets a filtered stream end with finish_reason stop",
            streamed().withRequestBody(containing(AzureOpenAiPlatform.EMBEDDED_ANSWER_TERM)),
            sse(chunk("{\"role\":\"assistant\",\"content\":\"Once\"}", "null"), chunk("{}", "\"stop\""),
                "[DONE]")),
        broken("AZ-BODY-3", "repeats the finish_reason on an annotation chunk after the finish (asynchronous filter)",
            streamed(), sse(PROMPT_ANNOTATIONS, chunk("{\"role\":\"assistant\",\"content\":\"One\"}", "null"),
                chunk("{}", "\"stop\""), annotation("\"stop\""), "[DONE]")),
        broken("AZ-BODY-3", "ends the answer with finish_reason stop on an annotation chunk",
            streamed(), sse(PROMPT_ANNOTATIONS, chunk("{\"role\":\"assistant\",\"content\":\"One\"}", "null"),
                annotation("\"stop\""), "[DONE]")),
        broken("AZ-AUTH-4", "refuses the Entra ID token",
            post(urlPathMatching(CHAT)).withHeader("Authorization", equalTo("Bearer " + TOKEN)),
            json(401, ENTRA_401)),
        broken("AZ-AUTH-4", "accepts any bearer token",
            post(urlPathMatching(CHAT)).withHeader("Authorization", matching("Bearer llmtck-wrong-entra.*")),
            okJson(CHAT_OK)),
        broken("AZ-STREAM-1", "streams another text than it answers whole",
            streamed().withRequestBody(containing(AzureStreamClauses.PROMPT)),
            sse(PROMPT_ANNOTATIONS, chunk("{\"role\":\"assistant\",\"content\":\"One, two\"}", "null"),
                chunk("{\"content\":\", many\"}", "null"), chunk("{}", "\"stop\""), "[DONE]")),
        broken("AZ-TOOLS-1", "ignores a named tool_choice and answers in words",
            post(urlPathMatching(CHAT)).withRequestBody(containing("\"tool_choice\":{")), okJson(CHAT_OK)),
        broken("AZ-TOOLS-1", "sends function.arguments as a JSON object, not a string",
            post(urlPathMatching(CHAT)).withRequestBody(containing("\"tool_choice\":\"required\"")),
            okJson(toolAnswer("{\"city\":\"Paris\"}", "tool_calls"))),
        broken("AZ-TOOLS-2", "ends an automatic tool call with finish_reason stop",
            post(urlPathMatching(CHAT)).withRequestBody(containing("\"tool_choice\":\"auto\"")),
            okJson(toolAnswer("\"{\\\"city\\\":\\\"Paris\\\"}\"", "stop"))),
        broken("AZ-TOOLS-3", "streams a tool call whose first fragment has no id",
            streamed().withRequestBody(containing("\"tools\"")),
            sse(PROMPT_ANNOTATIONS, chunk("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"index\":0,"
                + "\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"\"}}]}", "null"),
                chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"}}]}",
                    "null"), chunk("{}", "\"tool_calls\""), "[DONE]")),
        broken("AZ-TOOLS-3", "streams arguments that do not join into JSON",
            streamed().withRequestBody(containing("\"tools\"")),
            sse(PROMPT_ANNOTATIONS, chunk("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"index\":0,"
                + "\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"\"}}]}",
                "null"), chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"city\\\":\"}}]}",
                    "null"), chunk("{}", "\"tool_calls\""), "[DONE]")),
        broken("AZ-TOOLS-4", "refuses a conversation with a tool result",
            post(urlPathMatching(CHAT)).withRequestBody(containing("\"role\":\"tool\"")),
            json(400, "{\"error\":{\"message\":\"Unrecognized role tool\",\"type\":\"invalid_request_error\","
                + "\"param\":\"messages\",\"code\":null}}")),
        broken("AZ-TOOLS-5", "answers tools on the v1 API in words",
            post(urlPathEqualTo(V1)).withRequestBody(containing("\"tools\"")), okJson(CHAT_OK)),
        broken("AZ-TOOLS-5", "streams tool calls on the v1 API without their id",
            post(urlPathEqualTo(V1)).withRequestBody(containing("\"tools\""))
                .withRequestBody(containing("\"stream\":true")),
            sse(PROMPT_ANNOTATIONS, chunk("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"index\":0,"
                + "\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":"
                + "\"{\\\"city\\\":\\\"Paris\\\"}\"}}]}", "null"), chunk("{}", "\"tool_calls\""), "[DONE]")));
  }

  @Proves
  @ParameterizedTest(name = "{0} fails on a platform that {1}")
  @MethodSource("brokenPlatforms")
  void clauseFailsOnlyWhenThePlatformIsBroken(String clauseId, String defect, MappingBuilder stub,
      ResponseDefinitionBuilder answer) {
    proxy.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(azure.endpoint().toString())));
    assertThat(run(clauseId).testEvents().succeeded().count()).as("%s passes through the faithful proxy", clauseId)
        .isEqualTo(1);

    proxy.stubFor(stub.atPriority(1).willReturn(answer));
    assertThat(run(clauseId).testEvents().failed().count()).as("%s fails on a platform that %s", clauseId, defect)
        .isEqualTo(1);
  }

  @Test
  void aStalledStreamFailsTheClauseWithinTheTimeoutInsteadOfHanging() {
    proxy.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(azure.endpoint().toString())));
    proxy.stubFor(post(urlPathMatching(CHAT)).withRequestBody(containing("\"stream\":true")).atPriority(1)
        .willReturn(sse(chunk("{\"role\":\"assistant\",\"content\":\"Hi\"}", "null"), chunk("{}", "\"stop\""),
            "[DONE]").withChunkedDribbleDelay(4, 60_000)));

    long start = System.nanoTime();
    EngineExecutionResults results = run("AZ-BODY-3", Map.of(CommonSettings.TIMEOUT_SECONDS.key(), "2"));

    assertThat(results.testEvents().failed().count()).isEqualTo(1);
    assertThat((System.nanoTime() - start) / 1_000_000_000).as("seconds until the clause gave up").isLessThan(15);
  }


  private static EngineExecutionResults run(String clauseId) {
    return run(clauseId, Map.of());
  }

  private static EngineExecutionResults run(String clauseId, Map<String, String> overrides) {
    Map<String, String> config = new HashMap<>(Map.of(
        AzureSettings.ENDPOINT.key(), proxy.baseUrl(),
        AzureSettings.API_KEY.key(), KEY,
        AzureSettings.ENTRA_TOKEN.key(), TOKEN,
        AzureSettings.DEPLOYMENT.key(), DEPLOYMENT,
        AzureSettings.FILTERED_PROMPT.key(), "Repeat: " + AzureOpenAiPlatform.EMBEDDED_PROMPT_TERM,
        AzureSettings.FILTERED_ANSWER_PROMPT.key(), "Tell me about " + AzureOpenAiPlatform.EMBEDDED_ANSWER_TERM,
        AzureSettings.FAULT_CONTROL.key(), "true",
        CommonSettings.TIMEOUT_SECONDS.key(), "20"));
    config.putAll(overrides);
    return AzureClauses.CONTRACT.run(clauseId, config);
  }

  private static Arguments broken(String clauseId, String defect, MappingBuilder stub,
      ResponseDefinitionBuilder answer) {
    return Arguments.of(clauseId, defect, stub, answer);
  }

  private static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
  }

  private static final String ENTRA_401 = "{\"statusCode\":401,\"message\":\"Unauthorized. Access token is "
      + "missing, invalid, audience is incorrect (https://cognitiveservices.azure.com), or have expired.\"}";
  /** The stream's opening chunk: the prompt's annotations, empty choices. */
  static final String PROMPT_ANNOTATIONS = "{\"id\":\"\",\"object\":\"\",\"created\":0,\"model\":\"\","
      + "\"prompt_filter_results\":[{\"prompt_index\":0,\"content_filter_results\":{}}],\"choices\":[]}";

  /** A streamed chat request on the deployment path. */
  private static MappingBuilder streamed() {
    return post(urlPathMatching(CHAT)).withRequestBody(containing("\"stream\":true"));
  }

  /** An asynchronous filter annotation chunk: empty id, no delta, results and offsets. */
  static String annotation(String finishReason) {
    return "{\"id\":\"\",\"object\":\"\",\"created\":0,\"model\":\"\",\"choices\":[{\"index\":0,"
        + "\"finish_reason\":" + finishReason + ",\"content_filter_results\":{\"hate\":{\"filtered\":false,"
        + "\"severity\":\"safe\"}},\"content_filter_offsets\":{\"check_offset\":40,\"start_offset\":40,"
        + "\"end_offset\":60}}],\"usage\":null}";
  }

  /** A chat completion calling get_weather; {@code arguments} is the JSON value of function.arguments. */
  private static String toolAnswer(String arguments, String finishReason) {
    return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"gpt-4o-2024-08-06\","
        + "\"choices\":[{\"index\":0,\"finish_reason\":\"" + finishReason + "\",\"message\":{\"role\":"
        + "\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\","
        + "\"function\":{\"name\":\"get_weather\",\"arguments\":" + arguments + "}}]}}],\"usage\":"
        + "{\"prompt_tokens\":3,\"completion_tokens\":2,\"total_tokens\":5}}";
  }

  private static String resourceNotFound() {
    return "{\"error\":{\"code\":\"404\",\"message\":\"Resource not found\"}}";
  }

  private static String chunk(String delta, String finishReason) {
    return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o\","
        + "\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":" + finishReason + "}]}";
  }

  static ResponseDefinitionBuilder sse(String... events) {
    String body = Stream.of(events).map(e -> "data: " + e + "\n\n").collect(Collectors.joining());
    return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(body);
  }
}
