package dev.llmtck.tck.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.llmtck.tck.evidence.Evidence;
import dev.llmtck.tck.evidence.ExchangeRecorder;
import dev.llmtck.tck.evidence.Redactor;
import dev.llmtck.tck.evidence.SafeText;
import dev.llmtck.tck.evidence.TargetBody;
import dev.llmtck.tck.evidence.TargetTls;
import dev.llmtck.tck.sse.SseReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import org.opentest4j.AssertionFailedError;
import software.amazon.eventstream.MessageDecoder;

/**
 * The clauses' wire-level client for a Bedrock target: requests signed with the AWS SDK's SigV4 signer (or
 * deliberately not, or wrongly), answers read raw, event streams decoded frame by frame with AWS's codec. Every
 * exchange is published as evidence ({@value Evidence#KEY}) with the Authorization header, the session token and
 * the secret key masked at the source.
 */
public final class BedrockClient {
  static final String SERVICE = "bedrock";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, HttpClient> HTTP = new ConcurrentHashMap<>();
  private static final int TRANSCRIPT_KEPT = 16 * 1024;
  /** The most frames of one stream the kit reads. */
  static final int MAX_FRAMES = 200_000;

  private final BedrockTarget target;
  private final ExchangeRecorder recorder;

  BedrockClient(BedrockTarget target, BiConsumer<String, String> reporter) {
    this.target = target;
    this.recorder = new ExchangeRecorder(
        Redactor.of(List.of(target.secretAccessKey(), target.sessionToken().orElse(""), target.apiKey().orElse(""))),
        target.timeout(), reporter);
  }

  /** How a request is signed. */
  enum Signing {
    /** With the target's credentials, now. */
    VALID,
    /** Not at all: no Authorization header. */
    NONE,
    /** With the right access key but a wrong secret. */
    WRONG_SECRET,
    /** With an access key no account has. */
    UNKNOWN_KEY,
    /** With the target's credentials, by a clock ten minutes slow. */
    TEN_MINUTES_AGO,
    /** With the target's credentials, for another region's credential scope than the target's. */
    OTHER_REGION,
    /** Not signed: {@code Authorization: Bearer <the target's Bedrock API key>}, as the SDKs send it. */
    BEARER,
    /** Not signed: a bearer key in AWS's long-term format ({@code ABSK...}) that no account has. */
    BEARER_UNKNOWN,
    /** Not signed: a bearer token with neither of AWS's key prefixes. */
    BEARER_MALFORMED;

    boolean bearer() {
      return this == BEARER || this == BEARER_UNKNOWN || this == BEARER_MALFORMED;
    }
  }

  /** A long-term key format no account has: what {@link Signing#BEARER_UNKNOWN} sends. */
  static final String UNKNOWN_API_KEY = dev.llmtck.fixtures.bedrock.BedrockApiKey.longTerm("000000000000",
      "llmtck-no-such-key");
  /** What {@link Signing#BEARER_MALFORMED} sends. */
  static final String MALFORMED_API_KEY = "llmtck-not-a-bedrock-api-key";

