package dev.llmtck.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DockerRequirementTest {

  @Test
  void runsWhereverDockerAnswers() {
    assertThat(DockerRequirement.decide(true, true)).isTrue();
    assertThat(DockerRequirement.decide(true, false)).isTrue();
  }

  @Test
  void skipsWithoutDockerOutsideCi() {
    assertThat(DockerRequirement.decide(false, false)).isFalse();
  }

  @Test
  void failsWithoutDockerInCi() {
    assertThatThrownBy(() -> DockerRequirement.decide(false, true))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("CI=true")
        .hasMessageContaining("must run in CI");
  }
}
