package dev.llmtck.containers.vllm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.UnauthorizedException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.models.Model;
import dev.llmtck.containers.junit.RequiresDocker;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * VllmContainer starting llmtck's simulator image as a compatible substitute for vllm/vllm-openai, configured
 * like the GitLab documentation's Mistral example, and answering the official OpenAI client.
 */
@RequiresDocker
class VllmSimulatorContainerIT {

  private static final String API_KEY = "it-key-6f1d";
  private static VllmContainer vllm;

  @BeforeAll
  static void start() {
    vllm = new VllmContainer(VllmContainer.simulatorImage())
        .withModel("mistralai/Mistral-7B-Instruct-v0.3")
        .withServedModelName("mistral-7b")
        .withTokenizerMode("mistral")
        .withLoadFormat("mistral")
        .withConfigFormat("mistral")
        .withTokenizer("mistralai/Mistral-7B-Instruct-v0.3")
        .withAutoToolChoice("mistral")
        .withRequestLoggingDisabled()
        .withApiKey(API_KEY);
    vllm.start();
  }

  @AfterAll
  static void stop() {
    if (vllm != null) {
      vllm.stop();
    }
  }

  @Test
  void servesTheServedModelNameToTheOpenAiClient() {
    OpenAIClient client = client(API_KEY);
    List<Model> models = client.models().list().data();
    assertThat(models).extracting(Model::id).contains("mistral-7b");

    ChatCompletion answer = client.chat().completions().create(ChatCompletionCreateParams.builder()
        .model(vllm.getServedModelName())
        .addUserMessage("Say hello")
        .maxCompletionTokens(8)
        .build());
    assertThat(answer.choices()).singleElement()
        .satisfies(choice -> assertThat(choice.message().content()).hasValueSatisfying(
            text -> assertThat(text).isNotBlank()));
  }

  @Test
  void refusesAWrongApiKey() {
    assertThatThrownBy(() -> client("wrong-key").models().list())
        .isInstanceOf(UnauthorizedException.class)
        .satisfies(e -> assertThat(((UnauthorizedException) e).statusCode()).isEqualTo(401));
  }

  @Test
  void reportsGitLabsEndpointAndModelIdentifier() {
    assertThat(vllm.getBaseUrl()).startsWith("http://").endsWith("/v1");
    assertThat(vllm.getGitLabModelIdentifier()).isEqualTo("custom_openai/mistral-7b");
    assertThat(vllm.isGenuineVllm()).isFalse();
  }

  private static OpenAIClient client(String apiKey) {
    return OpenAIOkHttpClient.builder().baseUrl(vllm.getBaseUrl()).apiKey(apiKey).maxRetries(0).build();
  }
}
