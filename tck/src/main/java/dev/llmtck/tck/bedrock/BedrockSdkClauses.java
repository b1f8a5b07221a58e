package dev.llmtck.tck.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmtck.tck.clause.Clause;
import dev.llmtck.tck.clause.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithResponseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.Message;

/**
 * What clients actually run: the AWS SDK for Java v2's own clients, configured as a user would (credentials,
 * region, and {@code endpointOverride} only when the target has one), must accept the target's answers.
 */
@BedrockContract
public class BedrockSdkClauses {

  @Clause(id = "BDR-SDK-1", level = Level.MUST,
      statement = "the AWS SDK for Java v2 sync BedrockRuntimeClient runs Converse and InvokeModel against the "
          + "target unmodified",
      source = "AWS SDK for Java v2 2.39 bedrockruntime (restJson1 unmarshallers); CONTRACT BDR-SDK-1")
  void syncClientWorks(BedrockTarget target, BedrockClient client) {
    List<String> log = new ArrayList<>();
    try (BedrockRuntimeClient sdk = configure(BedrockRuntimeClient.builder()
        .httpClientBuilder(ApacheHttpClient.builder()), target).build()) {
      var converse = sdk.converse(r -> r.modelId(target.modelId()).messages(user("Say hello."))
          .inferenceConfig(c -> c.maxTokens(32)));
      log.add("Converse: stopReason=" + converse.stopReasonAsString() + " usage=" + converse.usage());
      assertThat(converse.output().message().content()).as("Converse content").isNotEmpty();
      if (ModelFamilyBodies.known(target.provider())) {
        var invoke = sdk.invokeModel(r -> r.modelId(target.modelId()).contentType("application/json")
            .accept("application/json")
            .body(SdkBytes.fromUtf8String(ModelFamilyBodies.request(target.provider(), "Say hello.", 32))));
        log.add("InvokeModel: contentType=" + invoke.contentType() + " bytes=" + invoke.body().asByteArray().length);
        assertThat(invoke.body().asUtf8String()).as("InvokeModel body").isNotBlank();
      }
    } catch (SdkException e) {
      throw sdkFailed(client, log, e);
    } finally {
      client.note("llmtck.bedrock.sdk", "sync: " + String.join("; ", log));
    }
  }

  @Clause(id = "BDR-SDK-2", level = Level.MUST,
      statement = "the AWS SDK for Java v2 async BedrockRuntimeAsyncClient (default Netty client, HTTP/2 where "
          + "offered) runs ConverseStream and InvokeModelWithResponseStream to their end",
      source = "AWS SDK for Java v2 2.39 bedrockruntime event-stream unmarshalling; CONTRACT BDR-SDK-1")
  void asyncClientStreams(BedrockTarget target, BedrockClient client) throws Exception {
    List<String> log = new ArrayList<>();
    try (BedrockRuntimeAsyncClient sdk = configure(BedrockRuntimeAsyncClient.builder()
        .httpClientBuilder(NettyNioAsyncHttpClient.builder()), target).build()) {
      var text = new StringBuilder();
      var events = new ArrayList<String>();
      var handler = ConverseStreamResponseHandler.builder()
          .subscriber(ConverseStreamResponseHandler.Visitor.builder()
              .onMessageStart(e -> events.add("messageStart"))
              .onContentBlockDelta(d -> text.append(d.delta().text()))
              .onMessageStop(e -> events.add("messageStop"))
              .onMetadata(e -> events.add("metadata"))
              .build())
          .build();
      await(sdk.converseStream(r -> r.modelId(target.modelId()).messages(user("Count to five."))
          .inferenceConfig(c -> c.maxTokens(48)), handler), target);
      log.add("ConverseStream: events=" + events + " text=" + text.length() + " chars");
      assertThat(text).as("streamed text").isNotEmpty();
      assertThat(events).as("stream events").containsExactly("messageStart", "messageStop", "metadata");
      if (ModelFamilyBodies.known(target.provider())) {
        var chunks = new ArrayList<String>();
        var invokeHandler = InvokeModelWithResponseStreamResponseHandler.builder()
            .subscriber(InvokeModelWithResponseStreamResponseHandler.Visitor.builder()
                .onChunk(c -> chunks.add(c.bytes().asUtf8String())).build())
            .build();
        await(sdk.invokeModelWithResponseStream(r -> r.modelId(target.modelId()).contentType("application/json")
            .body(SdkBytes.fromUtf8String(ModelFamilyBodies.request(target.provider(), "Count to five.", 48))),
            invokeHandler), target);
        log.add("InvokeModelWithResponseStream: chunks=" + chunks.size());
        assertThat(chunks).as("chunks").isNotEmpty();
      }
    } catch (SdkException e) {
      throw sdkFailed(client, log, e);
    } finally {
      client.note("llmtck.bedrock.sdk", "async: " + String.join("; ", log));
    }
  }

  private static <B extends AwsClientBuilder<B, ?>> B configure(B builder, BedrockTarget target) {
    AwsCredentials credentials = target.sessionToken()
        .<AwsCredentials>map(t -> AwsSessionCredentials.create(target.accessKeyId(), target.secretAccessKey(), t))
        .orElseGet(() -> AwsBasicCredentials.create(target.accessKeyId(), target.secretAccessKey()));
    builder.region(Region.of(target.region())).credentialsProvider(StaticCredentialsProvider.create(credentials));
    if (target.endpointOverridden()) {
      builder.endpointOverride(target.endpoint());
    }
    return builder;
  }

  private static void await(java.util.concurrent.CompletableFuture<Void> call, BedrockTarget target)
      throws InterruptedException, TimeoutException {
    try {
      call.get(target.timeout().toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof SdkException sdk) {
        throw sdk;
      }
      throw new AssertionError("the SDK call failed: " + e.getCause(), e.getCause());
    }
  }

  private static AssertionError sdkFailed(BedrockClient client, List<String> log, SdkException e) {
    client.note("llmtck.bedrock.sdkFailure", e.getClass().getSimpleName() + ": " + e.getMessage());
    return new AssertionError("the AWS SDK refused the target's answer after " + log + ": "
        + e.getClass().getSimpleName() + ": " + e.getMessage());
  }

  private static Message user(String text) {
    return Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText(text)).build();
  }
}
