package dev.llmtck.tck.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.llmtck.containers.vllm.VllmContainer;
import dev.llmtck.tck.runner.Profile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The launch: section becomes the VllmContainer it describes (nothing is started here). */
class VllmContainerLauncherTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void theShippedProfileIsForThisLauncher() {
    Profile profile = Profile.load(Path.of("..", "profiles", "vllm-simulator-container.yaml"));

    assertThat(new VllmContainerLauncher().supports(profile.launch())).isTrue();
    assertThat(profile.launch().get("vllmContainer").get("image").asText()).isEqualTo("simulator");
  }

  @Test
  void aRealVllmOnGpusIsDescribedByTheSameSection() throws Exception {
    JsonNode section = YAML.readTree("""
        image: vllm/vllm-openai:v0.6.4.post1
        modelDirectory: /srv/models/Mixtral-8x7B-Instruct-v0.1
        servedModelName: mixtral
        tokenizerMode: mistral
        loadFormat: safetensors
        tokenizer: /models/Mixtral-8x7B-Instruct-v0.1
        tensorParallelSize: 4
        gpus: 4
        disableLogRequests: true
        """);
    VllmContainer container = VllmContainerLauncher.container(section, "key-123");
    container.withStartupTimeout(java.time.Duration.ofMinutes(1));
    invokeConfigure(container);

    assertThat(container.getCommandParts()).containsExactly("--model", "/models/Mixtral-8x7B-Instruct-v0.1",
        "--served-model-name", "mixtral", "--host", "0.0.0.0", "--port", "8000", "--tokenizer-mode", "mistral",
        "--load-format", "safetensors", "--tokenizer", "/models/Mixtral-8x7B-Instruct-v0.1",
        "--tensor-parallel-size", "4", "--disable-log-requests");
    assertThat(container.getEnvMap()).containsEntry("VLLM_API_KEY", "key-123");
    assertThat(container.getShmSize()).isEqualTo(4L << 30);
    assertThat(container.getGitLabModelIdentifier()).isEqualTo("custom_openai/mixtral");
  }

  @Test
  void anUnknownKeyIsAnError() throws Exception {
    JsonNode section = YAML.readTree("image: vllm/vllm-openai:v0.6.4.post1\nmodel: m\ntokeniserMode: mistral\n");

    assertThatThrownBy(() -> VllmContainerLauncher.container(section, "k"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tokeniserMode");
  }

  @Test
  void aModelIsRequired() throws Exception {
    JsonNode section = YAML.readTree("image: vllm/vllm-openai:v0.6.4.post1\n");

    assertThatThrownBy(() -> VllmContainerLauncher.container(section, "k")).hasMessageContaining("'model'");
  }

  /** configure() is protected: what start() would run first. */
  private static void invokeConfigure(VllmContainer container) throws Exception {
    java.lang.reflect.Method configure = VllmContainer.class.getDeclaredMethod("configure");
    configure.setAccessible(true);
    configure.invoke(container);
  }
}
