package dev.llmtck.tck.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmtck.tck.clause.Clause;
import dev.llmtck.tck.clause.Level;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeBaseClientBuilder;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.auth.scheme.BedrockRuntimeAuthSchemeProvider;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithResponseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.Message;

/**
 * What clients actually run: the AWS SDK for Java v2's own clients, configured as a user would (credentials,
 * region, and {@code endpointOverride} only when the target has one), must accept the target's answers. The SDK
 * clients sign with SigV4 even when {@code AWS_BEARER_TOKEN_BEDROCK} is set (which would otherwise win, findings
 * A.1): bearer keys are BDR-AUTH-6's business.
 *
 * <p>Transport: Bedrock's API does not need HTTP/2. The service model allows both ({@code restJson1} {@code http:
 * ["h2", "http/1.1"]}, botocore's {@code protocolSettings: {"h2": "optional"}}), botocore (what GitLab's AI gateway
 * signs and sends with, through LiteLLM) speaks HTTP/1.1 only, and HTTP/2 is the default of some clients (the Java
 * SDK's async client, the JavaScript v3 SDK's {@code NodeHttp2Handler}). So the async client must work over
 * HTTP/1.1 (BDR-SDK-2, MUST), and working with its default HTTP/2 transport is a SHOULD (BDR-SDK-3).
 */
@BedrockContract
public class BedrockSdkClauses {
  private static final String SIGV4 = "aws.auth#sigv4";
  /**
   * Netty, when it logs through java.util.logging (no SLF4J provider, as in the kit's own run), prints an exception
   * that reached the end of a channel pipeline as a WARNING with its stack trace, e.g. the SDK's HTTP/2 client
   * meeting an HTTP/1.1 server. The SDK reports the same failure through its future, and the clause says it in a
   * sentence, so the console gets no stack trace: that logger is kept quiet (a strong reference, or JUL forgets
   * the level). With a logging backend of the user's own (SLF4J), the user's configuration decides.
   */
  private static final java.util.logging.Logger NETTY_PIPELINE = quietNettyPipeline();

  private static java.util.logging.Logger quietNettyPipeline() {
    java.util.logging.Logger logger = java.util.logging.Logger.getLogger("io.netty.channel.DefaultChannelPipeline");
    if (io.netty.util.internal.logging.InternalLoggerFactory.getDefaultFactory()
        instanceof io.netty.util.internal.logging.JdkLoggerFactory) {
      logger.setLevel(java.util.logging.Level.SEVERE);
    }
    return logger;
  }

  @Clause(id = "BDR-SDK-1", level = Level.MUST,
      statement = "the AWS SDK for Java v2 sync BedrockRuntimeClient runs Converse and InvokeModel against the "
          + "target unmodified",
      source = "AWS SDK for Java v2 2.39 bedrockruntime (restJson1 unmarshallers); CONTRACT BDR-SDK-1")
  void syncClientWorks(BedrockTarget target, BedrockClient client) {
    List<String> log = new ArrayList<>();
    String call = "Converse";
    try (BedrockRuntimeClient sdk = configure(BedrockRuntimeClient.builder()
        .httpClientBuilder(ApacheHttpClient.builder()), target).build()) {
      var converse = sdk.converse(r -> r.modelId(target.modelId()).messages(user("Say hello."))
          .inferenceConfig(c -> c.maxTokens(32)));
      log.add("Converse: stopReason=" + converse.stopReasonAsString() + " usage=" + converse.usage());
      assertThat(converse.output().message().content())
          .withFailMessage("the sync SDK client's Converse answer has no content blocks (stopReason %s)",
              converse.stopReasonAsString())
          .isNotEmpty();
      if (ModelFamilyBodies.known(target.provider())) {
        call = "InvokeModel";
        var invoke = sdk.invokeModel(r -> r.modelId(target.modelId()).contentType("application/json")
            .accept("application/json")
            .body(SdkBytes.fromUtf8String(ModelFamilyBodies.request(target.provider(), "Say hello.", 32))));
        log.add("InvokeModel: contentType=" + invoke.contentType() + " bytes=" + invoke.body().asByteArray().length);
        assertThat(invoke.body().asUtf8String())
            .withFailMessage("the sync SDK client's InvokeModel answer has an empty body (Content-Type %s)",
                invoke.contentType())
            .isNotBlank();
      }
    } catch (SdkException e) {
      throw sdkFailed(client, "the sync client (Apache HTTP, HTTP/1.1)", call, log, e);
    } finally {
      client.note("llmtck.bedrock.sdk", "sync: " + String.join("; ", log));
    }
  }

