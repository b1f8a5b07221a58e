package dev.llmtck.tck.cli;

import dev.llmtck.tck.console.NoStackTraceInConsoles;
import org.junit.jupiter.api.extension.ExtendWith;
import dev.llmtck.tck.console.Consoles;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The real OpenAI contract, run by {@code llmtck run}, against a server that is not ours: it certifies the
 * conforming one (exit 0, no MUST failure), and for each single defect it exits 1 with the right clause failed.
 */
@ExtendWith(NoStackTraceInConsoles.class)
class IndependentServerCertificationTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void conformingIndependentServerIsCertified() throws Exception {
    try (IndependentOpenAiServer server = IndependentOpenAiServer.start(null)) {
      Outcome outcome = certify(server);

      assertThat(outcome.exitCode).as(outcome.out).isZero();
      assertThat(outcome.failed).as(outcome.out).isEmpty();
      assertThat(outcome.report.path("clauses").size()).as("every OpenAI clause ran").isGreaterThanOrEqualTo(30);
      assertThat(outcome.out).contains("custom_openai/" + IndependentOpenAiServer.MODEL);
      assertKeyNowhere(outcome);
    }
  }

  // The eos-token rows name clauses whose requests always end naturally (the server's answers stop by themselves
  // within 30 words, under their max_tokens); a clause capped below that would end with "length" by chance.
  @ParameterizedTest(name = "--break {0} fails {1}")
  @CsvSource({
      "no-done, OAI-STREAM-1",
      "wrong-chunk-object, OAI-STREAM-2",
      "no-role, OAI-STREAM-2",
      "auth-ignored, OAI-AUTH-1",
      "usage-mismatch, OAI-CHAT-3",
      "max-tokens-ignored, OAI-CHAT-2",
      "unknown-model-served, OAI-ERR-1",
      "plain-text-errors, OAI-ERR-2",
      "bad-json-500, OAI-ERR-2",
      "no-models, OAI-MODELS-1",
      "stream-differs, OAI-STREAM-3",
      "eos-token, OAI-TOOLS-4",
      "eos-token, GL-COMPLETION-1",
      "json-as-text, OAI-CHAT-1",
      "json-as-text, OAI-MODELS-1"})
  void brokenIndependentServerFailsTheRightMustClause(String defect, String clause) throws Exception {
    try (IndependentOpenAiServer server = IndependentOpenAiServer.start(defect)) {
      Outcome outcome = certify(server);

      assertThat(outcome.exitCode).as(outcome.out).isEqualTo(1);
      assertThat(outcome.failed).as(outcome.out).contains(clause);
      assertThat(outcome.out).containsPattern("MUST\\s+" + clause);
      assertKeyNowhere(outcome);
    }
  }

  @Test
  void bufferedStreamFailsOnlyAShouldClause() throws Exception {
    try (IndependentOpenAiServer server = IndependentOpenAiServer.start("buffered-stream")) {
      Outcome outcome = certify(server);

      assertThat(outcome.exitCode).as(outcome.out).isZero();
      assertThat(outcome.failed).containsExactly("OAI-STREAM-5");
    }
  }

  private Outcome certify(IndependentOpenAiServer server) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code;
    try (PrintStream print = Consoles.capture(out)) {
      code = new RunCommand(Map.of("LLMTCK_API_KEY", IndependentOpenAiServer.KEY)).run(new String[] {
          "--base-url", server.baseUrl(), "--model", IndependentOpenAiServer.MODEL, "--capability", "tools",
          "--timeout", "20", "--report-dir", dir.toString()}, print, print);
    }
    JsonNode report = JSON.readTree(dir.resolve("report.json").toFile());
    List<String> failed = new ArrayList<>();
    report.path("clauses").forEach(c -> {
      if (c.path("status").asText().equals("failed")) {
        failed.add(c.path("id").asText());
      }
    });
    return new Outcome(code, out.toString(StandardCharsets.UTF_8), report, failed);
  }

  private void assertKeyNowhere(Outcome outcome) throws Exception {
    assertThat(outcome.out).doesNotContain(IndependentOpenAiServer.KEY);
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.toList()) {
        assertThat(Files.readString(file)).as(file.toString()).doesNotContain(IndependentOpenAiServer.KEY);
      }
    }
  }

  private record Outcome(int exitCode, String out, JsonNode report, List<String> failed) {
  }
}
