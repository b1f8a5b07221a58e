package dev.llmtck.tck.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BedrockTargetTest {

  @ParameterizedTest
  @CsvSource({
      "anthropic.claude-3-haiku-20240307-v1:0, anthropic",
      "us.anthropic.claude-3-7-sonnet-20250219-v1:0, anthropic",
      "global.anthropic.claude-sonnet-4-20250514-v1:0, anthropic",
      "us.meta.llama3-2-1b-instruct-v1:0, meta",
      "meta.llama3-8b-instruct-v1:0, meta",
      "mistral.mixtral-8x7b-instruct-v0:1, mistral",
      "arn:aws:bedrock:eu-west-1:123456789012:inference-profile/eu.mistral.pixtral-large-2502-v1:0, mistral",
      "amazon.nova-pro-v1:0, amazon"})
  void providerIsReadFromModelAndProfileIds(String modelId, String provider) {
    var target = new BedrockTarget(null, "us-east-1", "AKIA", "secret", null, modelId, null, null,
        Duration.ofSeconds(5), false, false, java.util.Set.of());

    assertThat(target.provider()).isEqualTo(provider);
    assertThat(target.endpoint()).hasToString("https://bedrock-runtime.us-east-1.amazonaws.com");
    assertThat(target.gitLabModelIdentifier()).isEqualTo("bedrock/" + modelId);
  }
}
