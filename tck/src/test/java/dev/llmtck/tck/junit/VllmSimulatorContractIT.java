package dev.llmtck.tck.junit;

import dev.llmtck.containers.junit.RequiresDocker;
import dev.llmtck.containers.vllm.VllmContainer;
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

  @Override
  protected boolean shouldClausesFail() {
    return true; // the simulator is the reference: it meets every SHOULD too
  }
}
