package dev.llmtck.tck.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OpenAiTargetTest {

  @Test
  void appendsPathsToTheBaseUrlAsGivenAndKeepsAProxyPrefix() {
    OpenAiTarget target = target("https://gateway.example/teams/ml/v1/", Optional.empty());

    assertThat(target.baseUrl()).hasToString("https://gateway.example/teams/ml/v1");
    assertThat(target.uri("/chat/completions")).hasToString("https://gateway.example/teams/ml/v1/chat/completions");
    assertThat(target.serverRoot()).hasToString("https://gateway.example/teams/ml");
  }

  @Test
  void aBaseUrlWithoutV1IsItsOwnServerRoot() {
    assertThat(target("http://h:8000/api", Optional.empty()).serverRoot()).hasToString("http://h:8000/api");
  }

  @Test
  void neverPrintsTheKey() {
    OpenAiTarget target = target("http://h:8000/v1", Optional.of("sk-secret-value"));

    assertThat(target.toString()).doesNotContain("sk-secret-value").contains("apiKey=(set)");
    assertThat(target("http://h:8000/v1", Optional.of(" ")).apiKey()).isEmpty();
  }

  private static OpenAiTarget target(String url, Optional<String> key) {
    return new OpenAiTarget(URI.create(url), key, "m", Set.of("tools"), Duration.ofSeconds(5), Optional.empty(),
        false);
  }
}
