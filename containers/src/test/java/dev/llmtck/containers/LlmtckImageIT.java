package dev.llmtck.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import dev.llmtck.containers.junit.RequiresDocker;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.utility.DockerImageName;

@RequiresDocker
class LlmtckImageIT {

  @Test
  void buildsEveryImageTaggedWithTheVersionAndLabelledWithItsInputs() {
    DockerClient docker = DockerClientFactory.instance().client();
    for (LlmtckImage image : LlmtckImage.ALL) {
      DockerImageName name = image.build();

      assertThat(name.asCanonicalNameString()).isEqualTo("llmtck/" + image.name() + ":" + LlmtckImage.version());
      assertThat(docker.inspectImageCmd(name.asCanonicalNameString()).exec().getConfig().getLabels())
          .containsKey(LlmtckImage.CONTENT_LABEL);
    }
  }

  @Test
  void aSecondBuildReusesTheImage() {
    DockerClient docker = DockerClientFactory.instance().client();
    String first = docker.inspectImageCmd(LlmtckImage.VLLM_SIMULATOR.build().asCanonicalNameString()).exec()
        .getId();
    String second = docker.inspectImageCmd(LlmtckImage.VLLM_SIMULATOR.build().asCanonicalNameString()).exec()
        .getId();

    assertThat(second).isEqualTo(first);
  }

  @Test
  void theNameInTheOldJavadocStartsTheContainerToo() {
    // The string form of this jar's own tag builds (or reuses) the image at start, with the freshness check.
    try (BedrockMockContainer bedrock = new BedrockMockContainer("llmtck/bedrock-mock:" + LlmtckImage.version())) {
      bedrock.start();
      assertThat(bedrock.getEndpointUri().getPort()).isEqualTo(bedrock.getMappedPort(BedrockMockContainer.PORT));
    }
  }

  @Test
  void anUnbuiltTagOfAnLlmtckImageFailsAtOnceSayingWhatToUse() {
    Instant started = Instant.now();
    try (BedrockMockContainer bedrock = new BedrockMockContainer("llmtck/bedrock-mock:0.0.0-never-built")) {
      assertThatThrownBy(bedrock::start).hasStackTraceContaining("never pulled")
          .hasStackTraceContaining("BedrockMockContainer.image()");
    }
    assertThat(Duration.between(started, Instant.now())).as("no pull attempt, no hang")
        .isLessThan(Duration.ofSeconds(30));
  }

  @Test
  void aMissingBaseImageThatCannotBePulledSaysWhichSettingNamesALocalOne() {
    DockerClient docker = DockerClientFactory.instance().client();
    Instant started = Instant.now();
    assertThatThrownBy(() -> LlmtckImage.BEDROCK_MOCK.ensureBaseImage(docker, BedrockMockContainer.image(),
        "llmtck-test/no-such-base:17"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("llmtck-test/no-such-base:17 is not on this Docker host and could not be pulled")
        .hasMessageContaining(LlmtckImage.BASE_IMAGE_VARIABLE)
        .hasMessageContaining("llmtck.base.image")
        .hasMessageContaining("Java 17");
    assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(150));
  }
}
