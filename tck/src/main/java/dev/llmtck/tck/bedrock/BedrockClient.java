package dev.llmtck.tck.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.llmtck.tck.evidence.Evidence;
import dev.llmtck.tck.evidence.ExchangeRecorder;
import dev.llmtck.tck.evidence.Redactor;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.eventstream.Message;
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
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private final BedrockTarget target;
  private final ExchangeRecorder recorder;

  BedrockClient(BedrockTarget target, BiConsumer<String, String> reporter) {
    this.target = target;
    this.recorder = new ExchangeRecorder(
        Redactor.of(List.of(target.secretAccessKey(), target.sessionToken().orElse(""))), target.timeout(), reporter);
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
    TEN_MINUTES_AGO
  }

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

    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        return MissingNode.getInstance();
      }
    }
  }

  /** One decoded event-stream frame: its string headers and payload text. */
  record Frame(Map<String, String> headers, String payload) {
    String header(String name) {
      return headers.get(name);
    }

    JsonNode json() {
      try {
        return JSON.readTree(payload);
      } catch (IOException e) {
        return MissingNode.getInstance();
      }
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
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      recorder.answered(request, body, response.statusCode(), response.headers().map(), response.body(),
          millisSince(start));
      return new Reply(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException | InterruptedException e) {
      throw recorder.failed(request, body, e);
    }
  }

  /** POSTs a signed streaming request and decodes every frame until the stream ends. */
  EventStream stream(String modelId, String operation, String body) {
    HttpRequest request = request(modelPath(modelId, operation), body, Signing.VALID);
    long start = System.nanoTime();
    try {
      HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
      long millis = millisSince(start);
      if (response.statusCode() != 200) {
        String error = new String(response.body(), StandardCharsets.UTF_8);
        recorder.answered(request, body, response.statusCode(), response.headers().map(), error, millis);
        return new EventStream(response.statusCode(), response.headers().map(), List.of(), null, error);
      }
      List<Frame> frames = new ArrayList<>();
      String framingError = decode(response.body(), frames);
      var transcript = new StringBuilder();
      frames.forEach(f -> transcript.append(f).append('\n'));
      if (framingError != null) {
        transcript.append("[framing error: ").append(framingError).append("]\n");
      }
      recorder.answered(request, body, 200, response.headers().map(), transcript.toString(), millis);
      return new EventStream(200, response.headers().map(), List.copyOf(frames), framingError, null);
    } catch (IOException | InterruptedException e) {
      throw recorder.failed(request, body, e);
    }
  }

  private static String decode(byte[] bytes, List<Frame> frames) {
    var decoder = new MessageDecoder();
    long decodedBytes = 0;
    try {
      decoder.feed(bytes);
    } catch (RuntimeException e) {
      return "undecodable frame after " + decoder.getDecodedMessages().size() + " frames: " + e.getMessage();
    } finally {
      for (Message message : decoder.getDecodedMessages()) {
        Map<String, String> headers = new LinkedHashMap<>();
        message.getHeaders().forEach((name, value) -> headers.put(name, headerText(value)));
        frames.add(new Frame(headers, new String(message.getPayload(), StandardCharsets.UTF_8)));
        decodedBytes += message.toByteBuffer().remaining();
      }
    }
    return decodedBytes == bytes.length ? null
        : (bytes.length - decodedBytes) + " bytes after the last whole frame (a cut or partial frame)";
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
        .build();
    SdkHttpRequest toSend = signing == Signing.NONE ? unsigned : sign(unsigned, bytes, signing);
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
        .putProperty(AwsV4HttpSigner.REGION_NAME, target.region())
        .putProperty(HttpSigner.SIGNING_CLOCK, clock)).request();
  }

  /**
   * Switches a fault of an llmtck Bedrock mock on ({@code POST /llmtck/faults {"fault": spec}}) or, with
   * {@code null}, every fault off ({@code DELETE}). Signed like every request: a served mock guards its control
   * channel with the credentials it accepts.
   */
  void switchFault(String spec) {
    HttpRequest request = spec == null ? request(SdkHttpMethod.DELETE, "/llmtck/faults", "", Signing.VALID)
        : request("/llmtck/faults", JSON.createObjectNode().put("fault", spec).toString(), Signing.VALID);
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new AssertionError("the target refused the fault switch (" + response.statusCode() + "): is it an "
            + "llmtck Bedrock mock? " + recorder.mask(response.body()));
      }
    } catch (IOException | InterruptedException e) {
      throw recorder.failed(request, spec == null ? "" : spec, e);
    }
  }

  /** Publishes a finding for the report (e.g. the values to type into GitLab). */
  void note(String key, String value) {
    recorder.note(key, value);
  }

  private static long millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}
