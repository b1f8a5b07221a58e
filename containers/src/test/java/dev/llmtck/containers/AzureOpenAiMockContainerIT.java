package dev.llmtck.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.azure.AzureOpenAIServiceVersion;
import com.openai.azure.AzureUrlPathMode;
import com.openai.azure.credential.AzureApiKeyCredential;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.NotFoundException;
import com.openai.errors.RateLimitException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.completions.Completion;
import com.openai.models.completions.CompletionCreateParams;
import dev.llmtck.containers.junit.RequiresDocker;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.utility.DockerImageName;

/** The official openai-java client, in its Azure mode, against the mock running in its container. */
@RequiresDocker
class AzureOpenAiMockContainerIT {
  private static final DockerImageName IMAGE = AzureOpenAiMockContainer.image();
  private static AzureOpenAiMockContainer azure;

  @BeforeAll
  static void start() {
    azure = new AzureOpenAiMockContainer(IMAGE)
        .withApiKey("container-key-123")
        .withDeployment("chat", "gpt-4o-2024-08-06")
        .withDeployment("instruct", "gpt-35-turbo-instruct");
    azure.start();
  }

  @AfterAll
  static void stop() {
    azure.stop();
  }

  private static OpenAIClient client(String key) {
    return OpenAIOkHttpClient.builder()
        .baseUrl(azure.getEndpoint())
        .credential(AzureApiKeyCredential.create(key))
        .azureServiceVersion(AzureOpenAIServiceVersion.latestStableVersion())
        .azureUrlPathMode(AzureUrlPathMode.LEGACY)
        .maxRetries(0)
        .build();
  }

  private static ChatCompletionCreateParams chat(String deployment) {
    return ChatCompletionCreateParams.builder().model(deployment).addUserMessage("Hello from a container")
        .temperature(0.0).build();
  }

  @Test
  void chatStreamedChatAndCompletions() {
    OpenAIClient client = client(azure.getApiKey());

    ChatCompletion completion = client.chat().completions().create(chat("chat"));
    assertThat(completion.model()).isEqualTo("gpt-4o-2024-08-06");
    String whole = completion.choices().get(0).message().content().orElseThrow();

    List<ChatCompletionChunk> chunks;
    try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(chat("chat"))) {
      chunks = stream.stream().collect(Collectors.toList());
    }
    assertThat(chunks.stream().flatMap(c -> c.choices().stream()).map(c -> c.delta().content().orElse(""))
        .collect(Collectors.joining())).isEqualTo(whole);

    Completion text = client.completions().create(CompletionCreateParams.builder().model("instruct")
        .prompt("def add(a, b):").maxTokens(6).build());
    assertThat(text.choices().get(0).text()).isNotBlank();
  }

  @Test
  void v1ApiNamesTheDeploymentAsModel() {
    OpenAIClient v1 = OpenAIOkHttpClient.builder()
        .baseUrl(azure.getV1BaseUrl())
        .credential(AzureApiKeyCredential.create(azure.getApiKey()))
        .azureUrlPathMode(AzureUrlPathMode.UNIFIED)
        .maxRetries(0)
        .build();

    assertThat(v1.chat().completions().create(chat("chat")).model()).isEqualTo("gpt-4o-2024-08-06");
  }

  @Test
  void wrongKeyAndUnknownDeploymentGetTheDocumentedExceptions() {
    assertThatThrownBy(() -> client("wrong").chat().completions().create(chat("chat")))
        .isInstanceOf(UnauthorizedException.class);
    assertThatThrownBy(() -> client(azure.getApiKey()).chat().completions().create(chat("missing")))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void faultsSwitchFromTheTest() {
    azure.rateLimitNext(1, 1);
    try {
      assertThatThrownBy(() -> client(azure.getApiKey()).chat().completions().create(chat("chat")))
          .isInstanceOf(RateLimitException.class);
      assertThat(client(azure.getApiKey()).chat().completions().create(chat("chat")).choices()).hasSize(1);
    } finally {
      azure.clearFaults();
    }
  }
}
