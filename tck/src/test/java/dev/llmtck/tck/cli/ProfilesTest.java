package dev.llmtck.tck.cli;

import dev.llmtck.tck.openai.OpenAiSettings;
import dev.llmtck.tck.platform.CommonSettings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmtck.tck.runner.Profile;
import dev.llmtck.tck.runner.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every profile shipped in {@code profiles/} loads and resolves to a complete target. */
class ProfilesTest {
  private static final Path PROFILES = Path.of("..", "profiles");

  @Test
  void everyShippedProfileLoadsAndResolves() throws Exception {
    List<Path> files;
    try (Stream<Path> list = Files.list(PROFILES)) {
      files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(files).extracting(p -> p.getFileName().toString()).contains("vllm.yaml", "vllm-simulator.yaml");
    for (Path file : files) {
      Profile profile = Profile.load(file);
      Target target = new TargetResolver(Map.of("VLLM_API_KEY", "k-1234", "AZURE_OPENAI_API_KEY", "k-5678"))
          .resolve(RunOptions.parse(), profile);
      assertThat(target.platform()).as(file.toString()).isIn("openai", "bedrock", "azure");
      assertThat(profile.name()).as(file.toString()).isNotBlank();
    }
  }

  @Test
  void vllmProfileCarriesModelCapabilitiesAndKeyFromTheEnvironment() {
    Target target = new TargetResolver(Map.of("VLLM_API_KEY", "k-1234"))
        .resolve(RunOptions.parse("--base-url", "http://gpu-box:8000/v1"), Profile.load(PROFILES.resolve("vllm.yaml")));

    assertThat(target.settings()).containsEntry(OpenAiSettings.BASE_URL.key(), "http://gpu-box:8000/v1")
        .containsEntry(OpenAiSettings.MODEL.key(), "mistralai/Mistral-7B-Instruct-v0.3")
        .containsEntry(OpenAiSettings.API_KEY.key(), "k-1234")
        .containsEntry(CommonSettings.CAPABILITIES.key(), "tools")
        .containsEntry(OpenAiSettings.EXPECTED_VLLM_VERSION.key(), "0.11.0");
    assertThat(target.describe()).containsEntry(OpenAiSettings.API_KEY.key(), "[REDACTED]");
  }
}
