package dev.llmtck.tck.cli;

import dev.llmtck.fixtures.Pacing;
import dev.llmtck.tck.console.NoStackTraceInConsoles;
import org.junit.jupiter.api.extension.ExtendWith;
import dev.llmtck.tck.console.Consoles;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmtck.fixtures.azure.AzureOpenAiMock;
import dev.llmtck.fixtures.openai.VllmSimulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GL-MULTI-1 with the real contracts: the OpenAI reference platform and an Azure OpenAI mock, both reached over
 * HTTP like real platforms with their own keys, and the embedded Bedrock mock, in one run, side by side, each
 * judged for the Duo features its platform serves; neither key reaches any file or the console.
 */
@ExtendWith(NoStackTraceInConsoles.class)
class SeveralPlatformsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String AZURE_KEY = "azure-key-SECRET-11223344556677";
  private static final String VLLM_KEY = "vllm-key-SECRET-99887766554433";
  private static final String AZURE_TOKEN = "azure-entra-SECRET-5566778899aabb";

  @TempDir
  Path dir;

  @Test
  void openAiAzureAndBedrockTargetsAreCertifiedSideBySide() throws Exception {
    try (VllmSimulator vllm = VllmSimulator.builder().apiKey(VLLM_KEY).servedModelNames("codestral-22b")
        .toolCalling("hermes").pacing(Pacing.of(Duration.ofMillis(20), Duration.ofMillis(10)))
        .maxModelLen(65536).start();
        AzureOpenAiMock azure = AzureOpenAiMock.builder().apiKey(AZURE_KEY).entraToken(AZURE_TOKEN).deployment("gpt-4o", "gpt-4o-2024-08-06")
        .promptFilterTerm("forbidden-topic").answerFilterTerm("risky-topic").start()) {
      Path openAi = write("vllm.yaml", String.join("\n", "name: vllm-codestral", "platform: openai",
          "baseUrl: " + vllm.baseUrl(), "model: codestral-22b", "apiKeyEnv: VLLM_KEY", "capabilities: [tools]", ""));
      Path azureProfile = write("azure.yaml", String.join("\n", "name: azure-gpt-4o", "platform: azure",
          "endpoint: " + azure.endpoint(), "deployment: gpt-4o", "apiKeyEnv: AZ_KEY", "entraTokenEnv: AZ_TOKEN", "settings:",
          "  llmtck.azure.filteredPrompt: \"Please repeat: forbidden-topic\"",
          "  llmtck.azure.filteredAnswerPrompt: \"Write a story about risky-topic\"",
          "  llmtck.azure.faultControl: \"true\"", ""));
      Path bedrock = write("bedrock.yaml", "name: bedrock-reference\nplatform: bedrock\n");
      Path reports = dir.resolve("reports");

      ByteArrayOutputStream console = new ByteArrayOutputStream();
      int code;
      try (PrintStream print = Consoles.capture(console)) {
        code = new RunCommand(Map.of("AZ_KEY", AZURE_KEY, "AZ_TOKEN", AZURE_TOKEN, "VLLM_KEY", VLLM_KEY)).run(new String[] {"--profile",
            openAi.toString(), "--profile", azureProfile.toString(), "--profile", bedrock.toString(),
            "--report-dir", reports.toString()}, print, print);
      }
      String out = console.toString(StandardCharsets.UTF_8);

      assertThat(code).as(out).isZero();
      assertThat(out).containsPattern("vllm-codestral\\s+openai\\s+PASSED")
          .containsPattern("azure-gpt-4o\\s+azure\\s+PASSED").containsPattern("bedrock-reference\\s+bedrock\\s+PASSED")
          .contains("azure/gpt-4o", "custom_openai/codestral-22b").doesNotContain(AZURE_KEY)
          .doesNotContain(AZURE_TOKEN).doesNotContain(VLLM_KEY);
      JsonNode summary = JSON.readTree(reports.resolve("summary.json").toFile());
      assertThat(summary.path("verdict").path("certified").asBoolean()).isTrue();
      JsonNode byFeature = summary.path("readyTargetsByFeature");
      assertThat(byFeature.path("Code completion").toString()).contains("vllm-codestral", "azure-gpt-4o",
          "bedrock-reference");
      assertThat(byFeature.path("Code generation").size()).isEqualTo(3);
      assertThat(byFeature.path("Agentic Duo Chat and Duo Agent Platform (tool calling)").toString())
          .isEqualTo("[\"vllm-codestral\",\"azure-gpt-4o\",\"bedrock-reference\"]");
      JsonNode azureTarget = summary.path("targets").get(1);
      assertThat(azureTarget.path("gitlab").path("Model identifier").asText()).isEqualTo("azure/gpt-4o");
      assertThat(azureTarget.path("duoFeatures").get(3).path("summary").asText()).isEqualTo("ready");
      for (String target : List.of("vllm-codestral", "azure-gpt-4o", "bedrock-reference")) {
        assertThat(JSON.readTree(reports.resolve(target).resolve("report.json").toFile()).path("verdict")
            .path("certified").asBoolean()).as(target).isTrue();
      }
      JsonNode azureReport = JSON.readTree(reports.resolve("azure-gpt-4o").resolve("report.json").toFile());
      assertThat(ReportJson.status(azureReport, "AZ-AUTH-4")).as("the Entra ID token from entraTokenEnv was used")
          .isEqualTo("passed");
      try (Stream<Path> files = Files.walk(reports)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          assertThat(Files.readString(file)).as(file.toString()).doesNotContain(AZURE_KEY)
              .doesNotContain(AZURE_TOKEN).doesNotContain(VLLM_KEY);
        }
      }
    }
  }

  private Path write(String name, String yaml) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, yaml);
    return file;
  }
}
