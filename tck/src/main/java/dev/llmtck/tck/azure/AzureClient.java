package dev.llmtck.tck.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.llmtck.tck.evidence.Evidence;
import dev.llmtck.tck.evidence.ExchangeRecorder;
import dev.llmtck.tck.evidence.Redactor;
import dev.llmtck.tck.evidence.SafeText;
import dev.llmtck.tck.evidence.TargetBody;
import dev.llmtck.tck.evidence.TargetTls;
import dev.llmtck.tck.sse.SseEvent;
import dev.llmtck.tck.sse.SseLimitExceeded;
import dev.llmtck.tck.sse.SseReader;
import dev.llmtck.tck.sse.SseViolation;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.opentest4j.AssertionFailedError;

/**
 * The clauses' HTTP client for an Azure target. Every exchange is published as evidence (JUnit report entry
 * {@value Evidence#KEY}) with the {@code api-key} and {@code Authorization} values masked at the source, so a
 * failed clause shows what was sent and what came back, and no report carries the key.
 */
final class AzureClient {
  private static final Map<String, HttpClient> HTTP = new ConcurrentHashMap<>();
  private static final int TRANSCRIPT_KEPT = 16 * 1024;

  private final AzureTarget target;
  private final ExchangeRecorder recorder;

  AzureClient(AzureTarget target, BiConsumer<String, String> reporter) {
    this.target = target;
    this.recorder = new ExchangeRecorder(Redactor.of(java.util.Arrays.asList(target.apiKey(),
        target.entraToken().orElse(null))), target.timeout(), reporter);
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

  /** The target's Entra ID token as {@code Authorization: Bearer}; only when one is configured. */
  Auth targetToken() {
    return Auth.bearer(target.entraToken().orElseThrow());
  }

  /** A complete (non-streamed) answer. */
  record Reply(int status, Map<String, List<String>> headers, String body) {
    Optional<String> header(String name) {
      return firstHeader(headers, name);
    }

    /**
     * The body as JSON, or a {@link MissingNode} if it is not JSON; fails the clause when the body is beyond the
     * kit's parser (nested too deep, too many tokens), saying so, rather than call it "not JSON".
     */
    JsonNode json() {
      TargetBody.Json parsed = TargetBody.parse(body, false);
      if (parsed.beyondKit() != null) {
        throw new AssertionFailedError("HTTP " + status + ": " + parsed.beyondKit());
      }
      return parsed.node() == null ? MissingNode.getInstance() : parsed.node();
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
    return exchange(request(pathAndQuery, body, auth), body);
  }

  /** Sends a request and reads its whole answer, within the kit's bounds (size, time, memory). */
  private Reply exchange(HttpRequest request, String body) {
    long start = System.nanoTime();
    HttpResponse<InputStream> response;
    try {
      response = http().send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException | InterruptedException e) {
      throw recorder.failed(request, body, e);
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    Map<String, List<String>> headers = response.headers().map();
    String text;
    try {
      text = readBody(response, start);
    } catch (TargetBody.TooLarge e) {
      throw recorder.failed(request, body, new ExchangeRecorder.Answer(response.statusCode(), headers,
          TargetBody.headText(e.head(), headers), millis), e);
    } catch (IOException e) {
      throw recorder.failed(request, body, new ExchangeRecorder.Answer(response.statusCode(), headers, null, millis),
          e);
    } catch (OutOfMemoryError e) {
      throw recorder.outOfMemory(request, body, e);
    }
    recorder.answered(request, body, response.statusCode(), headers, text, millis);
    return new Reply(response.statusCode(), headers, text);
  }

  /** The whole body as text (or "(N bytes, not text...)"), at most the kit's bound, within the timeout. */
  private String readBody(HttpResponse<InputStream> response, long start) throws IOException {
    Map<String, List<String>> headers = response.headers().map();
    byte[] bytes = TargetBody.readWithin(response.body(), TargetBody.maxBodyBytes(),
        TargetBody.declaredLength(headers), remaining(start));
    return TargetBody.text(bytes, headers);
  }

  private java.time.Duration remaining(long start) {
    return target.timeout().minusNanos(System.nanoTime() - start);
  }

  /** POSTs a streaming request and reads every event until the stream ends. */
  Stream stream(String pathAndQuery, String body) {
    HttpRequest request = request(pathAndQuery, body, targetKey());
    long start = System.nanoTime();
    HttpResponse<InputStream> response;
    try {
      response = http().send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException | InterruptedException e) {
      throw recorder.failed(request, body, e);
    }
    long firstByte = (System.nanoTime() - start) / 1_000_000;
    Map<String, List<String>> headers = response.headers().map();
    if (response.statusCode() != 200 || TargetBody.notText(new byte[0], headers).isPresent()) {
      String error;
      try {
        error = readBody(response, start);
      } catch (TargetBody.TooLarge e) {
        throw recorder.failed(request, body, new ExchangeRecorder.Answer(response.statusCode(), headers,
            TargetBody.headText(e.head(), headers), firstByte), e);
      } catch (IOException e) {
        throw recorder.failed(request, body, new ExchangeRecorder.Answer(response.statusCode(), headers, null,
            firstByte), e);
      }
      recorder.answered(request, body, response.statusCode(), headers, error, firstByte);
      if (response.statusCode() == 200) {
        throw new AssertionError(recorder.mask("the stream is not text: " + TargetBody.notText(new byte[0], headers)
            .orElseThrow() + " (" + request.method() + " " + request.uri() + " -> 200)"));
      }
      return new Stream(response.statusCode(), headers, List.of(), List.of(), error);
    }
    InputStream in = response.body();
    SseReader reader = new SseReader(in);
    List<SseEvent> events = new ArrayList<>();
    var transcript = new StringBuilder();
    // A stream that stalls must not hang the clause: close it when the request's time is up.
    var deadline = CompletableFuture.runAsync(() -> closeQuietly(in),
        CompletableFuture.delayedExecutor(target.timeout().toMillis(), TimeUnit.MILLISECONDS));
    try (in) {
      for (Optional<SseEvent> event = reader.next(); event.isPresent(); event = reader.next()) {
        events.add(event.get());
        if (transcript.length() < TRANSCRIPT_KEPT) {
          transcript.append("data: ").append(SafeText.cut(event.get().data(), TRANSCRIPT_KEPT)).append("\n\n");
        }
      }
    } catch (IOException e) {
      Exception why = deadline.isDone() && !(e instanceof SseLimitExceeded)
          ? new HttpTimeoutException("the stream did not end within " + target.timeout().toSeconds() + " s") : e;
      throw recorder.failed(request, body, new ExchangeRecorder.Answer(200, headers, transcript.toString(),
          firstByte), why);
    } catch (OutOfMemoryError e) {
      events.clear();
      throw recorder.outOfMemory(request, body, e);
    } finally {
      deadline.cancel(false);
    }
    recorder.answered(request, body, response.statusCode(), headers, transcript.toString(), firstByte);
    return new Stream(200, headers, List.copyOf(events), reader.violations(), null);
  }

  /** Sends a request without a body, with the target's key (the mock's fault switch uses {@code DELETE}). */
  Reply send(String method, String pathAndQuery) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(target.endpoint() + pathAndQuery))
        .timeout(target.timeout())
        .header("api-key", target.apiKey())
        .header("Accept-Encoding", TargetBody.ACCEPT_ENCODING)
        .method(method, HttpRequest.BodyPublishers.noBody())
        .build();
    return exchange(request, "");
  }

  /** Publishes a finding for the report, e.g. which API forms the target serves. */
  void note(String key, String value) {
    recorder.note(key, value);
  }

  private static HttpClient http() {
    return HTTP.computeIfAbsent(String.valueOf(TargetTls.caFile()),
        trust -> TargetTls.clientBuilder().version(HttpClient.Version.HTTP_1_1).build());
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
        .header("Accept-Encoding", TargetBody.ACCEPT_ENCODING)
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (auth.header() != null) {
      builder.header(auth.header(), auth.value());
    }
    return builder.build();
  }
}
