package dev.llmtck.containers.vllm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.DeviceRequest;
import dev.llmtck.fixtures.vllm.VllmVersion;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.testcontainers.utility.DockerImageName;

/**
 * The exact command line and container configuration VllmContainer produces for the GitLab documentation's
 * examples. No Docker engine is needed: nothing is started, the Docker create command is only assembled.
 */
class VllmContainerTest {

  private static final Path MISTRAL = Path.of("/srv/models/Mistral-7B-Instruct-v0.3");
  private static final Path MIXTRAL = Path.of("/srv/models/Mixtral-8x7B-Instruct-v0.1");

  @Test
  void mistral7bExampleOfTheGitLabDocumentation() {
    VllmContainer vllm = new VllmContainer(VllmContainer.DEFAULT_IMAGE)
        .withModelDirectory(MISTRAL)
        .withServedModelName("mistral-7b")
        .withTokenizerMode("mistral")
        .withTensorParallelSize(1)
        .withLoadFormat("mistral")
        .withConfigFormat("mistral")
        .withTokenizer(VllmContainer.MODELS_PATH + "/Mistral-7B-Instruct-v0.3")
        .withAllGpus()
        .withApiKey("s3cret-key");
    vllm.configure();

    assertThat(vllm.getCommandParts()).containsExactly(
        "--model", "/models/Mistral-7B-Instruct-v0.3",
        "--served-model-name", "mistral-7b",
        "--host", "0.0.0.0", "--port", "8000",
        "--tokenizer-mode", "mistral",
        "--load-format", "mistral",
        "--config-format", "mistral",
        "--tokenizer", "/models/Mistral-7B-Instruct-v0.3",
        "--tensor-parallel-size", "1");
    assertThat(vllm.getEnvMap()).containsEntry("VLLM_API_KEY", "s3cret-key");
    assertThat(String.join(" ", vllm.getCommandParts())).doesNotContain("s3cret-key");
    assertThat(vllm.getShmSize()).isEqualTo(1L << 30);

    CreateCommandRecorder create = CreateCommandRecorder.of(vllm);
    assertThat(create.entrypoint).containsExactly("python3", "-m", "vllm.entrypoints.openai.api_server");
    assertThat(create.hostConfig.getBinds()).containsExactly(
        new Bind(MISTRAL.toString(), new com.github.dockerjava.api.model.Volume("/models/Mistral-7B-Instruct-v0.3"),
            AccessMode.ro));
    assertThat(create.hostConfig.getDeviceRequests()).singleElement().satisfies(gpu -> {
      assertThat(gpu.getCapabilities()).isEqualTo(List.of(List.of("gpu")));
      assertThat(gpu.getCount()).isEqualTo(-1);
    });

    assertThat(vllm.getServedModelName()).isEqualTo("mistral-7b");
    assertThat(vllm.getGitLabModelIdentifier()).isEqualTo("custom_openai/mistral-7b");
    assertThat(vllm.getApiKey()).isEqualTo("s3cret-key");
  }

  @Test
  void mixtral8x7bExampleWithTensorParallelSizeFour() {
    VllmContainer vllm = new VllmContainer(VllmContainer.DEFAULT_IMAGE)
        .withModelDirectory(MIXTRAL)
        .withTensorParallelSize(4)
        .withServedModelName("mixtral-8x7b")
        .withTokenizerMode("mistral")
        .withLoadFormat("safetensors")
        .withTokenizer(VllmContainer.MODELS_PATH + "/Mixtral-8x7B-Instruct-v0.1")
        .withGpus(4);
    vllm.configure();

    assertThat(vllm.getCommandParts()).containsExactly(
        "--model", "/models/Mixtral-8x7B-Instruct-v0.1",
        "--served-model-name", "mixtral-8x7b",
        "--host", "0.0.0.0", "--port", "8000",
        "--tokenizer-mode", "mistral",
        "--load-format", "safetensors",
        "--tokenizer", "/models/Mixtral-8x7B-Instruct-v0.1",
        "--tensor-parallel-size", "4");
    assertThat(vllm.getShmSize()).as("shared memory grows with tensor parallelism").isEqualTo(4L << 30);
    assertThat(vllm.getEnvMap()).doesNotContainKey("VLLM_API_KEY");

    DeviceRequest gpus = CreateCommandRecorder.of(vllm).hostConfig.getDeviceRequests().get(0);
    assertThat(gpus.getCount()).isEqualTo(4);
    assertThat(gpus.getCapabilities()).isEqualTo(List.of(List.of("gpu")));
    assertThat(vllm.getGitLabModelIdentifier()).isEqualTo("custom_openai/mixtral-8x7b");
  }

