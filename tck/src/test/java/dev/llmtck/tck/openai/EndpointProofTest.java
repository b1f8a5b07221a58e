package dev.llmtck.tck.openai;

import dev.llmtck.tck.clause.Proves;
import dev.llmtck.tck.platform.CommonSettings;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Broken endpoints made with WireMock: wrong base URLs, web pages instead of the API, hangs, closed ports. */
class EndpointProofTest {

  private static final String MODELS = """
      {"object":"list","data":[{"id":"m","object":"model","created":1,"owned_by":"vllm"}]}""";

  private WireMockServer server;

  @BeforeEach
  void start() {
    server = new WireMockServer(options().dynamicPort());
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  @Proves("OAI-URL-1")
  void baseUrlWithoutV1Fails() {
    server.stubFor(get("/models").willReturn(aResponse().withHeader("Content-Type", "application/json")
        .withBody(MODELS)));

    ClauseRun.of("OAI-URL-1").against(server.baseUrl(), null, "m").assertFailsWith("does not end in /v1");
  }

  @Test
  @Proves("OAI-URL-1")
  void webPageInsteadOfTheApiFails() {
    server.stubFor(get("/v1/models").willReturn(aResponse().withHeader("Content-Type", "text/html")
        .withBody("<html><body>Welcome to the model portal</body></html>")));

    ClauseRun.of("OAI-URL-1").against(server.baseUrl() + "/v1", null, "m")
        .assertFailsWith("other than a JSON object", "text/html");
  }

  @Test
  void theSameStubsWithTheApiPass() {
    server.stubFor(get("/v1/models").willReturn(aResponse().withHeader("Content-Type", "application/json")
        .withBody(MODELS)));

    ClauseRun.of("OAI-URL-1").against(server.baseUrl() + "/v1", null, "m").assertPasses();
  }

  @Test
  void anApiRefusingTheKeyInJsonIsReached() {
    server.stubFor(get("/v1/models").willReturn(aResponse().withStatus(401)
        .withHeader("Content-Type", "application/json").withBody("{\"error\":\"Unauthorized\"}")));

    ClauseRun.of("OAI-URL-1").against(server.baseUrl() + "/v1", null, "m").assertPasses();
  }

  @Test
  @Proves("OAI-URL-1")
  void aLoginPageRefusingTheRequestFails() {
    server.stubFor(get("/v1/models").willReturn(aResponse().withStatus(401).withHeader("Content-Type", "text/html")
        .withBody("<html><body>Sign in</body></html>")));

    ClauseRun.of("OAI-URL-1").against(server.baseUrl() + "/v1", null, "m").assertFailsWith("does not reach the API");
  }

  @Test
  void aProxyPathPrefixIsKeptNotGuessed() {
    server.stubFor(get("/teams/ml/v1/models").willReturn(aResponse().withHeader("Content-Type", "application/json")
        .withBody(MODELS)));

    ClauseRun.of("OAI-URL-1").against(server.baseUrl() + "/teams/ml/v1", null, "m").assertPasses();
  }

  @Test
  @Proves("OAI-MODELS-1")
  void hangingPlatformFailsWithinTheTimeout() {
    server.stubFor(get("/v1/models").willReturn(aResponse().withFixedDelay(5_000).withBody(MODELS)));

    long start = System.nanoTime();
    ClauseRun.of("OAI-MODELS-1").against(server.baseUrl() + "/v1", null, "m").with(CommonSettings.TIMEOUT_SECONDS.key(), "1")
        .assertFailsWith("no response within 1 s");
    assertThat((System.nanoTime() - start) / 1_000_000).as("ms until the clause failed").isLessThan(4_000);
  }

  @Test
  @Proves("OAI-MODELS-1")
  void closedPortFailsSayingSo() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    ClauseRun.of("OAI-MODELS-1").against("http://localhost:" + port + "/v1", null, "m")
        .assertFailsWith("cannot connect to localhost:" + port);
  }

  @Test
  @Proves("OAI-MODELS-1")
  void modelListThatIsNotAListFails() {
    server.stubFor(get("/v1/models").willReturn(aResponse().withHeader("Content-Type", "application/json")
        .withBody("{\"models\":[\"m\"]}")));

    ClauseRun.of("OAI-MODELS-1").against(server.baseUrl() + "/v1", null, "m")
        .assertFailsWith("does not match models-list.json", "object", "data");
  }
}
