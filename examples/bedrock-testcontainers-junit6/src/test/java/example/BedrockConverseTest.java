package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmtck.containers.BedrockMockContainer;
import dev.llmtck.containers.junit.RequiresDocker;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.AccessDeniedException;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.Message;

/**
 * A Bedrock client tested against llmtck's Bedrock runtime mock in Docker, with the official AWS SDK for Java v2
 * changed in nothing but its endpoint and credentials. {@code BedrockMockContainer.image()} is built from the
 * llmtck-containers jar when the container starts (no registry needed for it; its JRE base image comes from
 * LLMTCK_BASE_IMAGE, or eclipse-temurin:17-jre is pulled). {@code @RequiresDocker}: skipped without Docker,
 * failed when CI=true.
 */
@RequiresDocker
@Testcontainers
class BedrockConverseTest {
  private static final String HAIKU = "anthropic.claude-3-haiku-20240307-v1:0";

  @Container
  static BedrockMockContainer bedrock = new BedrockMockContainer(BedrockMockContainer.image())
      .withRegion("eu-west-1")
      .withModel(HAIKU);

  private static StaticCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(
        AwsBasicCredentials.create(bedrock.getAccessKeyId(), bedrock.getSecretAccessKey()));
  }

  private static Message user(String text) {
    return Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText(text)).build();
  }

  @Test
  void conversesWithTheSyncClient() {
    try (BedrockRuntimeClient client = BedrockRuntimeClient.builder()
        .endpointOverride(bedrock.getEndpointUri())
        .region(Region.of(bedrock.getRegion()))
        .credentialsProvider(credentials())
        .build()) {
      var answer = client.converse(r -> r.modelId(HAIKU).messages(user("Hello, Bedrock")));

      assertFalse(answer.output().message().content().get(0).text().isBlank());
      assertTrue(answer.usage().outputTokens() > 0);
      assertThrows(AccessDeniedException.class, () -> client.converse(r -> r
          .modelId("mistral.mistral-large-2402-v1:0").messages(user("no access to this one"))));
    }
  }

  @Test
  void streamsWithTheAsyncNettyClient() throws Exception {
    try (BedrockRuntimeAsyncClient client = BedrockRuntimeAsyncClient.builder()
        .endpointOverride(bedrock.getEndpointUri())
        .region(Region.of(bedrock.getRegion()))
        .credentialsProvider(credentials())
        .build()) {
      StringBuilder streamed = new StringBuilder();
      client.converseStream(r -> r.modelId(HAIKU).messages(user("Stream, please")),
          ConverseStreamResponseHandler.builder().subscriber(ConverseStreamResponseHandler.Visitor.builder()
              .onContentBlockDelta(delta -> streamed.append(delta.delta().text())).build()).build())
          .get(30, TimeUnit.SECONDS);
      var whole = client.converse(r -> r.modelId(HAIKU).messages(user("Stream, please"))).get(30, TimeUnit.SECONDS);

      assertEquals(whole.output().message().content().get(0).text(), streamed.toString());
    }
  }
}
