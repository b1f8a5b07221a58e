package dev.llmtck.tck.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmtck.tck.evidence.Evidence;
import dev.llmtck.tck.evidence.ExchangeRecorder;
import dev.llmtck.tck.evidence.Redactor;
import dev.llmtck.tck.sse.SseEvent;
import dev.llmtck.tck.sse.SseReader;
import dev.llmtck.tck.sse.SseViolation;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * The clauses' HTTP client for an Azure target. Every exchange is published as evidence (JUnit report entry
 * {@value Evidence#KEY}) with the {@code api-key} and {@code Authorization} values masked at the source, so a
 * failed clause shows what was sent and what came back, and no report carries the key.
 */
final class AzureClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private final AzureTarget target;
  private final ExchangeRecorder recorder;

  AzureClient(AzureTarget target, BiConsumer<String, String> reporter) {
    this.target = target;
    this.recorder = new ExchangeRecorder(Redactor.of(List.of(target.apiKey())), target.timeout(), reporter);
  }

  /** How a request authenticates. */
  record Auth(String header, String value) {
    static Auth none() {
      return new Auth(null, null);
    }

    static Auth apiKey(String key) {
      return new Auth("api-key", key);
    }

    static Auth bearer(String token) {
      return new Auth("Authorization", "Bearer " + token);
    }
  }

  /** The target's own key in the {@code api-key} header. */
  Auth targetKey() {
    return Auth.apiKey(target.apiKey());
  }

  /** A complete (non-streamed) answer. */
  record Reply(int status, Map<String, List<String>> headers, String body) {
    Optional<String> header(String name) {
      return firstHeader(headers, name);
    }

    /** The body as JSON, or a {@link com.fasterxml.jackson.databind.node.MissingNode} if it is not JSON. */
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
      }
    }
  }

  /** A streamed answer: its events as read, and where the framing broke. */
  record Stream(int status, Map<String, List<String>> headers, List<SseEvent> events, List<SseViolation> violations,
      String errorBody) {
    Optional<String> header(String name) {
      return firstHeader(headers, name);
    }
  }

  /** The first value of a response header; names are case-insensitive. */
  static Optional<String> firstHeader(Map<String, List<String>> headers, String name) {
    return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
        .flatMap(e -> e.getValue().stream()).findFirst();
  }

  /** POSTs JSON to {@code pathAndQuery} under the endpoint with the target's key. */
  Reply post(String pathAndQuery, String body) {
    return post(pathAndQuery, body, targetKey());
  }

  Reply post(String pathAndQuery, String body, Auth auth) {
    HttpRequest request = request(pathAndQuery, body, auth);
    long start = System.nanoTime();
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      long millis = (System.nanoTime() - start) / 1_000_000;
      recorder.answered(request, body, response.statusCode(), response.headers().map(), response.body(), millis);
      return new Reply(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException | InterruptedException e) {
      throw recorder.failed(request, body, e);
    }
  }

  /** POSTs a streaming request and reads every event until the stream ends. */
  Stream stream(String pathAndQuery, String body) {
    HttpRequest request = request(pathAndQuery, body, targetKey());
    long start = System.nanoTime();
    try {
      HttpResponse<InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
      long firstByte = (System.nanoTime() - start) / 1_000_000;
      try (InputStream in = response.body()) {
        if (response.statusCode() != 200) {
          String error = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          recorder.answered(request, body, response.statusCode(), response.headers().map(), error, firstByte);
          return new Stream(response.statusCode(), response.headers().map(), List.of(), List.of(), error);
        }
        SseReader reader = new SseReader(in);
        List<SseEvent> events = new ArrayList<>();
        var transcript = new StringBuilder();
        // A stream that stalls must not hang the clause: close it when the request's time is up.
        var deadline = CompletableFuture.runAsync(() -> closeQuietly(in),
            CompletableFuture.delayedExecutor(target.timeout().toMillis(), TimeUnit.MILLISECONDS));
        try {
          for (Optional<SseEvent> event = reader.next(); event.isPresent(); event = reader.next()) {
            events.add(event.get());
            transcript.append("data: ").append(event.get().data()).append("\n\n");
          }
        } catch (IOException e) {
          if (deadline.isDone()) {
            throw new HttpTimeoutException("the stream did not end within " + target.timeout().toSeconds() + " s");
          }
          throw e;
        } finally {
          deadline.cancel(false);
        }
        recorder.answered(request, body, response.statusCode(), response.headers().map(), transcript.toString(),
            firstByte);
        return new Stream(200, response.headers().map(), List.copyOf(events), reader.violations(), null);
      }
    } catch (IOException | InterruptedException e) {
      throw recorder.failed(request, body, e);
    }
  }

  /** Sends a request without a body, with the target's key (the mock's fault switch uses {@code DELETE}). */
  Reply send(String method, String pathAndQuery) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(target.endpoint() + pathAndQuery))
        .timeout(target.timeout())
        .header("api-key", target.apiKey())
        .method(method, HttpRequest.BodyPublishers.noBody())
        .build();
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      recorder.answered(request, "", response.statusCode(), response.headers().map(), response.body(), 0);
      return new Reply(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException | InterruptedException e) {
      throw recorder.failed(request, "", e);
    }
  }

  /** Publishes a finding for the report, e.g. which API forms the target serves. */
  void note(String key, String value) {
    recorder.note(key, value);
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException e) {
      // closing is all we wanted
    }
  }

  private HttpRequest request(String pathAndQuery, String body, Auth auth) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(target.endpoint() + pathAndQuery))
        .timeout(target.timeout())
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (auth.header() != null) {
      builder.header(auth.header(), auth.value());
    }
    return builder.build();
  }
}
