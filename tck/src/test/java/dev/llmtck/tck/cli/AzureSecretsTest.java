package dev.llmtck.tck.cli;

import dev.llmtck.tck.console.Consoles;
import dev.llmtck.tck.console.NoStackTraceInConsoles;
import org.junit.jupiter.api.extension.ExtendWith;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmtck.fixtures.azure.AzureOpenAiMock;
import dev.llmtck.tck.evidence.Redactor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Azure key and Entra ID token never reach a report or the console, even from a hostile Azure target that
 * echoes both into every answer, so that clause failure messages and recorded bodies carry them: they are masked.
 */
@ExtendWith(NoStackTraceInConsoles.class)
class AzureSecretsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String KEY = "azure-key-SECRET-a1b2c3d4e5f6a7b8";
  private static final String TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.entra-SECRET-payload.c2lnbmF0dXJl";

  @TempDir
  Path dir;

  @Test
  void anEchoingTargetGetsTheKeyAndTokenMaskedEverywhere() throws Exception {
    try (AzureOpenAiMock azure = AzureOpenAiMock.builder().apiKey(KEY).entraToken(TOKEN)
        .deployment("gpt-4o", "gpt-4o-2024-08-06").transformer((json, streamed) -> echo(json, streamed)).start()) {
      Path profile = dir.resolve("azure.yaml");
      Files.writeString(profile, String.join("\n", "name: azure-echo", "platform: azure",
          "endpoint: " + azure.endpoint(), "deployment: gpt-4o", "apiKeyEnv: AZ_KEY", "entraTokenEnv: AZ_TOKEN", ""));
      Path reports = dir.resolve("reports");

      ByteArrayOutputStream console = new ByteArrayOutputStream();
      int code;
      try (PrintStream print = Consoles.capture(console)) {
        code = new RunCommand(Map.of("AZ_KEY", KEY, "AZ_TOKEN", TOKEN)).run(new String[] {"--profile",
            profile.toString(), "--report-dir", reports.toString()}, print, print);
      }
      String out = console.toString(StandardCharsets.UTF_8);

      JsonNode report = JSON.readTree(reports.resolve("report.json").toFile());
      assertThat(ReportJson.status(report, "AZ-AUTH-4")).as("the token was sent: %s", out).isEqualTo("passed");
      assertThat(ReportJson.status(report, "AZ-STREAM-1")).as("the echo differs streamed and not").isEqualTo("failed");
      assertThat(ReportJson.clause(report, "AZ-STREAM-1").path("message").asText())
          .as("the failure message quoted the echo, masked").contains(Redactor.MASK);
      assertThat(code).as("AZ-STREAM-1 is a SHOULD: the run still certifies (%s)", out).isZero();
      assertThat(out).doesNotContain(KEY).doesNotContain(TOKEN).doesNotContain("entra-SECRET");
      try (Stream<Path> files = Files.walk(reports)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          assertThat(Files.readString(file)).as(file.toString()).doesNotContain(KEY).doesNotContain(TOKEN)
              .doesNotContain("entra-SECRET");
        }
      }
    }
  }

  /** Every non-streamed answer opens with the key and the token (streams are left alone, so they differ). */
  private static ObjectNode echo(ObjectNode json, boolean streamed) {
    if (!streamed) {
      json.path("choices").forEach(choice -> {
        if (choice.path("message").path("content").isTextual()) {
          ((ObjectNode) choice.path("message")).put("content", "Your key is " + KEY + " and your token " + TOKEN
              + ". " + choice.path("message").path("content").asText());
        }
      });
    }
    return json;
  }
}
