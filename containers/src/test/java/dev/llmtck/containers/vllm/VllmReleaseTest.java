package dev.llmtck.containers.vllm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class VllmReleaseTest {

  @Test
  void ordersReleasesAsPep440Does() {
    List<String> ascending = List.of("v0.5.5", "v0.6.3.post1", "v0.6.4rc1", "v0.6.4", "v0.6.4.post1", "v0.6.5",
        "v0.10.0", "v0.10.1", "v0.10.1.1", "v0.11.0rc2", "v0.11.0");
    for (int i = 1; i < ascending.size(); i++) {
      VllmRelease lower = VllmRelease.parse(ascending.get(i - 1)).orElseThrow();
      VllmRelease higher = VllmRelease.parse(ascending.get(i)).orElseThrow();
      assertThat(lower.isBefore(higher)).as(lower + " < " + higher).isTrue();
      assertThat(higher.isBefore(lower)).as(higher + " !< " + lower).isFalse();
    }
  }

  @Test
  void tagsThatNameNoReleaseAreNotJudged() {
    assertThat(VllmRelease.parse("latest")).isEmpty();
    assertThat(VllmRelease.parse("nightly")).isEmpty();
    assertThat(VllmRelease.parse("sha256:abc")).isEmpty();
  }

  @Test
  void theOldestSupportedReleaseIsGitLabsBaseline() {
    assertThat(VllmRelease.OLDEST_SUPPORTED).isEqualTo(VllmRelease.parse("0.6.4.post1").orElseThrow());
  }
}