  @Clause(id = "BDR-SDK-2", level = Level.MUST,
      statement = "the AWS SDK for Java v2 async BedrockRuntimeAsyncClient (Netty, over HTTP/1.1, which every "
          + "Bedrock client speaks) runs ConverseStream and InvokeModelWithResponseStream to their end",
      source = "AWS SDK for Java v2 2.39 bedrockruntime event-stream unmarshalling; Bedrock runtime service model "
          + "(boto/botocore botocore/data/bedrock-runtime/2023-09-30/service-2.json @ 0e6e2404b85d: protocolSettings "
          + "h2 optional; aws/aws-sdk-js-v3 codegen/sdk-codegen/aws-models/bedrock-runtime.json @ 18c4e92fa87b: "
          + "restJson1 http [h2, http/1.1]): HTTP/2 is optional, and botocore, the AI gateway's client through "
          + "LiteLLM, speaks HTTP/1.1")
  void asyncClientStreams(BedrockTarget target, BedrockClient client) throws InterruptedException {
    streamWithTheAsyncClient(target, client, Protocol.HTTP1_1, true);
  }

  @Clause(id = "BDR-SDK-3", level = Level.SHOULD,
      statement = "the async BedrockRuntimeAsyncClient with its default transport (HTTP/2: by prior knowledge on an "
          + "http:// endpoint, over TLS on https://) runs ConverseStream to its end, as clients that default to "
          + "HTTP/2 (the Java SDK's async client, the JavaScript v3 SDK) need",
      source = "aws/aws-sdk-js-v3 @aws-sdk/client-bedrock-runtime 3.1178.0 dist-es/runtimeConfig.js (NodeHttp2Handler "
          + "is the default request handler) and the Java SDK's async default (findings F.3, experiment); service "
          + "model restJson1 http [h2, http/1.1] (aws-sdk-js-v3 bedrock-runtime.json @ 18c4e92fa87b). SHOULD: the "
          + "API does not need HTTP/2 (BDR-SDK-2), such clients can be configured for HTTP/1.1")
  void asyncClientStreamsOverItsDefaultTransport(BedrockTarget target, BedrockClient client)
      throws InterruptedException {
    streamWithTheAsyncClient(target, client, null, false);
  }

  /** ConverseStream (and, when {@code invokeToo}, InvokeModelWithResponseStream) with the async client. */
  private static void streamWithTheAsyncClient(BedrockTarget target, BedrockClient client, Protocol protocol,
      boolean invokeToo) throws InterruptedException {
    String which = protocol == Protocol.HTTP1_1 ? "the async client (Netty, HTTP/1.1)"
        : "the async client with its default transport (Netty, HTTP/2" + (target.endpoint().getScheme()
            .equals("http") ? " by prior knowledge, h2c)" : " over TLS)");
    List<String> log = new ArrayList<>();
    String call = "ConverseStream";
    NettyNioAsyncHttpClient.Builder http = NettyNioAsyncHttpClient.builder();
    if (protocol != null) {
      http.protocol(protocol);
    }
    try (BedrockRuntimeAsyncClient sdk = configure(BedrockRuntimeAsyncClient.builder().httpClientBuilder(http),
        target).build()) {
      var text = new StringBuilder();
      var events = new ArrayList<String>();
      var handler = ConverseStreamResponseHandler.builder()
          .subscriber(ConverseStreamResponseHandler.Visitor.builder()
              .onMessageStart(e -> events.add("messageStart"))
              .onContentBlockDelta(d -> text.append(d.delta().text() == null ? "" : d.delta().text()))
              .onMessageStop(e -> events.add("messageStop"))
              .onMetadata(e -> events.add("metadata"))
              .build())
          .build();
      await(sdk.converseStream(r -> r.modelId(target.modelId()).messages(user("Count to five."))
          .inferenceConfig(c -> c.maxTokens(48)), handler), target, which, call, log);
      log.add("ConverseStream: events=" + events + " text=" + text.length() + " chars");
      assertThat(text)
          .withFailMessage("%s streamed ConverseStream to its end, but no text came in its contentBlockDelta events "
              + "(events %s)", which, events)
          .isNotEmpty();
      assertThat(events)
          .withFailMessage("%s saw the ConverseStream events %s; expected messageStart, messageStop and metadata, in "
              + "that order, once each", which, events)
          .containsExactly("messageStart", "messageStop", "metadata");
      if (invokeToo && ModelFamilyBodies.known(target.provider())) {
        call = "InvokeModelWithResponseStream";
        var chunks = new ArrayList<String>();
        var invokeHandler = InvokeModelWithResponseStreamResponseHandler.builder()
            .subscriber(InvokeModelWithResponseStreamResponseHandler.Visitor.builder()
                .onChunk(c -> chunks.add(c.bytes().asUtf8String())).build())
            .build();
        await(sdk.invokeModelWithResponseStream(r -> r.modelId(target.modelId()).contentType("application/json")
            .body(SdkBytes.fromUtf8String(ModelFamilyBodies.request(target.provider(), "Count to five.", 48))),
            invokeHandler), target, which, call, log);
        log.add("InvokeModelWithResponseStream: chunks=" + chunks.size());
        assertThat(chunks)
            .withFailMessage("%s ran InvokeModelWithResponseStream to its end, but it carried no chunk event", which)
            .isNotEmpty();
      }
    } catch (SdkException e) {
      throw sdkFailed(client, which, call, log, e);
    } finally {
      client.note("llmtck.bedrock.sdk", (protocol == null ? "async (default transport): " : "async (HTTP/1.1): ")
          + String.join("; ", log));
    }
  }

