package dev.llmtck.tck.junit;

import dev.llmtck.containers.vllm.VllmContainer;
import java.util.Set;

/**
 * The OpenAI contract against a {@link VllmContainer} you configure and start: the base URL, served model, API
 * key and tool-calling capability come from the container.
 *
 * <pre>{@code
 * @Testcontainers
 * class MistralOnVllmContractIT extends VllmContainerVerification {
 *   @Container
 *   static VllmContainer vllm = new VllmContainer(VllmContainer.DEFAULT_IMAGE)
 *       .withModel("mistralai/Mistral-7B-Instruct-v0.3").withServedModelName("mistral")
 *       .withTokenizerMode("mistral").withLoadFormat("mistral").withConfigFormat("mistral")
 *       .withAutoToolChoice("mistral").withAllGpus().withHuggingFaceTokenFromEnvironment()
 *       .withApiKey("test-key");
 *
 *   protected VllmContainer vllm() { return vllm; }
 * }
 * }</pre>
 */
public abstract class VllmContainerVerification extends OpenAiContractVerification {

  /** The started container to certify. */
  protected abstract VllmContainer vllm();

  @Override
  protected String baseUrl() {
    return vllm().getBaseUrl();
  }

  @Override
  protected String model() {
    return vllm().getServedModelName();
  }

  @Override
  protected String apiKey() {
    return vllm().getApiKey();
  }

  /** {@code tools} when the container was started with tool calling ({@code withAutoToolChoice}). */
  @Override
  protected Set<String> capabilities() {
    return vllm().getToolCallParser() == null ? Set.of() : Set.of("tools");
  }
}
