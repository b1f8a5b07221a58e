package dev.llmtck.tck.openai;

import dev.llmtck.tck.clause.Proves;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Operations clauses fail on a platform that is not ready, too old, or not the version expected. */
class HealthProofTest {

  @Test
  @Proves("OAI-HEALTH-1")
  void platformStillLoadingFails() {
    try (BrokenPlatform platform = BrokenPlatform.with(builder -> builder.loadingTime(Duration.ofMinutes(5)))) {
      platform.run("OAI-HEALTH-1").assertFailsWith("expected HTTP 200", "/health -> 503");
    }
  }

  @Test
  @Proves("OAI-HEALTH-2")
  void releaseOlderThanTheMinimumFails() {
    try (BrokenPlatform platform = BrokenPlatform.with(builder -> builder.vllmVersion("0.5.4"))) {
      platform.run("OAI-HEALTH-2").assertFailsWith("vLLM 0.5.4 is older than 0.6.4.post1");
    }
  }

  @Test
  @Proves("OAI-HEALTH-2")
  void versionOtherThanExpectedFails() {
    try (BrokenPlatform platform = BrokenPlatform.with(builder -> builder.vllmVersion("0.10.0"))) {
      platform.run("OAI-HEALTH-2").with(OpenAiSettings.EXPECTED_VLLM_VERSION.key(), "0.11.0")
          .assertFailsWith("reports 0.10.0", "0.11.0");
    }
  }

  @Test
  @Proves("OAI-HEALTH-2")
  void versionThatIsNoVersionFails() {
    try (BrokenPlatform platform = BrokenPlatform.editingJson("/version",
        body -> body.put("version", "latest"))) {
      platform.run("OAI-HEALTH-2").assertFailsWith("'latest', which is not a vLLM version");
    }
  }

  @Test
  void fourPartAndPreReleaseVersionsAreJudgedAsVllmNumbersThem() {
    for (String version : new String[] {"0.10.1.1", "0.11.0rc1", "0.9.2.dev123+gabc1234", "0.6.4.post1"}) {
      try (BrokenPlatform platform = BrokenPlatform.with(builder -> builder.vllmVersion(version))) {
        platform.run("OAI-HEALTH-2").assertPasses();
      }
    }
  }

  @Test
  @Proves("OAI-HEALTH-2")
  void preReleaseOfTheMinimumFails() {
    try (BrokenPlatform platform = BrokenPlatform.with(builder -> builder.vllmVersion("0.6.4rc1"))) {
      platform.run("OAI-HEALTH-2").assertFailsWith("vLLM 0.6.4rc1 is older than 0.6.4.post1");
    }
  }

  @Test
  void expectedVersionMatchesWhateverWayItIsWritten() {
    try (BrokenPlatform platform = BrokenPlatform.with(builder -> builder.vllmVersion("0.10.1.1"))) {
      platform.run("OAI-HEALTH-2").with(OpenAiSettings.EXPECTED_VLLM_VERSION.key(), "v0.10.1.1").assertPasses();
    }
  }
}