  @Test
  void toolCallingRequestLoggingContextWindowAndExtraArgumentsFollowTheDocumentedFlags() {
    VllmContainer vllm = new VllmContainer("vllm/vllm-openai:v0.10.1.1")
        .withModel("mistralai/Mistral-7B-Instruct-v0.3")
        .withServedModelNames("mistral", "codestral")
        .withMaxModelLength(32768)
        .withAutoToolChoice("mistral")
        .withRequestLoggingDisabled()
        .withExtraArguments("--enforce-eager")
        .withGpuDevices("GPU-0", "GPU-1")
        .withSharedMemorySize(8L << 30);
    vllm.configure();

    assertThat(vllm.getCommandParts()).containsExactly(
        "--model", "mistralai/Mistral-7B-Instruct-v0.3",
        "--served-model-name", "mistral", "codestral",
        "--host", "0.0.0.0", "--port", "8000",
        "--max-model-len", "32768",
        "--enable-auto-tool-choice", "--tool-call-parser", "mistral",
        "--disable-log-requests",
        "--enforce-eager");
    assertThat(vllm.getShmSize()).as("an explicit size wins").isEqualTo(8L << 30);
    assertThat(CreateCommandRecorder.of(vllm).hostConfig.getDeviceRequests()).singleElement()
        .satisfies(gpu -> assertThat(gpu.getDeviceIds()).containsExactly("GPU-0", "GPU-1"));
    assertThat(vllm.getServedModelName()).isEqualTo("mistral");
    assertThat(vllm.getGitLabModelIdentifier()).isEqualTo("custom_openai/mistral");
  }

  @Test
  void withoutGpusOrMountsTheCreateCommandAsksForNone() {
    VllmContainer vllm = new VllmContainer(VllmContainer.DEFAULT_IMAGE).withModel("facebook/opt-125m");
    vllm.configure();
    CreateCommandRecorder create = CreateCommandRecorder.of(vllm);

    assertThat(create.hostConfig.getDeviceRequests()).isNullOrEmpty();
    assertThat(create.hostConfig.getBinds()).isEmpty();
    assertThat(vllm.getServedModelName()).as("vLLM serves the model under its own name").isEqualTo(
        "facebook/opt-125m");
  }

  @Test
  void theHuggingFaceTokenTravelsInTheEnvironmentAndTheCacheAsAVolume() {
    VllmContainer vllm = new VllmContainer(VllmContainer.DEFAULT_IMAGE)
        .withModel("mistralai/Mistral-7B-Instruct-v0.3")
        .withHuggingFaceToken("hf_secret")
        .withHuggingFaceCache("llmtck-hf-cache");
    vllm.configure();

    assertThat(vllm.getEnvMap()).containsEntry("HF_TOKEN", "hf_secret");
    assertThat(String.join(" ", vllm.getCommandParts())).doesNotContain("hf_secret");
    assertThat(CreateCommandRecorder.of(vllm).hostConfig.getBinds()).containsExactly(new Bind("llmtck-hf-cache",
        new com.github.dockerjava.api.model.Volume(VllmContainer.HUGGING_FACE_CACHE_PATH), AccessMode.rw));
  }

  @Test
  void aCompatibleSubstituteKeepsItsOwnEntrypoint() {
    VllmContainer simulator = new VllmContainer(DockerImageName.parse("llmtck/vllm-simulator:1.0")
        .asCompatibleSubstituteFor("vllm/vllm-openai")).withModel("m");
    simulator.configure();

    assertThat(simulator.isGenuineVllm()).isFalse();
    assertThat(CreateCommandRecorder.of(simulator).entrypoint).isNull();
  }

