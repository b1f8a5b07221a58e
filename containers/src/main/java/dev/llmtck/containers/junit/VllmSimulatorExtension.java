package dev.llmtck.containers.junit;

import dev.llmtck.fixtures.openai.VllmSimulator;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * JUnit Jupiter extension running llmtck's in-process OpenAI-compatible reference platform (a vLLM simulator,
 * {@link VllmSimulator}): no Docker, no network beyond loopback, started in milliseconds.
 *
 * <pre>{@code
 * class MyClientTest {
 *   @RegisterExtension
 *   static VllmSimulatorExtension vllm = VllmSimulatorExtension.newInstance()
 *       .apiKey("test-key").servedModelNames("mistral-7b")
 *       .configure(platform -> platform.toolCalling("mistral"))
 *       .build();
 *
 *   @Test
 *   void answers(OpenAIClient client, URI baseUrl) {      // openai-java's client, ready; http://127.0.0.1:port/v1
 *     client.chat().completions().create(ChatCompletionCreateParams.builder()
 *         .model(vllm.servedModelName()).addUserMessage("Hello").build());
 *   }
 * }
 * }</pre>
 *
 * <p>Parameters it resolves: {@link URI} (the base URL, ending in {@code /v1}, as {@code VllmSimulator.baseUrl()}
 * and {@code VllmContainer.getBaseUri()} give it, so code under test takes one endpoint type from either),
 * {@link VllmSimulator}, and {@code com.openai.client.OpenAIClient} (openai-java's client with this base URL and
 * key; openai-java must be on the test class path, it is no dependency of llmtck-containers). With several mock
 * extensions in one class, ask each for its URI by its getters instead of a {@link URI} parameter.
 */
public final class VllmSimulatorExtension extends InProcessMockExtension<VllmSimulator> {
  private static final String OPENAI_CLIENT = "com.openai.client.OpenAIClient";

  private final String apiKey;
  private final List<String> servedModelNames;
  private Object client;

  private VllmSimulatorExtension(Builder builder) {
    super(VllmSimulator.class, () -> {
      VllmSimulator.Builder platform = VllmSimulator.builder().servedModelNames(
          builder.servedModelNames.toArray(String[]::new));
      if (builder.apiKey != null) {
        platform.apiKey(builder.apiKey);
      }
      builder.customizers.forEach(customizer -> customizer.accept(platform));
      return platform.start();
    });
    this.apiKey = builder.apiKey;
    this.servedModelNames = List.copyOf(builder.servedModelNames);
  }

  /** A builder: {@code VllmSimulatorExtension.newInstance().apiKey(...).servedModelNames(...).build()}. */
  public static Builder newInstance() {
    return new Builder();
  }

  /** The running platform. */
  public VllmSimulator platform() {
    return running();
  }

  /** The OpenAI base URL, {@code http://127.0.0.1:port/v1}. */
  public URI baseUrl() {
    return running().baseUrl();
  }

  /** The key clients must send, or null when the platform accepts any request. */
  public String apiKey() {
    return apiKey;
  }

  /** The name clients send as {@code model}: the first served name. */
  public String servedModelName() {
    return servedModelNames.get(0);
  }

  /**
   * openai-java's client for this platform (base URL and key set), made once per start and closed with the
   * platform. Needs {@code com.openai:openai-java} on the class path.
   */
  public com.openai.client.OpenAIClient client() {
    running();
    if (client == null) {
      client = OpenAiClients.create(baseUrl(), apiKey);
    }
    return (com.openai.client.OpenAIClient) client;
  }

  @Override
  void stopped(VllmSimulator platform) {
    if (client != null) {
      OpenAiClients.close(client);
      client = null;
    }
  }

  @Override
  URI uri() {
    return baseUrl();
  }

  @Override
  boolean supportsMore(Class<?> parameterType) {
    return parameterType.getName().equals(OPENAI_CLIENT);
  }

  @Override
  Object resolveMore(Class<?> parameterType) {
    return client();
  }

  /** Configures an {@link VllmSimulatorExtension}. */
  public static final class Builder {
    private String apiKey;
    private final List<String> servedModelNames = new ArrayList<>(List.of("llmtck-model"));
    private final List<Consumer<VllmSimulator.Builder>> customizers = new ArrayList<>();

    private Builder() {
    }

    /** The key the platform wants ({@code Authorization: Bearer}); none by default (every request accepted). */
    public Builder apiKey(String key) {
      this.apiKey = Objects.requireNonNull(key, "key");
      return this;
    }

    /** The model names the platform serves; the first is {@link #servedModelName()} (default {@code llmtck-model}). */
    public Builder servedModelNames(String... names) {
      if (names.length == 0) {
        throw new IllegalArgumentException("at least one served model name");
      }
      servedModelNames.clear();
      servedModelNames.addAll(List.of(names));
      return this;
    }

    /** Any other setting of the platform (latency, tool calling, vLLM version, transformers, ...). */
    public Builder configure(Consumer<VllmSimulator.Builder> customizer) {
      customizers.add(Objects.requireNonNull(customizer, "customizer"));
      return this;
    }

    public VllmSimulatorExtension build() {
      return new VllmSimulatorExtension(this);
    }
  }
}
