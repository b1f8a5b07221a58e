package dev.llmtck.tck.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class GitLabModelIdsTest {

  @Test
  void prefixesTheServedNameAsLiteLlmExpects() {
    assertThat(GitLabModelIds.chat("mistralai/Codestral-22B-v0.1")).isEqualTo("custom_openai/mistralai/Codestral-22B-v0.1");
    assertThat(GitLabModelIds.textCompletion("codestral")).isEqualTo("text-completion-custom_openai/codestral");
  }

  @Test
  void refusesAMissingName() {
    assertThatIllegalArgumentException().isThrownBy(() -> GitLabModelIds.chat(" "));
  }
}
