package dev.llmtck.containers;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import dev.llmtck.containers.junit.RequiresDocker;
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
}
