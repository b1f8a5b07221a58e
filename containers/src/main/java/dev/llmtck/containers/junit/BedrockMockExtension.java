package dev.llmtck.containers.junit;

import dev.llmtck.fixtures.bedrock.BedrockRuntimeMock;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * JUnit Jupiter extension running llmtck's in-process AWS Bedrock runtime mock ({@link BedrockRuntimeMock}), the
 * same that {@code BedrockMockContainer} runs in Docker.
 *
 * <pre>{@code
 * @RegisterExtension
 * static BedrockMockExtension bedrock = BedrockMockExtension.newInstance()
 *     .configure(mock -> mock.region("eu-west-1")).build();
 *
 * @Test
 * void converses(URI endpoint, BedrockRuntimeMock mock) {
 *   BedrockRuntimeClient client = BedrockRuntimeClient.builder().endpointOverride(endpoint)
 *       .region(Region.of(mock.region()))
 *       .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
 *           BedrockRuntimeMock.EXAMPLE_CREDENTIALS.accessKeyId(), BedrockRuntimeMock.EXAMPLE_CREDENTIALS.secretAccessKey())))
 *       .build();
 * }
 * }</pre>
 *
 * <p>Parameters it resolves: {@link URI} (the endpoint, {@code http://127.0.0.1:port}, as
 * {@code BedrockMockContainer.getEndpointUri()} gives it) and {@link BedrockRuntimeMock}.
 */
public final class BedrockMockExtension extends InProcessMockExtension<BedrockRuntimeMock> {

  private BedrockMockExtension(List<Consumer<BedrockRuntimeMock.Builder>> customizers) {
    super(BedrockRuntimeMock.class, () -> {
      BedrockRuntimeMock.Builder mock = BedrockRuntimeMock.builder();
      customizers.forEach(customizer -> customizer.accept(mock));
      return mock.start();
    });
  }

  /** A builder: {@code BedrockMockExtension.newInstance().configure(mock -> ...).build()}. */
  public static Builder newInstance() {
    return new Builder();
  }

  /** The running mock. */
  public BedrockRuntimeMock mock() {
    return running();
  }

  /** The endpoint for an SDK's {@code endpointOverride}. */
  public URI endpoint() {
    return running().endpoint();
  }

  @Override
  URI uri() {
    return endpoint();
  }

  /** Configures a {@link BedrockMockExtension}. */
  public static final class Builder {
    private final List<Consumer<BedrockRuntimeMock.Builder>> customizers = new ArrayList<>();

    private Builder() {
    }

    /** Any setting of the mock (region, credentials, models, faults, pacing). */
    public Builder configure(Consumer<BedrockRuntimeMock.Builder> customizer) {
      customizers.add(Objects.requireNonNull(customizer, "customizer"));
      return this;
    }

    public BedrockMockExtension build() {
      return new BedrockMockExtension(List.copyOf(customizers));
    }
  }
}
