package dev.llmtck.tck.junit;

import dev.llmtck.containers.junit.RequiresDocker;
import dev.llmtck.containers.vllm.VllmContainer;
import dev.llmtck.tck.runner.Waiver;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The whole OpenAI contract against llmtck's simulator image started by VllmContainer as vLLM would be for
 * GitLab (served name, API key, Mistral tokenizer/load/config formats, tool calling): every MUST clause passes.
 */
@RequiresDocker
class VllmSimulatorContractIT extends VllmContainerVerification {

  private static VllmContainer vllm;

  @BeforeAll
  static void start() {
    vllm = new VllmContainer(VllmContainer.simulatorImage())
        .withModel("mistralai/Mistral-7B-Instruct-v0.3")
        .withServedModelName("mistral-7b")
        .withTokenizerMode("mistral")
        .withLoadFormat("mistral")
        .withConfigFormat("mistral")
        .withAutoToolChoice("mistral")
        .withRequestLoggingDisabled()
        .withMaxModelLength(32768) // Mistral 7B v0.3's window, what vLLM serves it with by default
        .withApiKey("contract-it-key-41c9")
        // paced tokens, as a GPU streams them (the simulator's knobs; real vLLM needs none)
        .withEnv("LLMTCK_SIM_TTFT_MS", "20")
        .withEnv("LLMTCK_SIM_ITL_MS", "5");
    vllm.start();
  }

  @AfterAll
  static void stop() {
    if (vllm != null) {
      vllm.stop();
    }
  }

  @Override
  protected VllmContainer vllm() {
    return vllm;
  }

  /** Registered in GitLab as the Mistral family, with Duo Chat's answers bounded to fit the 32k window. */
  @Override
  protected Map<String, String> settings() {
    return Map.of("llmtck.gitlab.modelFamily", "mistral", "llmtck.gitlab.duoChatMaxTokens", "16384");
  }

  /** What the simulator fails as vLLM 0.32.0 does (see profiles/vllm-simulator-container.yaml). */
  @Override
  protected List<Waiver> waivers() {
    return List.of(new Waiver("OAI-ERR-6", "vLLM 0.32.0 sends error.code as an integer (ErrorInfo.code); the "
        + "simulator answers as it does", null),
        new Waiver("GL-TOOLS-2", "a real finding: the gateway keeps tool_choice \"any\" for the mistral family and "
            + "vLLM 0.32.0 refuses it (tool_choice is none, auto, required or named); the simulator answers as "
            + "vLLM does", null));
  }

  @Override
  protected boolean shouldClausesFail() {
    return true; // the simulator is the reference: it meets every SHOULD too
  }
}
