package dev.llmtck.containers.junit;

import dev.llmtck.fixtures.azure.AzureOpenAiMock;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * JUnit Jupiter extension running llmtck's in-process Azure OpenAI mock ({@link AzureOpenAiMock}), the same that
 * {@code AzureOpenAiMockContainer} runs in Docker.
 *
 * <pre>{@code
 * @RegisterExtension
 * static AzureOpenAiMockExtension azure = AzureOpenAiMockExtension.newInstance()
 *     .configure(mock -> mock.apiKey("secret").deployment("gpt-4o", "gpt-4o-2024-08-06")).build();
 *
 * @Test
 * void chats(URI endpoint) { ... }   // http://127.0.0.1:port, the resource endpoint
 * }</pre>
 *
 * <p>Parameters it resolves: {@link URI} (the resource endpoint, as {@code AzureOpenAiMockContainer.getEndpointUri()}
 * gives it) and {@link AzureOpenAiMock}.
 */
public final class AzureOpenAiMockExtension extends InProcessMockExtension<AzureOpenAiMock> {

  private AzureOpenAiMockExtension(List<Consumer<AzureOpenAiMock.Builder>> customizers) {
    super(AzureOpenAiMock.class, () -> {
      AzureOpenAiMock.Builder mock = AzureOpenAiMock.builder();
      customizers.forEach(customizer -> customizer.accept(mock));
      return mock.start();
    });
  }

  /** A builder: {@code AzureOpenAiMockExtension.newInstance().configure(mock -> ...).build()}. */
  public static Builder newInstance() {
    return new Builder();
  }

  /** The running mock. */
  public AzureOpenAiMock mock() {
    return running();
  }

  /** The resource endpoint, {@code http://127.0.0.1:port}. */
  public URI endpoint() {
    return running().endpoint();
  }

  /** The v1 API's base URL, {@code <endpoint>/openai/v1}. */
  public URI v1BaseUrl() {
    return running().v1BaseUrl();
  }

  @Override
  URI uri() {
    return endpoint();
  }

  /** Configures an {@link AzureOpenAiMockExtension}. */
  public static final class Builder {
    private final List<Consumer<AzureOpenAiMock.Builder>> customizers = new ArrayList<>();

    private Builder() {
    }

    /** Any setting of the mock (key, deployments, content filter terms, faults, pacing). */
    public Builder configure(Consumer<AzureOpenAiMock.Builder> customizer) {
      customizers.add(Objects.requireNonNull(customizer, "customizer"));
      return this;
    }

    public AzureOpenAiMockExtension build() {
      return new AzureOpenAiMockExtension(List.copyOf(customizers));
    }
  }
}
