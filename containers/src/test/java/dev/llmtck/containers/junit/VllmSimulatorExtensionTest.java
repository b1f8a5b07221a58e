package dev.llmtck.containers.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.llmtck.fixtures.openai.VllmSimulator;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The in-process vLLM simulator as a JUnit extension: one per class (static) or one per test (instance). */
class VllmSimulatorExtensionTest {
  private static final AtomicInteger STARTS = new AtomicInteger();

  @RegisterExtension
  static VllmSimulatorExtension vllm = VllmSimulatorExtension.newInstance().apiKey("test-key")
      .servedModelNames("tiny-chat").configure(platform -> platform.vllmVersion("0.10.1.1"))
      .configure(platform -> STARTS.incrementAndGet()).build();

  @Test
  void injectsTheBaseUrlAndAReadyOpenAiJavaClient(URI baseUrl, OpenAIClient client, VllmSimulator platform) {
    assertThat(baseUrl).isEqualTo(vllm.baseUrl());
    assertThat(baseUrl.getPath()).isEqualTo("/v1");
    assertThat(platform.vllmVersion()).isEqualTo("0.10.1.1");

    String answer = client.chat().completions().create(ChatCompletionCreateParams.builder()
        .model(vllm.servedModelName()).addUserMessage("Say hello").maxCompletionTokens(8).build())
        .choices().get(0).message().content().orElse("");

    assertThat(answer).isNotBlank();
    assertThat(client.models().list().data()).extracting(model -> model.id()).contains("tiny-chat");
  }

  @Test
  void theSamePlatformServesTheWholeClass(URI baseUrl) {
    assertThat(baseUrl).isEqualTo(vllm.platform().baseUrl());
  }

  @Nested
  class Inner {
    @Test
    void aNestedClassSharesTheOuterPlatformInsteadOfStartingASecond(VllmSimulator platform) {
      assertThat(STARTS).as("platforms started by the static extension").hasValue(1);
      assertThat(platform.baseUrl()).isEqualTo(vllm.baseUrl());
    }
  }

  @Nested
  class PerTest {
    @RegisterExtension
    VllmSimulatorExtension own = VllmSimulatorExtension.newInstance().build();

    @Test
    void anInstanceFieldGetsItsOwnPlatform() {
      assertThat(own.baseUrl().getPort()).isNotEqualTo(vllm.baseUrl().getPort());
      assertThat(own.apiKey()).isNull();
      assertThat(own.servedModelName()).isEqualTo("llmtck-model");
      assertThat(own.client().models().list().data()).isNotEmpty();
    }
  }
}