  private static <B extends BedrockRuntimeBaseClientBuilder<B, ?>> B configure(B builder, BedrockTarget target) {
    AwsCredentials credentials = target.sessionToken()
        .<AwsCredentials>map(t -> AwsSessionCredentials.create(target.accessKeyId(), target.secretAccessKey(), t))
        .orElseGet(() -> AwsBasicCredentials.create(target.accessKeyId(), target.secretAccessKey()));
    builder.region(Region.of(target.region())).credentialsProvider(StaticCredentialsProvider.create(credentials))
        // SigV4 first, even when AWS_BEARER_TOKEN_BEDROCK is set in the kit's environment
        .authSchemeProvider(BedrockRuntimeAuthSchemeProvider.defaultProvider(List.of(SIGV4)));
    if (target.endpointOverridden()) {
      builder.endpointOverride(target.endpoint());
    }
    return builder;
  }

  /** Waits for a streamed call to end; an SDK failure is rethrown as itself, anything else said as a sentence. */
  private static void await(CompletableFuture<Void> call, BedrockTarget target, String which, String operation,
      List<String> log) throws InterruptedException {
    try {
      call.get(target.timeout().toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof SdkException sdk) {
        throw sdk;
      }
      throw new AssertionError(which + " could not complete " + operation + ": " + problem(e.getCause())
          + completed(log));
    } catch (TimeoutException e) {
      call.cancel(true);
      throw new AssertionError(which + " saw no end of " + operation + " within " + target.timeout().toSeconds()
          + " s (the request timeout): the stream stalled or was never answered" + completed(log));
    }
  }

  /** The SDK's failure in the contract's words: what the client did, what came back, what completed before. */
  private static AssertionError sdkFailed(BedrockClient client, String which, String operation, List<String> log,
      SdkException e) {
    String problem = problem(e);
    client.note("llmtck.bedrock.sdkFailure", problem);
    String came;
    if (e instanceof AwsServiceException service && service.statusCode() > 0) {
      came = "the target answered HTTP " + service.statusCode() + " " + (service.awsErrorDetails() == null ? ""
          : service.awsErrorDetails().errorCode() + ": " + service.awsErrorDetails().errorMessage());
    } else {
      came = problem;
    }
    return new AssertionError(which + " could not complete " + operation + " against the target: expected an "
        + "answer the AWS SDK for Java v2 accepts, but " + came + completed(log));
  }

  private static String completed(List<String> log) {
    return log.isEmpty() ? " (no call had completed before)" : " (completed before: " + String.join("; ", log) + ")";
  }

  /**
   * What went wrong, from the SDK's exception and its causes (the SDK often says only "null" or "Unable to
   * execute HTTP request"), with a hint when the chain shows why: an HTTP/2 connection the endpoint did not take,
   * a connection that failed or was closed, a stream cut short.
   */
  static String problem(Throwable thrown) {
    Set<String> parts = new LinkedHashSet<>();
    boolean http2 = false;
    boolean closed = false;
    boolean refused = false;
    boolean http1Answer = false;
    List<String> messages = new ArrayList<>();
    for (Throwable t = thrown; t != null && parts.size() < 6; t = t.getCause() == t ? null : t.getCause()) {
      String name = t.getClass().getName();
      String message = t.getMessage() == null ? "" : t.getMessage().strip();
      http2 |= name.contains("Http2") || message.contains("HTTP/2") || message.contains("PROTOCOL_ERROR")
          || message.contains("GOAWAY");
      // Netty's HTTP/2 client read "HTTP/" (hex 485454502f) where the server's SETTINGS frame should be
      http1Answer |= message.contains("was not SETTINGS") && message.contains("485454502f");
      closed |= t instanceof java.nio.channels.ClosedChannelException || message.contains("closed")
          || message.contains("Connection reset") || message.contains("prematurely");
      refused |= t instanceof java.net.ConnectException;
      String cut = message.length() > 300 ? message.substring(0, 300) + "..." : message;
      if (!message.isEmpty() && !message.equals("null") && messages.stream().noneMatch(m -> m.contains(cut))) {
        messages.add(cut);
        parts.add(t.getClass().getSimpleName() + ": " + cut);
      }
    }
    String hint = refused ? "could not connect to the endpoint"
        : http1Answer ? "the endpoint answered the HTTP/2 connection preface in HTTP/1.x: it does not speak HTTP/2 "
            + "by prior knowledge (h2c), so clients that default to HTTP/2 (the Java SDK's async client, the "
            + "JavaScript v3 SDK) must be configured for HTTP/1.1 to reach it"
        : http2 ? "the HTTP/2 connection failed (does the endpoint speak HTTP/2?)"
        : closed ? "the connection was closed before the answer was complete"
        : null;
    String detail = parts.isEmpty() ? thrown.getClass().getSimpleName() + " without a message" : String.join("; ",
        parts);
    return (hint == null ? "" : hint + ": ") + detail;
  }

  private static Message user(String text) {
    return Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText(text)).build();
  }
}
