package example;

import dev.llmtck.containers.junit.VllmSimulatorExtension;
import dev.llmtck.tck.junit.OpenAiContractVerification;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every clause of llmtck's OpenAI contract as a test of this project, on JUnit 6, against llmtck's in-process
 * reference platform (a vLLM simulator with an API key and tool calling), started by its JUnit extension.
 * Point {@link #baseUrl()} and {@link #model()} at your own platform to certify it instead.
 */
class ReferencePlatformContractTest extends OpenAiContractVerification {

  @RegisterExtension
  static VllmSimulatorExtension vllm = VllmSimulatorExtension.newInstance()
      .apiKey("example-key")
      .servedModelNames("qwen-coder")
      // tool calling, and a context window GitLab's features fit in (agentic Duo Chat asks for 32,768 tokens on
      // top of its prompt): what GitLab needs of a vLLM, and what the contract checks
      .configure(platform -> platform.toolCalling("hermes").maxModelLen(65536))
      .build();

  @Override
  protected String baseUrl() {
    return vllm.baseUrl().toString();
  }

  @Override
  protected String model() {
    return vllm.servedModelName();
  }

  @Override
  protected String apiKey() {
    return vllm.apiKey();
  }

  @Override
  protected Set<String> capabilities() {
    return Set.of("tools");
  }

  @Override
  protected Path reportDirectory() {
    return Path.of("target", "llmtck-report");
  }
}
