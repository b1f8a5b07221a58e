package dev.llmtck.tck.runner.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmtck.tck.clause.Clause;
import dev.llmtck.tck.clause.Level;
import dev.llmtck.tck.clause.RequiresCapability;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A tiny contract for the runner's own tests, against {@link FakePlatformServer}. It publishes its evidence
 * WITHOUT redacting anything, on purpose: the runner must remove secrets itself (defense in depth).
 */
@ExtendWith(FakeTarget.class)
public class FakePlatformClauses {

  @Clause(id = "FAKE-PING-1", level = Level.MUST, statement = "GET /ping answers 200 <with markup>",
      source = "runner tests")
  void pingAnswers200(FakeTarget target, TestReporter reporter) throws Exception {
    HttpResponse<String> response = get(target, "/ping", reporter);
    assertThat(response.statusCode()).as("status of GET /ping, which said %s", response.body()).isEqualTo(200);
  }

  @Clause(id = "FAKE-ECHO-1", level = Level.SHOULD, statement = "GET /echo answers hello", source = "runner tests")
  void echoSaysHello(FakeTarget target, TestReporter reporter) throws Exception {
    assertThat(get(target, "/echo", reporter).body()).isEqualTo("hello");
  }

  @Clause(id = "FAKE-TOOLS-1", level = Level.MUST, statement = "GET /tools answers 200", source = "runner tests")
  @RequiresCapability("tools")
  void toolsAnswer(FakeTarget target, TestReporter reporter) throws Exception {
    assertThat(get(target, "/tools", reporter).statusCode()).isEqualTo(200);
  }

  @Clause(id = "FAKE-LEAK-1", level = Level.MAY, statement = "the key is not echoed back", source = "runner tests")
  void keyIsNotEchoed(FakeTarget target, TestReporter reporter) throws Exception {
    String body = get(target, "/whoami", reporter).body();
    assertThat(body).as("the platform echoed the key: <script>alert(1)</script>").doesNotContain("Bearer");
  }

  /** Reads without any timeout of its own: only the runner's clause bound can stop it on a silent platform. */
  @Clause(id = "FAKE-RAW-1", level = Level.MUST, statement = "a raw socket read gets an answer",
      source = "runner tests")
  void rawReadGetsAnswer(FakeTarget target) throws Exception {
    try (Socket socket = new Socket(target.baseUrl.getHost(), target.baseUrl.getPort())) {
      socket.getOutputStream().write(("GET /ping HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").getBytes());
      InputStream in = socket.getInputStream();
      assertThat(in.read()).isNotEqualTo(-1);
    }
  }

  private static HttpResponse<String> get(FakeTarget target, String path, TestReporter reporter) throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(target.timeout).build();
    HttpRequest.Builder request = HttpRequest.newBuilder(target.baseUrl.resolve(path.substring(1)))
        .timeout(target.timeout);
    if (target.apiKey != null) {
      request.header("Authorization", "Bearer " + target.apiKey);
    }
    String url = target.baseUrl.resolve(path.substring(1)) + (target.apiKey == null ? "" : "?key=" + target.apiKey);
    try {
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      reporter.publishEntry("llmtck.evidence", "{\"request\":{\"method\":\"GET\",\"url\":\"" + url
          + "\",\"headers\":{\"Authorization\":\"Bearer " + target.apiKey + "\"},\"body\":null},"
          + "\"response\":{\"status\":" + response.statusCode() + ",\"headers\":{},\"body\":"
          + com.fasterxml.jackson.databind.node.TextNode.valueOf(response.body()) + ",\"timeToFirstByteMs\":1}}");
      return response;
    } catch (java.io.IOException e) {
      reporter.publishEntry("llmtck.evidence", "{\"request\":{\"method\":\"GET\",\"url\":\"" + url
          + "\",\"headers\":{},\"body\":null},\"response\":null,\"failure\":\"" + e.getClass().getSimpleName()
          + "\"}");
      throw e;
    }
  }
}
