package dev.llmtck.tck.cli;

import dev.llmtck.fixtures.Pacing;
import dev.llmtck.tck.console.NoStackTraceInConsoles;
import org.junit.jupiter.api.extension.ExtendWith;
import dev.llmtck.tck.console.Consoles;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmtck.fixtures.openai.VllmSimulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reports that point at the cause: one mistyped model name fails many clauses, and the run says which failure
 * explains the others (first, with "did you mean"), withholds the values to type into GitLab, and a passing run
 * with skipped MUST clauses names them in its verdict instead of claiming every MUST clause passed.
 */
@ExtendWith(NoStackTraceInConsoles.class)
class LikelyCauseReportTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String KEY = "likely-cause-key-5c1d";
  private static VllmSimulator platform;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    platform = VllmSimulator.builder().apiKey(KEY).servedModelNames("codestral-22b")
        .pacing(Pacing.of(Duration.ofMillis(5), Duration.ofMillis(1))).maxModelLen(65536).start();
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  @Test
  void aMistypedModelIsNamedFirstAsTheLikelyCauseAndNoGitLabValuesAreOffered() throws Exception {
    Outcome outcome = run("codestral-22", "--capability", "tools");

    assertThat(outcome.code).as(outcome.out).isEqualTo(1);
    assertThat(outcome.failed).as("a wrong model name fails far more than one clause").hasSizeGreaterThan(3);
    int cause = outcome.out.indexOf("likely cause: OAI-MODELS-3");
    assertThat(cause).as(outcome.out).isPositive().isLessThan(outcome.out.indexOf("\nfailed:"));
    assertThat(outcome.out).contains("did you mean 'codestral-22b'?",
        "fix it first: the other " + (outcome.failed.size() - 1) + " failures may follow from it",
        "values to type into GitLab: not shown");
    assertThat(outcome.out.substring(outcome.out.indexOf("\nfailed:"))).as("the cause heads the failure list")
        .startsWith("\nfailed:" + System.lineSeparator() + "  MUST   OAI-MODELS-3");
    assertThat(outcome.out).doesNotContain("custom_openai/codestral-22" + System.lineSeparator());
    assertThat(outcome.report.path("verdict").path("likelyCauses")).hasSize(1);
    assertThat(outcome.report.path("verdict").path("likelyCauses").get(0).asText()).isEqualTo("OAI-MODELS-3");
    String html = Files.readString(dir.resolve("report.html"));
    assertThat(html).contains("Likely cause: <strong>OAI-MODELS-3</strong>", "Not shown: the platform is not"
        + " certified").doesNotContain("<code>custom_openai/codestral-22</code>");
    String failures = html.substring(html.indexOf("<h2>Failures"));
    assertThat(failures.indexOf("<article")).as("the cause is the first failure shown")
        .isLessThan(failures.indexOf("OAI-MODELS-3</h3>"))
        .isGreaterThan(failures.indexOf("Likely cause"));
    assertThat(failures.indexOf("OAI-MODELS-3</h3>")).isLessThan(failures.indexOf("<article", failures.indexOf(
        "<article") + 1));
  }

  @Test
  void aWrongKeyIsTheLikelyCauseBeforeTheModel() throws Exception {
    Outcome outcome = runWithKey("not-the-key-0000", "codestral-22b");

    assertThat(outcome.code).as(outcome.out).isEqualTo(1);
    assertThat(outcome.out).contains("likely cause: OAI-AUTH-2");
    assertThat(outcome.out).doesNotContain(KEY, "not-the-key-0000");
  }

  @Test
  void aPassingRunWithSkippedMustClausesNamesThemInItsVerdict() throws Exception {
    Outcome outcome = run("codestral-22b");

    assertThat(outcome.code).as(outcome.out).isZero();
    assertThat(outcome.out).doesNotContain("likely cause", "PASSED: every MUST clause passed")
        .containsPattern("verdict: PASSED: every MUST clause that ran passed; .*\\d+ MUST clauses skipped, not "
            + "checked: [A-Z].*OAI-TOOLS-1");
    assertThat(outcome.out).contains("custom_openai/codestral-22b");
    JsonNode skipped = outcome.report.path("verdict").path("skippedMust");
    assertThat(skipped).isNotEmpty();
    assertThat(skipped.toString()).contains("OAI-TOOLS-1", "GL-TOOLS-1");
    assertThat(outcome.report.path("verdict").path("likelyCauses")).isEmpty();
  }

  private Outcome run(String model, String... more) throws Exception {
    return runWithKey(KEY, model, more);
  }

  private Outcome runWithKey(String key, String model, String... more) throws Exception {
    List<String> args = new ArrayList<>(List.of("--base-url", platform.baseUrl().toString(), "--model", model,
        "--timeout", "20", "--report-dir", dir.toString()));
    args.addAll(List.of(more));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code;
    try (PrintStream print = Consoles.capture(out)) {
      code = new RunCommand(Map.of("LLMTCK_API_KEY", key)).run(args.toArray(String[]::new), print, print);
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

  private record Outcome(int code, String out, JsonNode report, List<String> failed) {
  }
}
