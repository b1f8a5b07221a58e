package dev.llmtck.tck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmtck.tck.runner.Profile;
import dev.llmtck.tck.runner.Target;
import dev.llmtck.tck.target.TargetKeys;
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

    assertThat(target.settings()).containsEntry(TargetKeys.OPENAI_BASE_URL, "http://gpu-box:8000/v1")
        .containsEntry(TargetKeys.OPENAI_MODEL, "mistralai/Mistral-7B-Instruct-v0.3")
        .containsEntry(TargetKeys.OPENAI_API_KEY, "k-1234")
        .containsEntry(TargetKeys.CAPABILITIES, "tools")
        .containsEntry(TargetKeys.OPENAI_EXPECTED_VLLM_VERSION, "0.11.0");
    assertThat(target.describe()).containsEntry(TargetKeys.OPENAI_API_KEY, "[REDACTED]");
  }
}
