package dev.llmtck.containers.vllm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.UnauthorizedException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.models.Model;
import dev.llmtck.containers.LlmtckImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

/**
 * VllmContainer starting the real vLLM for CPU ({@code llmtck/vllm-cpu}, {@link VllmContainer#cpuImage()}) the way
 * GitLab's documentation runs vLLM: a served model name, an API key (VLLM_API_KEY), request logging off, a bounded
 * context window, the model's directory mounted read-only. The model is llmtck's tiny chat model, made by
 * {@code ci/engines/tiny-model/make.sh} (minutes on first use, cached per machine).
 *
 * <p>Opt-in: the image is slow to make for CI (a cold build installs some 3 GB of wheels, well over ten minutes on
 * two cores, and the image is about 7 GB), so this runs only where the environment asks for the real engine with
 * {@code LLMTCK_REAL_ENGINES=true}; elsewhere, CI included, it is skipped, saying so. Where it is asked for, a
 * missing Docker engine fails it: it must never pass by not running. Base image and wheels
 * come from {@code LLMTCK_PYTHON_BASE_IMAGE} and {@code LLMTCK_VLLM_WHEELS} (see {@link LlmtckImage#VLLM_CPU}).
 */
class VllmCpuContainerIT {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final String API_KEY = "it-key-cpu-41d7";
  private static final String SERVED = "tiny-chat";
  private static VllmContainer vllm;

  @BeforeAll
  static void start() throws Exception {
    Assumptions.assumeTrue("true".equals(System.getenv("LLMTCK_REAL_ENGINES")), "the real engine is not asked"
        + " for: set LLMTCK_REAL_ENGINES=true to build llmtck/vllm-cpu and start the real vLLM for CPU in Docker");
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      fail("real engines are asked for, but no Docker engine answers: llmtck/vllm-cpu needs one");
    }
    Path model = tinyModel();

    long building = System.nanoTime();
    LlmtckImage.VLLM_CPU.build();
    System.out.printf("VllmCpuContainerIT: %s built or found fresh in %.1f s%n",
        LlmtckImage.VLLM_CPU.imageName().asCanonicalNameString(), seconds(building));

    vllm = new VllmContainer(VllmContainer.cpuImage())
        .withModelDirectory(model)
        .withServedModelName(SERVED)
        .withApiKey(API_KEY)
        .withMaxModelLength(4096)
        .withRequestLoggingDisabled()
        // The tiny model is trained in float32; a small KV cache keeps vLLM within a CI machine's memory.
        .withExtraArguments("--dtype", "float32", "--kv-cache-memory-bytes", "512M")
        .withEnv("HF_HUB_OFFLINE", "1")
        .withEnv("TRANSFORMERS_OFFLINE", "1")
        .withStartupTimeout(Duration.ofMinutes(15));
    long starting = System.nanoTime();
    vllm.start();
    System.out.printf("VllmCpuContainerIT: vLLM for CPU serving %s, start-to-ready %.1f s%n", SERVED,
        seconds(starting));
  }

  @AfterAll
  static void stop() {
    if (vllm != null) {
      vllm.stop();
    }
  }

  @Test
  void listsTheServedModelAndAnswersAChatCompletion() {
    OpenAIClient client = client(API_KEY);
    List<Model> models = client.models().list().data();
    assertThat(models).extracting(Model::id).containsExactly(SERVED);

    ChatCompletion answer = client.chat().completions().create(ChatCompletionCreateParams.builder()
        .model(SERVED)
        .addUserMessage("Write a function that adds two numbers.")
        .maxCompletionTokens(16)
        .temperature(0.0)
        .build());
    assertThat(answer.model()).isEqualTo(SERVED);
    assertThat(answer.choices()).singleElement().satisfies(choice -> {
      assertThat(choice.message().content()).hasValueSatisfying(text -> assertThat(text).isNotBlank());
      assertThat(choice.finishReason().asString()).isIn("stop", "length");
    });
    assertThat(answer.usage()).hasValueSatisfying(usage -> assertThat(usage.completionTokens()).isPositive());
  }

  @Test
  void refusesAWrongApiKey() {
    assertThatThrownBy(() -> client("wrong-key").models().list())
        .isInstanceOf(UnauthorizedException.class);
  }

  @Test
  void isTheRealEngineOnTheDocumentedCommandLine() {
    assertThat(vllm.isGenuineVllm()).as("a compatible substitute keeps its own `vllm serve` entry point").isFalse();
    assertThat(vllm.getCommandParts()).contains("--no-enable-log-requests", "--served-model-name", SERVED)
        .doesNotContain("--disable-log-requests", API_KEY);
    assertThat(vllm.getGitLabModelIdentifier()).isEqualTo("custom_openai/" + SERVED);
    assertThat(vllm.getBaseUri().getPath()).isEqualTo("/v1");
  }

  private static OpenAIClient client(String apiKey) {
    return OpenAIOkHttpClient.builder().baseUrl(vllm.getBaseUrl()).apiKey(apiKey)
        .timeout(Duration.ofMinutes(2)).maxRetries(0).build();
  }

  /** The tiny model's directory, made (or found cached) by ci/engines/tiny-model/make.sh. */
  private static Path tinyModel() throws IOException, InterruptedException {
    Path script = ROOT.resolve("ci/engines/tiny-model/make.sh");
    if (!Files.isRegularFile(script)) {
      fail("no " + script + ": run this test from llmtck's repository (containers/)");
    }
    Process process = new ProcessBuilder("bash", script.toString()).redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (!process.waitFor(60, TimeUnit.MINUTES) || process.exitValue() != 0) {
      fail("ci/engines/tiny-model/make.sh failed (exit " + process.exitValue() + "); its log is above");
    }
    String[] lines = out.split("\n");
    Path model = Path.of(lines[lines.length - 1].strip());
    if (!Files.isRegularFile(model.resolve("config.json"))) {
      fail("ci/engines/tiny-model/make.sh printed " + model + ", which holds no config.json");
    }
    return model;
  }

  private static double seconds(long sinceNanos) {
    return (System.nanoTime() - sinceNanos) / 1e9;
  }
}
