package dev.llmtck.tck.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmtck.fixtures.vllm.VllmVersion;
import dev.llmtck.tck.clause.Clause;
import dev.llmtck.tck.clause.Level;

import java.util.Optional;
import org.junit.jupiter.api.TestReporter;

/** vLLM's unversioned operations endpoints next to {@code /v1}, used by load balancers and operators. */
@OpenAiContract
public class HealthClauses {

  /** Report-entry key carrying the version {@code GET /version} reported. */
  public static final String VLLM_VERSION = "llmtck.openai.vllmVersion";

  @Clause(id = "OAI-HEALTH-1", level = Level.SHOULD,
      statement = "GET /health answers 200 without credentials when the platform is ready",
      source = "vLLM api_server /health (outside /v1, so the --api-key check skips it)")
  void healthAnswersWithoutCredentials(OpenAiClient client) {
    client.withoutApiKey().getFromServerRoot("/health").expectStatus(200);
  }

  @Clause(id = "OAI-HEALTH-2", level = Level.SHOULD,
      statement = "GET /version answers {\"version\": \"...\"} with vLLM 0.6.4.post1 or later",
      source = "vLLM api_server show_version ({\"version\": vllm.__version__}, a setuptools-scm PEP 440 version such "
          + "as 0.10.1.1 or 0.11.0rc1); minimum version of the contract catalogue, compared as PEP 440 orders")
  void versionIsReportedAndRecentEnough(OpenAiTarget target, OpenAiClient client, TestReporter reporter) {
    JsonNode body = client.getFromServerRoot("/version").expectStatus(200).expectJsonObject();
    assertThat(body.path("version").isTextual())
        .withFailMessage("GET /version has no string version: %s", body).isTrue();
    String reported = body.path("version").asText();
    reporter.publishEntry(VLLM_VERSION, reported);
    Optional<VllmVersion> version = VllmVersion.tryParse(reported);
    assertThat(version).withFailMessage("GET /version reports '%s', which is not a vLLM version", reported)
        .isPresent();
    assertThat(version.get())
        .withFailMessage("vLLM %s is older than %s, the oldest release this contract covers", reported,
            VllmVersion.OLDEST_SUPPORTED)
        .isGreaterThanOrEqualTo(VllmVersion.OLDEST_SUPPORTED);
    target.expectedVllmVersion().ifPresent(expected -> assertThat(
            VllmVersion.tryParse(expected).map(version.get()::equals).orElse(reported.equals(expected)))
        .withFailMessage("GET /version reports %s but %s says %s", reported, OpenAiSettings.EXPECTED_VLLM_VERSION.key(),
            expected)
        .isTrue());
  }
}
