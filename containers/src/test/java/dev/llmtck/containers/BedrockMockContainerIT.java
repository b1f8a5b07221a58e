package dev.llmtck.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmtck.containers.junit.RequiresDocker;
import dev.llmtck.fixtures.bedrock.ClockedSigV4AuthScheme;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.AccessDeniedException;
import software.amazon.awssdk.services.bedrockruntime.model.BedrockRuntimeException;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithResponseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;

/**
 * The AWS SDK for Java v2, sync (default Apache client) and async (default Netty client, HTTP/2), with only
 * {@code endpointOverride} and credentials changed, against the Bedrock mock in its container.
 */
@RequiresDocker
class BedrockMockContainerIT {
  private static final DockerImageName IMAGE = BedrockMockContainer.image();
  private static final String HAIKU = "anthropic.claude-3-haiku-20240307-v1:0";
  private static final String LLAMA = "meta.llama3-8b-instruct-v1:0";
  private static BedrockMockContainer bedrock;

  @BeforeAll
  static void start() {
    bedrock = new BedrockMockContainer(IMAGE)
        .withRegion("eu-west-1")
        .withCredentials("AKIACONTAINER0000001", "container/secret/0001")
        .withModel(HAIKU)
        .withModel(LLAMA)
        .withFault("InvokeModel=throttlingx1");
    bedrock.start();
  }

  @AfterAll
  static void stop() {
    bedrock.stop();
  }

  private static BedrockRuntimeClient sync(String secret) {
    return BedrockRuntimeClient.builder()
        .endpointOverride(URI.create(bedrock.getEndpoint()))
        .region(Region.of(bedrock.getRegion()))
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(bedrock.getAccessKeyId(), secret)))
        .build();
  }

  private static BedrockRuntimeAsyncClient async() {
    return BedrockRuntimeAsyncClient.builder()
        .endpointOverride(URI.create(bedrock.getEndpoint()))
        .region(Region.of(bedrock.getRegion()))
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(bedrock.getAccessKeyId(), bedrock.getSecretAccessKey())))
        .build();
  }

  private static Message user(String text) {
    return Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText(text)).build();
  }

  @Test
  void syncClientConversesAndInvokes() {
    try (var client = sync(bedrock.getSecretAccessKey())) {
      var converse = client.converse(r -> r.modelId(HAIKU).messages(user("Hello from a container")));
      assertThat(converse.output().message().content().get(0).text()).isNotBlank();
      assertThat(converse.usage().totalTokens()).isPositive();

      // The first InvokeModel is throttled (the container's configured fault); the SDK retries and succeeds.
      var invoke = client.invokeModel(r -> r.modelId(LLAMA)
          .body(SdkBytes.fromUtf8String("{\"prompt\":\"Hello\",\"max_gen_len\":32}")));
      assertThat(invoke.body().asUtf8String()).contains("\"generation\"");
    }
  }

  @Test
  void asyncClientStreamsBothKinds() throws Exception {
    try (var client = async()) {
      var text = new StringBuilder();
      client.converseStream(r -> r.modelId(HAIKU).messages(user("Stream from a container")),
          ConverseStreamResponseHandler.builder().subscriber(ConverseStreamResponseHandler.Visitor.builder()
              .onContentBlockDelta(d -> text.append(d.delta().text())).build()).build())
          .get(30, TimeUnit.SECONDS);
      var whole = client.converse(r -> r.modelId(HAIKU).messages(user("Stream from a container")))
          .get(30, TimeUnit.SECONDS);
      assertThat(text.toString()).isEqualTo(whole.output().message().content().get(0).text());

      List<String> chunks = new ArrayList<>();
      client.invokeModelWithResponseStream(r -> r.modelId(HAIKU).body(SdkBytes.fromUtf8String(
          "{\"anthropic_version\":\"bedrock-2023-05-31\",\"max_tokens\":40,"
              + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}")),
          InvokeModelWithResponseStreamResponseHandler.builder().subscriber(
              InvokeModelWithResponseStreamResponseHandler.Visitor.builder()
                  .onChunk(c -> chunks.add(c.bytes().asUtf8String())).build()).build())
          .get(30, TimeUnit.SECONDS);
      assertThat(chunks.get(chunks.size() - 1)).contains("message_stop", "amazon-bedrock-invocationMetrics");
    }
  }

  @Test
  void wrongSecretAndDisabledModelGetAwsErrors() {
    try (var client = sync("not-the-secret")) {
      assertThatThrownBy(() -> client.converse(r -> r.modelId(HAIKU).messages(user("Hi"))))
          .isInstanceOfSatisfying(BedrockRuntimeException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
          });
    }
    try (var client = sync(bedrock.getSecretAccessKey())) {
      assertThatThrownBy(() -> client.converse(r -> r.modelId("mistral.mistral-large-2402-v1:0")
          .messages(user("Hi"))))
          .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.statusCode()).isEqualTo(403));
    }
  }

  @Test
  void signatureFromTenMinutesAgoHasExpired() {
    try (var client = BedrockRuntimeClient.builder()
        .endpointOverride(URI.create(bedrock.getEndpoint()))
        .region(Region.of(bedrock.getRegion()))
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(bedrock.getAccessKeyId(), bedrock.getSecretAccessKey())))
        .putAuthScheme(new ClockedSigV4AuthScheme(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-10))))
        .overrideConfiguration(o -> o.retryStrategy(b -> b.maxAttempts(1)))
        .build()) {
      assertThatThrownBy(() -> client.converse(r -> r.modelId(HAIKU).messages(user("Hi"))))
          .isInstanceOfSatisfying(BedrockRuntimeException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
            assertThat(e.awsErrorDetails().errorMessage()).startsWith("Signature expired: ");
          });
    }
  }

  @Test
  void faultsSwitchOnAndOffAtRunTime() throws Exception {
    try (var client = async()) {
      bedrock.addFault("ConverseStream=stream-exception:throttlingException:1");
      var handler = ConverseStreamResponseHandler.builder().subscriber(e -> { }).build();
      assertThatThrownBy(() -> client.converseStream(r -> r.modelId(HAIKU).messages(user("Hi")), handler).join())
          .isInstanceOf(CompletionException.class).hasCauseInstanceOf(ThrottlingException.class);
      bedrock.clearFaults();
      client.converseStream(r -> r.modelId(HAIKU).messages(user("Hi")), handler).get(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void gatewayEnvironmentNamesTheMock() {
    assertThat(bedrock.getGatewayEnvironment())
        .containsEntry("AWS_ACCESS_KEY_ID", "AKIACONTAINER0000001")
        .containsEntry("AWS_SECRET_ACCESS_KEY", "container/secret/0001")
        .containsEntry("AWS_REGION_NAME", "eu-west-1")
        .containsEntry("AWS_BEDROCK_RUNTIME_ENDPOINT", bedrock.getEndpoint());
    assertThat(bedrock.getGatewayEnvironment("bedrock"))
        .containsEntry("AWS_BEDROCK_RUNTIME_ENDPOINT", "http://bedrock:8080");
  }
}
