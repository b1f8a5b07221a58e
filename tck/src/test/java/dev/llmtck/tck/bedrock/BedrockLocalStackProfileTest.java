package dev.llmtck.tck.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmtck.tck.clause.Clause;
import dev.llmtck.tck.clause.Level;
import dev.llmtck.tck.runner.Profile;
import dev.llmtck.tck.runner.Waiver;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The Bedrock contract against LocalStack's Bedrock emulation, when {@code LOCALSTACK_ENDPOINT} names one (e.g.
 * {@code http://localhost:4566}; LocalStack needs an auth token and pulls its model at run time, so the kit never
 * starts it itself); skipped with that reason otherwise. LocalStack accepts any credentials and does not check
 * signatures, so it is judged as {@code profiles/bedrock-localstack.yaml} says: every MUST clause but the ones
 * that profile waives (signature checks, model access, Bedrock's exact refusals).
 */
class BedrockLocalStackProfileTest {
  static final Path PROFILE = Path.of("..", "profiles", "bedrock-localstack.yaml");

  @Test
  void theProfileWaivesOnlyClausesThatExist() {
    List<String> waived = Profile.load(PROFILE).waivers().stream().map(Waiver::id).toList();

    assertThat(BedrockClauses.CONTRACT.byId().keySet()).containsAll(waived);
    assertThat(waived).noneMatch(id -> id.startsWith("BDR-CONVERSE") || id.startsWith("BDR-STREAM")
        || id.startsWith("BDR-INVOKE") || id.startsWith("BDR-SDK"));
  }

  @Test
  void localStackMeetsTheApiClauses() {
    String endpoint = System.getenv("LOCALSTACK_ENDPOINT");
    Assumptions.assumeTrue(endpoint != null && !endpoint.isBlank(), "no LocalStack endpoint to certify: set "
        + "LOCALSTACK_ENDPOINT (e.g. http://localhost:4566) to a LocalStack with Bedrock emulation; the kit cannot "
        + "start one here (it needs an auth token and pulls its model at run time)");
    Map<String, String> config = Map.of(
        BedrockSettings.ENDPOINT.key(), endpoint,
        BedrockSettings.REGION.key(), System.getenv().getOrDefault("AWS_REGION", "us-east-1"),
        BedrockSettings.ACCESS_KEY_ID.key(), "test",
        BedrockSettings.SECRET_ACCESS_KEY.key(), "test",
        BedrockSettings.MODEL_ID.key(), System.getenv().getOrDefault("LLMTCK_BEDROCK_MODEL_ID",
            "meta.llama3-8b-instruct-v1:0"));

    List<String> failedMust = BedrockProfileRun.failedClauses(config).stream()
        .filter(clause -> clause.level() == Level.MUST).map(Clause::id)
        .filter(id -> Profile.load(PROFILE).waivers().stream().noneMatch(w -> w.id().equals(id))).toList();

    assertThat(failedMust).as("API clauses LocalStack's Bedrock emulation fails").isEmpty();
  }
}
