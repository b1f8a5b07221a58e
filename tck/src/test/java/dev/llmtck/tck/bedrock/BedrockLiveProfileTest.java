package dev.llmtck.tck.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmtck.tck.clause.Clause;
import dev.llmtck.tck.clause.Level;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The Bedrock contract against real AWS Bedrock, when the environment holds credentials the way the GitLab AI
 * gateway takes them ({@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}, optionally
 * {@code AWS_SESSION_TOKEN}, {@code AWS_REGION_NAME} or {@code AWS_REGION}, {@code AWS_BEDROCK_RUNTIME_ENDPOINT},
 * and {@code LLMTCK_BEDROCK_MODEL_ID}, default Claude 3 Haiku); skipped, with that reason, when it does not.
 * Every MUST clause has to pass.
 */
class BedrockLiveProfileTest {

  @Test
  void realBedrockMeetsEveryMustClause() {
    Map<String, String> env = System.getenv();
    List<String> missing = List.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY").stream()
        .filter(name -> env.getOrDefault(name, "").isBlank()).toList();
    Assumptions.assumeTrue(missing.isEmpty(), "no AWS credentials to certify real Bedrock with: set " + missing
        + " (and AWS_REGION_NAME, LLMTCK_BEDROCK_MODEL_ID)");
    Map<String, String> config = new HashMap<>();
    config.put(BedrockSettings.ACCESS_KEY_ID.key(), env.get("AWS_ACCESS_KEY_ID"));
    config.put(BedrockSettings.SECRET_ACCESS_KEY.key(), env.get("AWS_SECRET_ACCESS_KEY"));
    putIfSet(config, BedrockSettings.SESSION_TOKEN.key(), env.get("AWS_SESSION_TOKEN"));
    putIfSet(config, BedrockSettings.REGION.key(), env.getOrDefault("AWS_REGION_NAME", env.get("AWS_REGION")));
    putIfSet(config, BedrockSettings.ENDPOINT.key(), env.get("AWS_BEDROCK_RUNTIME_ENDPOINT"));
    config.put(BedrockSettings.MODEL_ID.key(), env.getOrDefault("LLMTCK_BEDROCK_MODEL_ID",
        BedrockRuntimePlatform.EMBEDDED_MODEL));
    putIfSet(config, BedrockSettings.DISABLED_MODEL_ID.key(), env.get("LLMTCK_BEDROCK_DISABLED_MODEL_ID"));
    putIfSet(config, BedrockSettings.PROFILE_ONLY_MODEL_ID.key(), env.get("LLMTCK_BEDROCK_PROFILE_ONLY_MODEL_ID"));

    List<String> failedMust = BedrockProfileRun.failedClauses(config).stream()
        .filter(clause -> clause.level() == Level.MUST).map(Clause::id).toList();

    assertThat(failedMust).as("MUST clauses real Bedrock fails").isEmpty();
  }

  static void putIfSet(Map<String, String> config, String key, String value) {
    if (value != null && !value.isBlank()) {
      config.put(key, value);
    }
  }
}
