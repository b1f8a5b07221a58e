package dev.llmtck.tck.cli;

import dev.llmtck.tck.openai.OpenAiSettings;
import dev.llmtck.tck.platform.CommonSettings;
import dev.llmtck.tck.bedrock.BedrockSettings;
import dev.llmtck.tck.azure.AzureSettings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmtck.tck.runner.Profile;
import dev.llmtck.tck.runner.Target;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Flags, profile and environment become the target's settings, in that order; secrets are marked as such. */
class TargetResolverTest {

  @Test
  void bedrockCredentialsComeFromTheAwsVariablesAndAreSecret() {
    Target target = new TargetResolver(Map.of("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE0001", "AWS_SECRET_ACCESS_KEY",
        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "AWS_SESSION_TOKEN", "FwoGZXIvYXdzEXAMPLE", "AWS_REGION_NAME",
        "eu-west-1", "AWS_BEDROCK_RUNTIME_ENDPOINT", "https://vpce-1.bedrock-runtime.eu-west-1.vpce.amazonaws.com"))
        .resolve(RunOptions.parse("--platform", "bedrock", "--model", "mistral.mistral-7b-instruct-v0:2"), null);

    assertThat(target.settings()).containsEntry(BedrockSettings.REGION.key(), "eu-west-1")
        .containsEntry(BedrockSettings.MODEL_ID.key(), "mistral.mistral-7b-instruct-v0:2")
        .containsEntry(BedrockSettings.ENDPOINT.key(), "https://vpce-1.bedrock-runtime.eu-west-1.vpce.amazonaws.com");
    assertThat(target.secrets()).containsExactlyInAnyOrder("AKIAEXAMPLE0001",
        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "FwoGZXIvYXdzEXAMPLE");
    assertThat(target.describe().toString()).doesNotContain("wJalrXUtnFEMI").doesNotContain("FwoGZXIv");
  }

  @Test
  void azureKeyAndEndpointComeFromTheEnvironment() {
    Target target = new TargetResolver(Map.of("AZURE_OPENAI_API_KEY", "az-key-0123456789", "AZURE_OPENAI_ENDPOINT",
        "https://res.openai.azure.com")).resolve(RunOptions.parse("--platform", "azure", "--deployment", "gpt-4o"),
        null);

    assertThat(target.settings()).containsEntry(AzureSettings.ENDPOINT.key(), "https://res.openai.azure.com")
        .containsEntry(AzureSettings.DEPLOYMENT.key(), "gpt-4o");
    assertThat(target.secrets()).containsExactly("az-key-0123456789");
  }

  @Test
  void flagBeatsProfileBeatsEnvironment() {
    Profile profile = Profile.parse("name: p\nplatform: openai\nbaseUrl: http://profile:8000/v1\n"
        + "model: profile-model\ncapabilities: [tools]\ntimeoutSeconds: 30\n");

    Target fromProfile = new TargetResolver(Map.of("LLMTCK_API_KEY", "env-key-1234", "OPENAI_API_KEY", "other-key"))
        .resolve(RunOptions.parse(), profile);
    assertThat(fromProfile.settings()).containsEntry(OpenAiSettings.BASE_URL.key(), "http://profile:8000/v1")
        .containsEntry(OpenAiSettings.API_KEY.key(), "env-key-1234").containsEntry(CommonSettings.TIMEOUT_SECONDS.key(), "30");

    Target fromFlags = new TargetResolver(Map.of("LLMTCK_API_KEY", "env-key-1234"))
        .resolve(RunOptions.parse("--base-url", "http://flag:8000/v1", "--api-key", "flag-key-1234", "--timeout",
            "5", "--capability", "tools,mistral"), profile);
    assertThat(fromFlags.settings()).containsEntry(OpenAiSettings.BASE_URL.key(), "http://flag:8000/v1")
        .containsEntry(OpenAiSettings.MODEL.key(), "profile-model")
        .containsEntry(OpenAiSettings.API_KEY.key(), "flag-key-1234").containsEntry(CommonSettings.TIMEOUT_SECONDS.key(), "5")
        .containsEntry(CommonSettings.CAPABILITIES.key(), "tools,mistral");
  }

  @Test
  void embeddedRunIgnoresKeysFromTheEnvironment() {
    Target target = new TargetResolver(Map.of("OPENAI_API_KEY", "sk-real-account-key")).resolve(RunOptions.parse(),
        null);

    assertThat(target.settings()).doesNotContainKey(OpenAiSettings.API_KEY.key()).doesNotContainKey(
        OpenAiSettings.BASE_URL.key());
  }

  @Test
  void profileKeyVariableThatIsNotSetIsAWarning() {
    Profile profile = Profile.parse("name: p\nplatform: openai\nbaseUrl: http://h:8000/v1\nmodel: m\n"
        + "apiKeyEnv: MY_VLLM_KEY\n");
    TargetResolver resolver = new TargetResolver(Map.of());

    Target target = resolver.resolve(RunOptions.parse(), profile);

    assertThat(target.settings()).doesNotContainKey(OpenAiSettings.API_KEY.key());
    assertThat(resolver.warnings()).singleElement().asString().contains("MY_VLLM_KEY");
  }

  @Test
  void settingsThatLookSecretAreTreatedAsSecrets() {
    Target target = new TargetResolver(Map.of()).resolve(RunOptions.parse("--set",
        "llmtck.custom.token=tok-0123456789"), null);

    assertThat(target.secrets()).containsExactly("tok-0123456789");
  }

  @Test
  void aSettingNoContractReadsIsWarnedAbout() {
    TargetResolver resolver = new TargetResolver(Map.of());
    Profile profile = Profile.parse("name: p\nplatform: azure\nsettings:\n  llmtck.openai.tokenizerMode: mistral\n"
        + "  " + AzureSettings.FILTERED_PROMPT.key() + ": forbidden\n");

    resolver.resolve(RunOptions.parse(), profile);

    assertThat(resolver.warnings()).singleElement().asString().contains("'llmtck.openai.tokenizerMode'")
        .contains("no effect");
  }

  @Test
  void bedrockRefusesAnApiKeyFlag() {
    assertThatThrownBy(() -> new TargetResolver(Map.of()).resolve(RunOptions.parse("--platform", "bedrock",
        "--api-key", "x"), null)).hasMessageContaining("AWS_ACCESS_KEY_ID");
  }
}
