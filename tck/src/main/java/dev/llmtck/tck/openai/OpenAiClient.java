package dev.llmtck.tck.openai;

import dev.llmtck.tck.platform.CommonSettings;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmtck.tck.evidence.Evidence;
import dev.llmtck.tck.evidence.Redactor;
import dev.llmtck.tck.evidence.SafeText;
import dev.llmtck.tck.evidence.TargetBody;
import dev.llmtck.tck.evidence.TargetTls;
import dev.llmtck.tck.sse.ArrivalTimingInputStream;
import dev.llmtck.tck.sse.SseEvent;
import dev.llmtck.tck.sse.SseLimitExceeded;
import dev.llmtck.tck.sse.SseReader;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.opentest4j.AssertionFailedError;

/**
 * The one HTTP client every OpenAI clause talks through. It applies the target's timeout to each whole
 * exchange (an unreachable or hanging platform fails the clause with a clear message, never hangs it), masks
 * secrets, and hands every exchange to an evidence sink (see {@link Evidence} for the published format).
 *
 * <p>Built on {@code java.net.http}: the clauses need arrival times of single stream events, raw bytes for the
 * strict SSE reader and the unparsed body of broken responses, which higher-level clients hide.
 */
public final class OpenAiClient {

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final Map<String, HttpClient> CLIENTS = new ConcurrentHashMap<>();
  private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread thread = new Thread(task, "llmtck-openai-timeouts");
    thread.setDaemon(true);
    return thread;
  });
  private static final int STREAM_BODY_KEPT = 16 * 1024;

  private final OpenAiTarget target;
  private final Optional<String> bearer;
  private final Redactor redactor;
  private final Consumer<Evidence> evidence;

  /**
   * A client that authenticates with the target's configured key.
   *
   * @param evidence receives every exchange, secrets masked
   */
  public OpenAiClient(OpenAiTarget target, Consumer<Evidence> evidence) {
    this(target, target.apiKey(), Redactor.of(target.apiKey().stream().toList()), evidence);
  }

  private OpenAiClient(OpenAiTarget target, Optional<String> bearer, Redactor redactor,
      Consumer<Evidence> evidence) {
    this.target = target;
    this.bearer = bearer;
    this.redactor = redactor;
    this.evidence = evidence;
  }

  /** The same client sending no {@code Authorization} header. */
  public OpenAiClient withoutApiKey() {
    return new OpenAiClient(target, Optional.empty(), redactor, evidence);
  }

  /** The same client sending {@code Authorization: Bearer <key>} with another key (masked in evidence too). */
  public OpenAiClient withApiKey(String key) {
    return new OpenAiClient(target, Optional.of(key), redactor.and(key), evidence);
  }

  /** {@code GET <baseUrl><path>}, e.g. {@code get("/models")}. */
  public JsonResponse get(String path) {
    return complete("GET", target.uri(path), null);
  }

  /** {@code GET <serverRoot><path>} for vLLM's unversioned endpoints, e.g. {@code /health}. */
  public JsonResponse getFromServerRoot(String path) {
    return complete("GET", URI.create(target.serverRoot() + path), null);
  }

  /** {@code POST <baseUrl><path>} with a JSON body. */
  public JsonResponse post(String path, JsonNode body) {
    return complete("POST", target.uri(path), write(body));
  }

  /** {@code POST <baseUrl><path>} with a body sent exactly as given (for malformed JSON). */
  public JsonResponse postText(String path, String body) {
    return complete("POST", target.uri(path), body);
  }

  /** {@code POST <baseUrl><path>} with a JSON body, reading the answer as a server-sent event stream. */
  public EventStreamResponse stream(String path, JsonNode body) {
    URI uri = target.uri(path);
    String text = write(body);
    HttpRequest request = request("POST", uri, text, "text/event-stream");
    long start = System.nanoTime();
    HttpResponse<InputStream> response = awaitHeaders(request, text, start);
    long firstByteMs = (System.nanoTime() - start) / 1_000_000;
    ArrivalTimingInputStream kept = new ArrivalTimingInputStream(response.body(), STREAM_BODY_KEPT);
    AtomicBoolean timedOut = new AtomicBoolean();
    ScheduledFuture<?> deadline = closeAtDeadline(kept, start, timedOut);
    SseReader reader = new SseReader(kept, kept::arrivalNanos);
    List<SseEvent> events = new ArrayList<>();
    String failure = null;
    try (kept) {
      Optional<String> notText = TargetBody.notText(new byte[0], response.headers().map());
      if (notText.isPresent()) {
        failure = "the stream is not text: " + notText.get();
      } else {
        for (Optional<SseEvent> event = reader.next(); event.isPresent(); event = reader.next()) {
          events.add(event.get());
        }
      }
    } catch (SseLimitExceeded e) {
      failure = e.getMessage();
    } catch (IOException e) {
      failure = timedOut.get() ? "the stream did not end within " + timeoutText()
          : "reading failed: " + SafeText.cut(e.toString(), 1000);
    } catch (OutOfMemoryError e) {
      events.clear();
      failure = "the kit ran out of memory reading the stream (" + Runtime.getRuntime().maxMemory() / (1024 * 1024)
          + " MiB heap): the target's stream is too big to judge";
    } finally {
      deadline.cancel(false);
    }
    String bodyText = redactor.text(TargetBody.headText(kept.keptBytes(), response.headers().map()));
    record(request, text, response, bodyText, firstByteMs, failure);
    return new EventStreamResponse(describe(request), response.statusCode(), response.headers(), List.copyOf(events),
        reader.violations(), failure == null ? null : redactor.text(failure), bodyText, start);
  }

  private JsonResponse complete(String method, URI uri, String body) {
    HttpRequest request = request(method, uri, body, "application/json");
    long start = System.nanoTime();
    HttpResponse<InputStream> response = awaitHeaders(request, body, start);
    long firstByteMs = (System.nanoTime() - start) / 1_000_000;
    AtomicBoolean timedOut = new AtomicBoolean();
    String text;
    ScheduledFuture<?> deadline = closeAtDeadline(response.body(), start, timedOut);
    try (InputStream in = response.body()) {
      byte[] bytes = TargetBody.read(in, TargetBody.maxBodyBytes(),
          TargetBody.declaredLength(response.headers().map()));
      text = redactor.text(TargetBody.text(bytes, response.headers().map()));
    } catch (TargetBody.TooLarge e) {
      record(request, body, response, redactor.text(TargetBody.headText(e.head(), response.headers().map())),
          firstByteMs, e.getMessage());
      throw new AssertionFailedError(describe(request) + " -> " + response.statusCode() + ": " + e.getMessage());
    } catch (IOException e) {
      String failure = timedOut.get() ? "the body did not arrive within " + timeoutText() : "reading failed: " + e;
      record(request, body, response, null, firstByteMs, failure);
      throw new AssertionFailedError(describe(request) + " -> " + response.statusCode() + ": "
          + redactor.text(SafeText.cut(failure, 1000)));
    } catch (OutOfMemoryError e) {
      throw outOfMemory(request, body, response, firstByteMs);
    } finally {
      deadline.cancel(false);
    }
    record(request, body, response, text, firstByteMs, null);
    TargetBody.Json json = TargetBody.parse(text);
    return new JsonResponse(describe(request), response.statusCode(), response.headers(), text, json.node(),
        json.beyondKit());
  }

  /** The kit's own memory ran out on a target's answer: the clause fails, saying so; the run goes on. */
  private AssertionFailedError outOfMemory(HttpRequest request, String body, HttpResponse<?> response,
      long firstByteMs) {
    String failure = "the kit ran out of memory reading the answer (" + Runtime.getRuntime().maxMemory()
        / (1024 * 1024) + " MiB heap): the target's answer is too big to judge";
    record(request, body, response, null, firstByteMs, failure);
    return new AssertionFailedError(describe(request) + " -> " + response.statusCode() + ": " + failure);
  }

  private HttpRequest request(String method, URI uri, String body, String accept) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(target.timeout()).header("Accept", accept)
        .header("Accept-Encoding", TargetBody.ACCEPT_ENCODING);
    bearer.ifPresent(key -> builder.header("Authorization", "Bearer " + key));
    if (body == null) {
      builder.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      builder.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }
    return builder.build();
  }

  private HttpResponse<InputStream> awaitHeaders(HttpRequest request, String body, long start) {
    CompletableFuture<HttpResponse<InputStream>> pending =
        http().sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
    String failure;
    try {
      return pending.get(target.timeout().toMillis() + 250, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      failure = "no response within " + timeoutText();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      String tls = TargetTls.explain(cause, request.uri().getHost());
      if (cause instanceof HttpTimeoutException) {
        failure = "no response within " + timeoutText();
      } else if (tls != null) {
        failure = tls;
      } else if (cause instanceof ConnectException) {
        failure = "cannot connect to " + request.uri().getAuthority() + " (" + cause + ")";
      } else {
        failure = "request failed: " + SafeText.cut(String.valueOf(cause), 1000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure = "interrupted while waiting for the response";
    }
    pending.cancel(true);
    failure = redactor.text(failure);
    evidence.accept(new Evidence(requestEvidence(request, body), null, failure));
    throw new AssertionFailedError(redactor.text(describe(request)) + ": " + failure + " (after "
        + (System.nanoTime() - start) / 1_000_000 + " ms)");
  }

  private ScheduledFuture<?> closeAtDeadline(InputStream body, long start, AtomicBoolean timedOut) {
    long remaining = target.timeout().toNanos() - (System.nanoTime() - start);
    return WATCHDOG.schedule(() -> {
      timedOut.set(true);
      try {
        body.close();
      } catch (IOException ignored) {
        // The reader sees the closed stream and reports the timeout.
      }
    }, Math.max(remaining, 0), TimeUnit.NANOSECONDS);
  }

  private void record(HttpRequest request, String body, HttpResponse<?> response, String responseBody,
      long firstByteMs, String failure) {
    evidence.accept(new Evidence(requestEvidence(request, body),
        Evidence.response(redactor, response.statusCode(), response.headers().map(), responseBody, firstByteMs),
        failure == null ? null : redactor.text(failure)));
  }

  private Evidence.Request requestEvidence(HttpRequest request, String body) {
    Map<String, List<String>> headers = new LinkedHashMap<>(request.headers().map());
    return Evidence.request(redactor, request.method(), request.uri().toString(), headers, body);
  }

  private String describe(HttpRequest request) {
    return redactor.text(request.method() + " " + request.uri());
  }

  private String timeoutText() {
    return target.timeout().toSeconds() + " s (" + CommonSettings.TIMEOUT_SECONDS.key() + ")";
  }

  private HttpClient http() {
    String trust = String.valueOf(TargetTls.caFile());
    return CLIENTS.computeIfAbsent(trust + "|" + target.timeout(), key -> TargetTls.clientBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(target.timeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build());
  }

  private static String write(JsonNode body) {
    try {
      return MAPPER.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("request bodies are plain JSON trees", e);
    }
  }
}