  /** A complete answer. */
  record Reply(int status, Map<String, List<String>> headers, String body) {
    Optional<String> header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream()).findFirst();
    }

    /** The error code of {@code x-amzn-ErrorType} (the part before any {@code :}), or empty. */
    Optional<String> errorType() {
      return header("x-amzn-ErrorType").map(v -> v.contains(":") ? v.substring(0, v.indexOf(':')) : v);
    }

    /**
     * The body as JSON, or a {@link MissingNode} if it is not JSON; fails the clause when the body is beyond the
     * kit's parser (nested too deep, too many tokens), saying so.
     */
    JsonNode json() {
      return parsed(body, "HTTP " + status);
    }
  }

  private static JsonNode parsed(String text, String what) {
    TargetBody.Json parsed = TargetBody.parse(text, false);
    if (parsed.beyondKit() != null) {
      throw new AssertionFailedError(what + ": " + parsed.beyondKit());
    }
    return parsed.node() == null ? MissingNode.getInstance() : parsed.node();
  }

  /** One decoded event-stream frame: its string headers and payload text. */
  record Frame(Map<String, String> headers, String payload) {
    String header(String name) {
      return headers.get(name);
    }

    JsonNode json() {
      return parsed(payload, "an event-stream frame");
    }

    @Override
    public String toString() {
      return headers + " " + payload;
    }
  }

  /**
   * A streamed answer: its frames, and what was wrong with the framing (a CRC mismatch, bytes left over after
   * the last whole frame), if anything. A non-200 answer has no frames and its body in {@code errorBody}.
   */
  record EventStream(int status, Map<String, List<String>> headers, List<Frame> frames, String framingError,
      String errorBody) {
    Optional<String> header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream()).findFirst();
    }
  }

  /** {@code /model/<url-encoded id>/<operation>}, as the SDK writes it. */
  static String modelPath(String modelId, String operation) {
    return "/model/" + URLEncoder.encode(modelId, StandardCharsets.UTF_8).replace("+", "%20") + "/" + operation;
  }

  /** POSTs a signed JSON body to {@code /model/<modelId>/<operation>}. */
  Reply post(String modelId, String operation, String body) {
    return post(modelId, operation, body, Signing.VALID);
  }

  Reply post(String modelId, String operation, String body, Signing signing) {
    HttpRequest request = request(modelPath(modelId, operation), body, signing);
    long start = System.nanoTime();
    HttpResponse<InputStream> response = send(request, body);
    long millis = millisSince(start);
    String text = readBody(request, body, response, start, millis);
    recorder.answered(request, body, response.statusCode(), response.headers().map(), text, millis);
    return new Reply(response.statusCode(), response.headers().map(), text);
  }

  private HttpResponse<InputStream> send(HttpRequest request, String body) {
    try {
      return http().send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException | InterruptedException e) {
      throw recorder.failed(request, body, e);
    }
  }

  /** The whole body as text (or "(N bytes, not text...)"), at most the kit's bound, within the timeout. */
  private String readBody(HttpRequest request, String body, HttpResponse<InputStream> response, long start,
      long millis) {
    Map<String, List<String>> headers = response.headers().map();
    try {
      byte[] bytes = TargetBody.readWithin(response.body(), TargetBody.maxBodyBytes(),
          TargetBody.declaredLength(headers), target.timeout().minusNanos(System.nanoTime() - start));
      return TargetBody.text(bytes, headers);
    } catch (TargetBody.TooLarge e) {
      throw recorder.failed(request, body, new ExchangeRecorder.Answer(response.statusCode(), headers,
          TargetBody.headText(e.head(), headers), millis), e);
    } catch (IOException e) {
      throw recorder.failed(request, body, new ExchangeRecorder.Answer(response.statusCode(), headers, null, millis),
          e);
    } catch (OutOfMemoryError e) {
      throw recorder.outOfMemory(request, body, e);
    }
  }

  /** POSTs a signed streaming request and decodes every frame until the stream ends. */
  EventStream stream(String modelId, String operation, String body) {
    HttpRequest request = request(modelPath(modelId, operation), body, Signing.VALID);
    long start = System.nanoTime();
    HttpResponse<InputStream> response = send(request, body);
    long millis = millisSince(start);
    Map<String, List<String>> headers = response.headers().map();
    if (response.statusCode() != 200 || TargetBody.notText(new byte[0], headers).isPresent()) {
      String error = readBody(request, body, response, start, millis);
      recorder.answered(request, body, response.statusCode(), headers, error, millis);
      if (response.statusCode() == 200) {
        throw new AssertionError(recorder.mask("the event stream is not AWS event-stream frames: "
            + TargetBody.notText(new byte[0], headers).orElseThrow() + " (" + request.method() + " "
            + request.uri() + " -> 200)"));
      }
      return new EventStream(response.statusCode(), headers, List.of(), null, error);
    }
    List<Frame> frames = new ArrayList<>();
    String framingError;
    InputStream in = response.body();
    AtomicBoolean timedOut = new AtomicBoolean();
    ScheduledFuture<?> deadline = TargetBody.closeAfter(in, target.timeout().toNanos() - (System.nanoTime() - start),
        timedOut);
    try (in) {
      framingError = decode(in, frames);
    } catch (IOException e) {
      Exception why = timedOut.get()
          ? new HttpTimeoutException("the stream did not end within " + target.timeout().toSeconds() + " s") : e;
      throw recorder.failed(request, body, new ExchangeRecorder.Answer(200, headers, transcript(frames, null),
          millis), why);
    } catch (OutOfMemoryError e) {
      frames.clear();
      throw recorder.outOfMemory(request, body, e);
    } finally {
      deadline.cancel(false);
    }
    recorder.answered(request, body, 200, headers, transcript(frames, framingError), millis);
    return new EventStream(200, headers, List.copyOf(frames), framingError, null);
  }

  private static String transcript(List<Frame> frames, String framingError) {
    var transcript = new StringBuilder();
    for (Frame frame : frames) {
      if (transcript.length() >= TRANSCRIPT_KEPT) {
        transcript.append("... (").append(frames.size()).append(" frames in all)\n");
        break;
      }
      transcript.append(SafeText.cut(frame.toString(), TRANSCRIPT_KEPT)).append('\n');
    }
    if (framingError != null) {
      transcript.append("[framing error: ").append(framingError).append("]\n");
    }
    return transcript.toString();
  }

  /**
   * Decodes frames as they arrive, within the kit's bounds (the codec itself refuses a frame over 24 MiB); returns
   * what was wrong with the framing, or {@code null}.
   */
  private static String decode(InputStream in, List<Frame> frames) throws IOException {
    long maxBytes = TargetBody.mibProperty(SseReader.MAX_STREAM_PROPERTY, 64);
    long[] decodedBytes = {0};
    var decoder = new MessageDecoder(message -> {
      Map<String, String> headers = new LinkedHashMap<>();
      message.getHeaders().forEach((name, value) -> headers.put(name, headerText(value)));
      frames.add(new Frame(headers, new String(message.getPayload(), StandardCharsets.UTF_8)));
      decodedBytes[0] += message.toByteBuffer().remaining();
    });
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    for (int count = in.read(buffer); count >= 0; count = in.read(buffer)) {
      total += count;
      if (total > maxBytes) {
        return "a stream of over " + TargetBody.size(maxBytes) + ": the kit reads at most " + TargetBody.size(maxBytes)
            + " of a stream (-D" + SseReader.MAX_STREAM_PROPERTY + "=<MiB> to change); " + frames.size()
            + " frames read";
      }
      try {
        decoder.feed(buffer, 0, count);
      } catch (RuntimeException e) {
        return "undecodable frame after " + frames.size() + " frames: " + SafeText.cut(e.getMessage(), 300);
      }
      if (frames.size() > MAX_FRAMES) {
        return "a stream of over " + MAX_FRAMES + " frames: the kit reads at most " + MAX_FRAMES + " frames";
      }
    }
    return decodedBytes[0] == total ? null
        : (total - decodedBytes[0]) + " bytes after the last whole frame (a cut or partial frame)";
  }

  private static String headerText(software.amazon.eventstream.HeaderValue value) {
    try {
      return value.getString();
    } catch (IllegalStateException | UnsupportedOperationException e) {
      return value.toString(); // a non-string header: shown, never compared as text
    }
  }

  private HttpRequest request(String path, String body, Signing signing) {
    return request(SdkHttpMethod.POST, path, body, signing);
  }

  private HttpRequest request(SdkHttpMethod method, String path, String body, Signing signing) {
    URI uri = URI.create(target.endpoint() + path);
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    SdkHttpRequest unsigned = SdkHttpRequest.builder().method(method).uri(uri)
        .putHeader("Content-Type", "application/json")
        .putHeader("Accept", "application/json")
        .putHeader("Accept-Encoding", TargetBody.ACCEPT_ENCODING)
        .build();
    SdkHttpRequest toSend = signing == Signing.NONE ? unsigned
        : signing.bearer() ? unsigned.toBuilder().putHeader("Authorization", "Bearer " + bearerKey(signing)).build()
        : sign(unsigned, bytes, signing);
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(target.timeout())
        .method(method.name(), HttpRequest.BodyPublishers.ofByteArray(bytes));
    toSend.forEachHeader((name, values) -> {
      if (!name.equalsIgnoreCase("Host")) { // the JDK client writes Host itself, as the signer computed it
        values.forEach(v -> builder.header(name, v));
      }
    });
    return builder.build();
  }

  private SdkHttpRequest sign(SdkHttpRequest request, byte[] body, Signing signing) {
    String keyId = signing == Signing.UNKNOWN_KEY ? "AKIAZZZZLLMTCKUNKNOWN" : target.accessKeyId();
    String secret = signing == Signing.WRONG_SECRET ? "llmtck-wrong-secret-" + target.accessKeyId()
        : target.secretAccessKey();
    AwsCredentialsIdentity identity = target.sessionToken()
        .<AwsCredentialsIdentity>map(token -> AwsSessionCredentialsIdentity.create(keyId, secret, token))
        .orElseGet(() -> AwsCredentialsIdentity.create(keyId, secret));
    Clock clock = signing == Signing.TEN_MINUTES_AGO
        ? Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-10)) : Clock.systemUTC();
    return AwsV4HttpSigner.create().sign(r -> r.identity(identity).request(request)
        .payload(ContentStreamProvider.fromByteArray(body))
        .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, SERVICE)
        .putProperty(AwsV4HttpSigner.REGION_NAME, signing == Signing.OTHER_REGION ? otherRegion(target.region())
            : target.region())
        .putProperty(HttpSigner.SIGNING_CLOCK, clock)).request();
  }

  private String bearerKey(Signing signing) {
    return switch (signing) {
      case BEARER -> target.apiKey().orElseThrow(() -> new IllegalStateException("the target has no Bedrock API key"));
      case BEARER_UNKNOWN -> UNKNOWN_API_KEY;
      default -> MALFORMED_API_KEY;
    };
  }

  /** A real region other than {@code region}, for a credential scope that names the wrong one. */
  static String otherRegion(String region) {
    return "us-west-2".equals(region) ? "us-east-1" : "us-west-2";
  }

  /**
   * Switches a fault of an llmtck Bedrock mock on ({@code POST /llmtck/faults {"fault": spec}}) or, with
   * {@code null}, every fault off ({@code DELETE}). Signed like every request: a served mock guards its control
   * channel with the credentials it accepts.
   */
  void switchFault(String spec) {
    HttpRequest request = spec == null ? request(SdkHttpMethod.DELETE, "/llmtck/faults", "", Signing.VALID)
        : request("/llmtck/faults", JSON.createObjectNode().put("fault", spec).toString(), Signing.VALID);
    String sent = spec == null ? "" : spec;
    long start = System.nanoTime();
    HttpResponse<InputStream> response = send(request, sent);
    String text = readBody(request, sent, response, start, millisSince(start));
    if (response.statusCode() / 100 != 2) {
      throw new AssertionError("the target refused the fault switch (" + response.statusCode() + "): is it an "
          + "llmtck Bedrock mock? " + recorder.mask(SafeText.cut(text, 300)));
    }
  }

  private static HttpClient http() {
    return HTTP.computeIfAbsent(String.valueOf(TargetTls.caFile()),
        trust -> TargetTls.clientBuilder().version(HttpClient.Version.HTTP_1_1).build());
  }

  /** Publishes a finding for the report (e.g. the values to type into GitLab). */
  void note(String key, String value) {
    recorder.note(key, value);
  }

  private static long millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}
