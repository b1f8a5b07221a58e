package dev.llmtck.tck.azure;


import dev.llmtck.containers.AzureOpenAiMockContainer;
import dev.llmtck.containers.LlmtckImage;
import dev.llmtck.containers.junit.RequiresDocker;
import dev.llmtck.tck.target.TargetKeys;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The whole Azure contract against llmtck's Azure OpenAI mock in its container, reached as a remote resource
 * would be (endpoint, key, deployment, and the settings that let the kit provoke filtering and throttling):
 * every clause, MUST and SHOULD, passes.
 */
@RequiresDocker
class AzureMockContainerContractIT {
  private static AzureOpenAiMockContainer azure;

  @BeforeAll
  static void start() {
    azure = new AzureOpenAiMockContainer(LlmtckImage.AZURE_OPENAI_MOCK.build())
        .withApiKey("contract-it-key-7f3a")
        .withDeployment("gpt-4o", "gpt-4o-2024-08-06")
        .withPromptFilterTerm("forbidden-topic")
        .withAnswerFilterTerm("risky-topic");
    azure.start();
  }

  @AfterAll
  static void stop() {
    if (azure != null) {
      azure.stop();
    }
  }

  @Test
  void everyClausePasses() {
    int clauses = AzureClauses.CONTRACT.byId().size();

    EngineTestKit.engine("junit-jupiter")
        .selectors(AzureClauses.CONTRACT.selectors())
        .configurationParameters(Map.of(
            TargetKeys.AZURE_ENDPOINT, azure.getEndpoint(),
            TargetKeys.AZURE_API_KEY, azure.getApiKey(),
            TargetKeys.AZURE_DEPLOYMENT, "gpt-4o",
            TargetKeys.AZURE_FILTERED_PROMPT, "Please repeat: forbidden-topic",
            TargetKeys.AZURE_FILTERED_ANSWER_PROMPT, "Write a story about risky-topic",
            TargetKeys.AZURE_FAULT_CONTROL, "true"))
        .execute()
        .testEvents()
        .assertStatistics(stats -> stats.started(clauses).succeeded(clauses).failed(0).aborted(0));
  }
}
