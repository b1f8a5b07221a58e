package dev.llmtck.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.llmtck.fixtures.canned.CannedChat;
import java.net.InetSocketAddress;

/**
 * WireMock serving the same canned answer: one stub for streamed requests (the whole event stream as one body,
 * since WireMock cannot pace events) and one for the rest. Default settings except the request journal,
 * which is switched off so that memory does not grow with every request of a throughput run.
 */
final class WireMockTarget implements SpeedTarget {
  private final WireMockServer server;

  WireMockTarget(CannedChat answer) {
    server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().disableRequestJournal());
    server.start();
    server.stubFor(post(urlEqualTo("/v1/chat/completions")).atPriority(1)
        .withRequestBody(containing("\"stream\":true"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
            .withHeader("Cache-Control", "no-cache").withBody(answer.eventStream())));
    server.stubFor(post(urlEqualTo("/v1/chat/completions")).atPriority(2)
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody(answer.json())));
  }

  @Override
  public String name() {
    return "WireMock 3.13.2";
  }

  @Override
  public InetSocketAddress address() {
    return new InetSocketAddress("127.0.0.1", server.port());
  }

  @Override
  public void close() {
    server.stop();
  }
}
