package dev.llmtck.tck.engines;

import dev.llmtck.tck.console.NoStackTraceInConsoles;
import org.junit.jupiter.api.extension.ExtendWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code ./llmtck run --profile profiles/llama-cpp.yaml}: the kit starts llama.cpp's OpenAI-compatible server
 * (llama-cpp-python's, compiled here from PyPI's sdist, serving llmtck's tiny model as GGUF) and certifies it. llama.cpp
 * is not a platform GitLab supports, so it differs from vLLM in known ways; each is a waiver in the profile with its
 * reason. The run must pass with exactly those waivers: every MUST failure waived and explained, and no waiver left
 * whose clause passes (a fixed deviation, or a fixed kit bug, must take its waiver with it).
 *
 * <p>Real engines are slow to make (the first run on a machine compiles llama.cpp, installs vLLM for CPU to train
 * the model: half an hour on two cores), so this runs only where the environment asks for them:
 * {@code LLMTCK_REAL_ENGINES=true}, or {@code CI=true}; elsewhere it is skipped, saying so. Where it runs, a machine
 * that cannot build the engine (no Python 3.11+, no C/C++ compiler) fails it with the reason: CI must never pass by
 * not running it.
 */
@ExtendWith(NoStackTraceInConsoles.class)
class LlamaCppEngineIT {

  private static final Path ROOT = RealEngineRun.ROOT;
  private static final Path PROFILE = ROOT.resolve("profiles/llama-cpp.yaml");
  private static final Path REPORTS = Path.of("target/llmtck-engines/llama-cpp").toAbsolutePath();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void llamaCppIsCertifiedWithExactlyItsWaivers() throws Exception {
    RealEngineRun.requireRealEngines("certify llama.cpp's server with profiles/llama-cpp.yaml (the first run"
        + " compiles llama.cpp)");
    requireBuildPrerequisites();

    RealEngineRun run = RealEngineRun.of("run", "--profile", PROFILE.toString(), "--report-dir", REPORTS.toString());
    assertThat(run.exitCode()).withFailMessage("llmtck run --profile profiles/llama-cpp.yaml did not pass:%n%s", run)
        .isZero();

    JsonNode report = JSON.readTree(REPORTS.resolve("report.json").toFile());
    assertThat(report.path("waiverNotes")).withFailMessage("waivers the run does not need (expired, unknown, or their"
        + " clause passes: remove them from the profile): %s%n%s", report.path("waiverNotes"), run).isEmpty();
    assertThat(report.path("counts").path("MUST").path("failed").asInt()).as("MUST clauses failed without a waiver")
        .isZero();

    Map<String, String> waivers = profileWaivers();
    assertThat(waivers).as("the profile's waivers").isNotEmpty();
    List<String> wrong = new ArrayList<>();
    for (JsonNode clause : report.path("clauses")) {
      String id = clause.path("id").asText();
      String status = clause.path("status").asText();
      String reason = clause.path("waiver").path("reason").asText("");
      if (waivers.containsKey(id)) {
        if (!status.equals("waived") || !reason.equals(waivers.get(id))) {
          wrong.add(id + " is waived in the profile but reported " + status + " with reason '" + reason + "'");
        }
      } else if (status.equals("waived")) {
        wrong.add(id + " is reported waived but the profile has no waiver for it");
      }
      if (status.equals("waived") && clause.path("message").asText("").isBlank()) {
        wrong.add(id + " is waived without its failure message");
      }
    }
    assertThat(wrong).withFailMessage("the report's waived clauses do not match the profile:%n  %s",
        String.join("\n  ", wrong)).isEmpty();
    String console = run.out();
    for (String id : waivers.keySet()) {
      assertThat(console).as("the console shows %s as waived", id)
          .containsPattern("waived\\s+\\w+\\s+" + Pattern.quote(id) + "\\s");
    }
  }

  /**
   * Fails (never skips) when this machine cannot build llama-cpp-python: {@code install.sh --check} is the one place
   * that knows what the build needs (Python 3.11+ with venv, a C/C++ compiler; cmake and ninja come from PyPI when
   * missing; as root on Debian the script installs what is missing itself).
   */
  private static void requireBuildPrerequisites() throws IOException, InterruptedException {
    Process check;
    try {
      check = new ProcessBuilder("bash", "ci/engines/llama-cpp/install.sh", "--check").directory(ROOT.toFile())
          .redirectErrorStream(true).start();
    } catch (IOException e) {
      fail("real engines are asked for (CI or LLMTCK_REAL_ENGINES), but bash cannot run here: " + e.getMessage());
      return;
    }
    String said = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (check.waitFor() != 0) {
      fail("real engines are asked for (CI or LLMTCK_REAL_ENGINES), but this machine cannot build llama.cpp's server:"
          + "\n" + said);
    }
    System.out.println(said);
  }

  /** The profile's waivers, id to reason. */
  private static Map<String, String> profileWaivers() throws IOException {
    Map<String, String> waivers = new LinkedHashMap<>();
    for (JsonNode waiver : YAML.readTree(PROFILE.toFile()).path("waivers")) {
      waivers.put(waiver.path("id").asText(), waiver.path("reason").asText());
    }
    return waivers;
  }
}
