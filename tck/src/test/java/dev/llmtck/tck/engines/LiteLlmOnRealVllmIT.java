package dev.llmtck.tck.engines;

import dev.llmtck.tck.console.NoStackTraceInConsoles;
import org.junit.jupiter.api.extension.ExtendWith;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmtck.tck.launch.ProcessLauncher;
import dev.llmtck.tck.runner.Profile;
import dev.llmtck.tck.runner.TargetLauncher;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * LiteLLM 1.88.0 (ci/python/litellm.lock, what GitLab's AI gateway calls platforms through) against the real vLLM
 * for CPU with tool calling (profiles/vllm-cpu-tools.yaml), with the gateway's model prefix and bodies: the
 * fixtures' litellm_check.py, which the reference platforms pass too, run here against the real engine. The steps
 * that need the reference platform's fault switch or a second platform without a key are left out; everything else
 * runs: chat and its stream with usage, tool_choice required (streamed too), text completion, and the
 * errors LiteLLM must map (401, 404, 400, the context window).
 */
@ExtendWith(NoStackTraceInConsoles.class)
class LiteLlmOnRealVllmIT {
  // Not tools-auto: with "auto" the model decides, and the tiny model was trained to call a tool for the kit's own
  // tool prompt (OAI-TOOLS-2 passes), not for litellm_check.py's "Read the file a.py.", which it answers in text: a
  // choice of the model, not of the platform. tools-required runs the same parser path with the call forced, on a
  // strict tool: vLLM 0.32.0 pins a forced call's arguments to the schema only then (tool_strict_level.py, AUTO).
  private static final List<String> STEPS = List.of("chat", "stream", "tools-required",
      "tools-required-stream", "text-completion-custom_openai", "text-completion", "wrong-key", "unknown-model",
      "bad-request", "context-window");

  @Test
  void liteLlmCallsTheRealVllmAsTheGatewayDoes() throws Exception {
    RealEngineRun.requireRealEngines("drive LiteLLM against the real vLLM for CPU");
    Path profileFile = RealEngineRun.ROOT.resolve("profiles/vllm-cpu-tools.yaml");
    Profile profile = Profile.load(profileFile);
    String python = lastLine(run(List.of("bash", "ci/python/venv.sh", "litellm"), null, 1800, true));
    try (TargetLauncher.Launched vllm = new ProcessLauncher().launch(profile, profile.launch(),
        profileFile.getParent())) {
      String baseUrl = vllm.settings().get("llmtck.openai.baseUrl");
      String key = vllm.settings().get("llmtck.openai.apiKey");
      String output = run(List.of(python, "fixtures/src/test/python/litellm_check.py", "openai", "--base", baseUrl,
          "--model", "tiny-chat", "--max-model-len", maxModelLen(profile), "--steps", String.join(",", STEPS)),
          key, 600, false);
      System.out.println("litellm_check.py against the real vLLM:\n" + output);
      for (String step : STEPS) {
        assertThat(output).as("LiteLLM step %s against the real vLLM:%n%s", step, output)
            .containsPattern("(?m)^OK " + java.util.regex.Pattern.quote(step) + "( |$)");
      }
      assertThat(output).contains("PASS all steps");
    }
  }

  private static String maxModelLen(Profile profile) {
    return profile.launch().path("process").path("env").path("LLMTCK_MAX_MODEL_LEN").asText("40960");
  }

  /** Runs a command in the repository root; the key, if any, goes in the environment, never on the line. */
  private static String run(List<String> command, String key, long timeoutSeconds, boolean mustSucceed)
      throws Exception {
    File out = Files.createTempFile("llmtck-litellm", ".log").toFile();
    ProcessBuilder builder = new ProcessBuilder(command).directory(RealEngineRun.ROOT.toFile())
        .redirectErrorStream(true).redirectOutput(out);
    if (key != null) {
      builder.environment().put("LLMTCK_API_KEY", key);
    }
    builder.environment().put("LITELLM_LOCAL_MODEL_COST_MAP", "True");
    builder.environment().put("NO_PROXY", "127.0.0.1,localhost");
    builder.environment().put("PYTHONUNBUFFERED", "1");
    Process process = builder.start();
    boolean finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
    if (!finished) {
      process.destroyForcibly();
    }
    String text = Files.readString(out.toPath(), StandardCharsets.UTF_8);
    assertThat(finished).as("%s did not finish within %d s:%n%s", command, timeoutSeconds, text).isTrue();
    if (mustSucceed) {
      assertThat(process.exitValue()).as("%s:%n%s", command, text).isZero();
    }
    return text;
  }

  private static String lastLine(String text) {
    List<String> lines = text.strip().lines().toList();
    return lines.get(lines.size() - 1).strip();
  }
}
