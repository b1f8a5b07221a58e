package dev.llmtck.tck.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmtck.tck.clause.Clause;
import dev.llmtck.tck.clause.Level;
import dev.llmtck.tck.target.TargetKeys;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The Bedrock contract against LocalStack's Bedrock emulation, when {@code LOCALSTACK_ENDPOINT} names one (e.g.
 * {@code http://localhost:4566}; LocalStack needs an auth token and pulls its model at run time, so the kit never
 * starts it itself); skipped with that reason otherwise. LocalStack accepts any credentials and does not check
 * signatures, so its profile is judged on the API clauses (Converse, ConverseStream, InvokeModel, the SDKs), not
 * on the BDR-AUTH clauses, which it is known to fail by design.
 */
class BedrockLocalStackProfileTest {
  /** What LocalStack is not built to do: signature checks, model access, Bedrock's exact refusals. */
  static final List<String> NOT_EMULATED = List.of("BDR-AUTH-1", "BDR-AUTH-3", "BDR-AUTH-4", "BDR-AUTH-5",
      "BDR-ERR-1", "BDR-ERR-3", "BDR-ERR-4", "BDR-MODEL-1", "BDR-MODEL-2");

  @Test
  void localStackMeetsTheApiClauses() {
    String endpoint = System.getenv("LOCALSTACK_ENDPOINT");
    Assumptions.assumeTrue(endpoint != null && !endpoint.isBlank(), "no LocalStack endpoint to certify: set "
        + "LOCALSTACK_ENDPOINT (e.g. http://localhost:4566) to a LocalStack with Bedrock emulation; the kit cannot "
        + "start one here (it needs an auth token and pulls its model at run time)");
    Map<String, String> config = Map.of(
        TargetKeys.BEDROCK_ENDPOINT, endpoint,
        TargetKeys.BEDROCK_REGION, System.getenv().getOrDefault("AWS_REGION", "us-east-1"),
        TargetKeys.BEDROCK_ACCESS_KEY_ID, "test",
        TargetKeys.BEDROCK_SECRET_ACCESS_KEY, "test",
        TargetKeys.BEDROCK_MODEL_ID, System.getenv().getOrDefault("LLMTCK_BEDROCK_MODEL_ID",
            "meta.llama3-8b-instruct-v1:0"));

    List<String> failedMust = BedrockProfileRun.failedClauses(config).stream()
        .filter(clause -> clause.level() == Level.MUST).map(Clause::id)
        .filter(id -> !NOT_EMULATED.contains(id)).toList();

    assertThat(failedMust).as("API clauses LocalStack's Bedrock emulation fails").isEmpty();
  }
}
