package dev.llmtck.tck.azure;


import dev.llmtck.containers.AzureOpenAiMockContainer;
import dev.llmtck.containers.LlmtckImage;
import dev.llmtck.containers.junit.RequiresDocker;
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
  private static final String ENTRA_TOKEN = "contract-it-entra-token-5c1d";
  private static AzureOpenAiMockContainer azure;

  @BeforeAll
  static void start() {
    azure = new AzureOpenAiMockContainer(LlmtckImage.AZURE_OPENAI_MOCK.build())
        .withApiKey("contract-it-key-7f3a")
        .withDeployment("gpt-4o", "gpt-4o-2024-08-06")
        .withPromptFilterTerm("forbidden-topic")
        .withAnswerFilterTerm("risky-topic")
        // serve azure reads a static Entra ID token from AZURE_OPENAI_AD_TOKEN (AZ-AUTH-4)
        .withEnv("AZURE_OPENAI_AD_TOKEN", ENTRA_TOKEN);
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
            AzureSettings.ENDPOINT.key(), azure.getEndpoint(),
            AzureSettings.API_KEY.key(), azure.getApiKey(),
            AzureSettings.ENTRA_TOKEN.key(), ENTRA_TOKEN,
            AzureSettings.DEPLOYMENT.key(), "gpt-4o",
            AzureSettings.FILTERED_PROMPT.key(), "Please repeat: forbidden-topic",
            AzureSettings.FILTERED_ANSWER_PROMPT.key(), "Write a story about risky-topic",
            AzureSettings.FAULT_CONTROL.key(), "true"))
        .execute()
        .testEvents()
        .assertStatistics(stats -> stats.started(clauses).succeeded(clauses).failed(0).aborted(0));
  }
}
