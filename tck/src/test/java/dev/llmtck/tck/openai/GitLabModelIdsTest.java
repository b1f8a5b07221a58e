package dev.llmtck.tck.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class GitLabModelIdsTest {

  @Test
  void prefixesTheServedNameAsLiteLlmExpects() {
    assertThat(GitLabModelIds.of("mistralai/Codestral-22B-v0.1")).isEqualTo("custom_openai/mistralai/Codestral-22B-v0.1");
  }

  @Test
  void refusesAMissingName() {
    assertThatIllegalArgumentException().isThrownBy(() -> GitLabModelIds.of(" "));
  }

  @Test
  void theEndpointMustEndInV1Once() {
    assertThat(GitLabModelIds.endpointWarning("http://gpu:8000/v1")).isEmpty();
    assertThat(GitLabModelIds.endpointWarning("http://gpu:8000/v1/v1")).hasValueSatisfying(w ->
        assertThat(w).contains("/v1/v1", "'http://gpu:8000/v1'"));
    assertThat(GitLabModelIds.endpointWarning("http://gpu:8000")).hasValueSatisfying(w ->
        assertThat(w).contains("does not end in /v1", "'http://gpu:8000/v1'"));
    assertThat(GitLabModelIds.endpointWarning("http://gpu:8000/v1/chat/completions")).hasValueSatisfying(w ->
        assertThat(w).contains("names an endpoint"));
  }
}
