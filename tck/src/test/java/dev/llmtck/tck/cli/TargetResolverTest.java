package dev.llmtck.tck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmtck.tck.runner.Profile;
import dev.llmtck.tck.runner.Target;
import dev.llmtck.tck.target.TargetKeys;
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

    assertThat(target.settings()).containsEntry(TargetKeys.BEDROCK_REGION, "eu-west-1")
        .containsEntry(TargetKeys.BEDROCK_MODEL_ID, "mistral.mistral-7b-instruct-v0:2")
        .containsEntry(TargetKeys.BEDROCK_ENDPOINT, "https://vpce-1.bedrock-runtime.eu-west-1.vpce.amazonaws.com");
    assertThat(target.secrets()).containsExactlyInAnyOrder("AKIAEXAMPLE0001",
        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "FwoGZXIvYXdzEXAMPLE");
    assertThat(target.describe().toString()).doesNotContain("wJalrXUtnFEMI").doesNotContain("FwoGZXIv");
  }

  @Test
  void azureKeyAndEndpointComeFromTheEnvironment() {
    Target target = new TargetResolver(Map.of("AZURE_OPENAI_API_KEY", "az-key-0123456789", "AZURE_OPENAI_ENDPOINT",
        "https://res.openai.azure.com")).resolve(RunOptions.parse("--platform", "azure", "--deployment", "gpt-4o"),
        null);

    assertThat(target.settings()).containsEntry(TargetKeys.AZURE_ENDPOINT, "https://res.openai.azure.com")
        .containsEntry(TargetKeys.AZURE_DEPLOYMENT, "gpt-4o");
    assertThat(target.secrets()).containsExactly("az-key-0123456789");
  }

  @Test
  void flagBeatsProfileBeatsEnvironment() {
    Profile profile = new Profile("p", null, "openai", "http://profile:8000/v1", "profile-model", null, null, null,
        null, null, List.of("tools"), null, 30, null, null, null);

    Target fromProfile = new TargetResolver(Map.of("LLMTCK_API_KEY", "env-key-1234", "OPENAI_API_KEY", "other-key"))
        .resolve(RunOptions.parse(), profile);
    assertThat(fromProfile.settings()).containsEntry(TargetKeys.OPENAI_BASE_URL, "http://profile:8000/v1")
        .containsEntry(TargetKeys.OPENAI_API_KEY, "env-key-1234").containsEntry(TargetKeys.TIMEOUT_SECONDS, "30");

    Target fromFlags = new TargetResolver(Map.of("LLMTCK_API_KEY", "env-key-1234"))
        .resolve(RunOptions.parse("--base-url", "http://flag:8000/v1", "--api-key", "flag-key-1234", "--timeout",
            "5", "--capability", "tools,mistral"), profile);
    assertThat(fromFlags.settings()).containsEntry(TargetKeys.OPENAI_BASE_URL, "http://flag:8000/v1")
        .containsEntry(TargetKeys.OPENAI_MODEL, "profile-model")
        .containsEntry(TargetKeys.OPENAI_API_KEY, "flag-key-1234").containsEntry(TargetKeys.TIMEOUT_SECONDS, "5")
        .containsEntry(TargetKeys.CAPABILITIES, "tools,mistral");
  }

  @Test
  void embeddedRunIgnoresKeysFromTheEnvironment() {
    Target target = new TargetResolver(Map.of("OPENAI_API_KEY", "sk-real-account-key")).resolve(RunOptions.parse(),
        null);

    assertThat(target.settings()).doesNotContainKey(TargetKeys.OPENAI_API_KEY).doesNotContainKey(
        TargetKeys.OPENAI_BASE_URL);
  }

  @Test
  void profileKeyVariableThatIsNotSetIsAWarning() {
    Profile profile = new Profile("p", null, "openai", "http://h:8000/v1", "m", "MY_VLLM_KEY", null, null, null,
        null, null, null, null, null, null, null);
    TargetResolver resolver = new TargetResolver(Map.of());

    Target target = resolver.resolve(RunOptions.parse(), profile);

    assertThat(target.settings()).doesNotContainKey(TargetKeys.OPENAI_API_KEY);
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
    Profile profile = new Profile("p", null, "azure", null, null, null, null, null, null, null, null, null, null,
        null, Map.of("llmtck.openai.tokenizerMode", "mistral", TargetKeys.AZURE_FILTERED_PROMPT, "forbidden"), null);

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
