package dev.llmtck.tck.templates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmtck.containers.LlmtckImage;
import dev.llmtck.containers.junit.RequiresDocker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ci/gpu/certify-vllm.sh}, the script both GPU templates run, end to end on a machine without a GPU: llmtck's
 * vLLM simulator stands in for {@code vllm/vllm-openai} ({@code VLLM_IMAGE}, {@code VLLM_GPUS=}), the kit is the
 * runner jar this module has just packaged ({@code LLMTCK_JAR}) or the kit's image built from it
 * ({@code LLMTCK_IMAGE}, {@link LlmtckImage#KIT}). What the templates rely on: the kit is checked before vLLM starts,
 * the exit code is the kit's, the reports (JUnit, Markdown summary) are where the templates collect them, and no
 * container is left behind.
 */
@RequiresDocker
class CertifyVllmScriptIT {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path SCRIPT = ROOT.resolve("ci/gpu/certify-vllm.sh");
  private static Path runnerJar;

  @BeforeAll
  static void images() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      runnerJar = files.filter(file -> file.getFileName().toString().matches("llmtck-tck-.*-all\\.jar"))
          .findFirst().orElseThrow(() -> new IllegalStateException("no target/llmtck-tck-*-all.jar: this runs in"
              + " `verify`, after `package`")).toAbsolutePath();
    }
    LlmtckImage.VLLM_SIMULATOR.build();
  }

  @Test
  void certifiesWithTheRunnerJarAndLeavesTheReportsWhereTheTemplatesCollectThem(@TempDir Path dir)
      throws Exception {
    Result result = certify(dir, Map.of("LLMTCK_JAR", runnerJar.toString()));

    assertThat(result.exitCode).as(result.log).isZero();
    assertThat(result.log.indexOf("kit ready (jar)")).as("the kit is checked before vLLM starts").isNotNegative()
        .isLessThan(result.log.indexOf("starting llmtck/vllm-simulator"));
    assertThat(dir.resolve("llmtck-report/junit.xml")).isRegularFile();
    assertThat(Files.readString(dir.resolve("llmtck-report/summary.md")))
        .startsWith("## llmtck: certified: every MUST clause passed").contains("| MUST | ");
    assertThat(leftovers(result.jobId)).as("vLLM's container is removed").isEmpty();
  }

  @Test
  void certifiesWithTheKitImageWhichNeedsOnlyDocker(@TempDir Path dir) throws Exception {
    String before = System.getProperty(LlmtckImage.RUNNER_JAR_PROPERTY);
    System.setProperty(LlmtckImage.RUNNER_JAR_PROPERTY, runnerJar.toString());
    String kit;
    try {
      kit = LlmtckImage.KIT.build().asCanonicalNameString();
    } finally {
      if (before == null) {
        System.clearProperty(LlmtckImage.RUNNER_JAR_PROPERTY);
      } else {
        System.setProperty(LlmtckImage.RUNNER_JAR_PROPERTY, before);
      }
    }
    Result result = certify(dir, Map.of("LLMTCK_IMAGE", kit));

    assertThat(result.exitCode).as(result.log).isZero();
    assertThat(result.log).contains("kit ready (image)", "served at http://localhost:8000/v1");
    assertThat(dir.resolve("llmtck-report/junit.xml")).isRegularFile();
    assertThat(dir.resolve("llmtck-report/summary.md")).isRegularFile();
    assertThat(leftovers(result.jobId)).isEmpty();
  }

  @Test
  void aKitThatCannotRunFailsBeforeVllmStarts(@TempDir Path dir) throws Exception {
    Result result = certify(dir, Map.of("LLMTCK_JAR", dir.resolve("no-such.jar").toString()));

    assertThat(result.exitCode).as(result.log).isEqualTo(2);
    assertThat(result.log).contains("is no file").doesNotContain("starting llmtck/vllm-simulator");
  }

  /** Runs the script in {@code dir} the way the GPU job does, with the simulator in vLLM's place. */
  private static Result certify(Path dir, Map<String, String> kit) throws Exception {
    String jobId = "it" + UUID.randomUUID().toString().substring(0, 8);
    ProcessBuilder builder = new ProcessBuilder("bash", SCRIPT.toString()).directory(dir.toFile())
        .redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.remove("LLMTCK_JAR");
    env.remove("LLMTCK_IMAGE");
    env.remove("VLLM_HOST");
    env.remove("GITHUB_RUN_ID");
    env.put("CI_JOB_ID", jobId);
    env.put("VLLM_IMAGE", LlmtckImage.VLLM_SIMULATOR.imageName().asCanonicalNameString());
    env.put("VLLM_GPUS", "");
    env.put("VLLM_MODEL", "Qwen/Qwen2.5-Coder-7B-Instruct");
    env.put("VLLM_SERVED_MODEL_NAME", "qwen-coder");
    env.put("VLLM_ARGS", "--max-model-len 65536 --enable-auto-tool-choice --tool-call-parser hermes");
    env.put("VLLM_STARTUP_TIMEOUT", "120");
    env.putAll(kit);
    Process process = builder.start();
    String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("certify-vllm.sh did not finish within 5 minutes:\n" + log);
    }
    return new Result(process.exitValue(), log, jobId);
  }

  /** The containers the script named for this job that still exist. */
  private static List<String> leftovers(String jobId) throws Exception {
    Process process = new ProcessBuilder("docker", "ps", "-a", "--format", "{{.Names}}", "--filter",
        "name=llmtck-vllm-" + jobId).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(out).isZero();
    return out.isEmpty() ? List.of() : List.of(out.split("\n"));
  }

  private record Result(int exitCode, String log, String jobId) {
  }
}