  @Test
  void refusesAReleaseOlderThanTheOneGitLabSupports() {
    assertThatThrownBy(() -> new VllmContainer("vllm/vllm-openai:v0.6.3.post1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("v0.6.3.post1")
        .hasMessageContaining("older than v0.6.4.post1");
    assertThatThrownBy(() -> new VllmContainer("vllm/vllm-openai:v0.6.4"))
        .hasMessageContaining("older than v0.6.4.post1");
  }

  @Test
  void theOldestSupportedTagNamesTheOldestSupportedVersion() {
    assertThat(VllmVersion.ofImageTag(VllmContainer.OLDEST_SUPPORTED_TAG)).contains(VllmVersion.OLDEST_SUPPORTED);
  }

  @Test
  void acceptsTheOldestSupportedReleaseAndLaterOnesAndUnversionedTags() {
    for (String tag : List.of("v0.6.4.post1", "v0.6.5", "v0.10.1.1", "v0.11.0", "latest", "nightly")) {
      assertThat(new VllmContainer("vllm/vllm-openai:" + tag).isGenuineVllm()).as(tag).isTrue();
    }
  }

  @Test
  void refusesAnImageNotDeclaredCompatible() {
    assertThatThrownBy(() -> new VllmContainer("llmtck/vllm-simulator:1.0"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("vllm/vllm-openai");
  }

  @Test
  void refusesToStartWithoutAModelAndRejectsBlankSettings() {
    VllmContainer vllm = new VllmContainer(VllmContainer.DEFAULT_IMAGE);
    assertThatThrownBy(vllm::configure).hasMessageContaining("withModel");
    assertThatThrownBy(() -> vllm.withApiKey(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> vllm.withTensorParallelSize(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> vllm.withGpus(0)).isInstanceOf(IllegalArgumentException.class);
  }


  @Test
  void requestLoggingIsSwitchedOffWithTheFlagOfTheImagesRelease() {
    assertThat(loggingOff("vllm/vllm-openai:v0.6.4.post1")).isEqualTo("--disable-log-requests");
    assertThat(loggingOff("vllm/vllm-openai:v0.10.2")).isEqualTo("--disable-log-requests");
    assertThat(loggingOff("vllm/vllm-openai:v0.11.0")).isEqualTo("--no-enable-log-requests");
    assertThat(loggingOff("vllm/vllm-openai:v0.32.0")).isEqualTo("--no-enable-log-requests");
    assertThat(loggingOff("vllm/vllm-openai:latest")).as("a moving tag is today's vLLM")
        .isEqualTo("--no-enable-log-requests");
    assertThat(loggingOff(VllmContainer.cpuImage())).as("llmtck/vllm-cpu is tagged with vLLM's version")
        .isEqualTo("--no-enable-log-requests");
    assertThat(loggingOff(VllmContainer.simulatorImage())).as("the simulator takes vLLM 0.6's flag")
        .isEqualTo("--disable-log-requests");
  }

  @Test
  void llmtcksImagesAreNamedWithoutBeingBuilt() {
    assertThat(VllmContainer.simulatorImage().asCanonicalNameString()).startsWith("llmtck/vllm-simulator:");
    assertThat(VllmContainer.cpuImage().asCanonicalNameString()).isEqualTo("llmtck/vllm-cpu:0.32.0");
    VllmContainer cpu = new VllmContainer(VllmContainer.cpuImage()).withModel("/models/tiny");
    assertThat(cpu.isGenuineVllm()).isFalse();
    cpu.configure();
    assertThat(CreateCommandRecorder.of(cpu).entrypoint).as("the image's own `vllm serve` entry point").isNull();
  }

  private static String loggingOff(String image) {
    return loggingOff(DockerImageName.parse(image).asCompatibleSubstituteFor("vllm/vllm-openai"));
  }

  private static String loggingOff(DockerImageName image) {
    VllmContainer vllm = new VllmContainer(image).withModel("m").withRequestLoggingDisabled();
    vllm.configure();
    List<String> command = vllm.getCommandParts() == null ? List.of() : List.of(vllm.getCommandParts());
    return command.stream().filter(flag -> flag.contains("log-requests")).findFirst().orElse(null);
  }
}
