package dev.llmtck.tck.cli;

import dev.llmtck.tck.console.NoStackTraceInConsoles;
import org.junit.jupiter.api.extension.ExtendWith;
import dev.llmtck.tck.console.Consoles;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What README's first command does: {@code llmtck run} with no target certifies the embedded reference platform
 * of each contract: exit 0, every clause listed as it runs, reports written.
 */
@ExtendWith(NoStackTraceInConsoles.class)
class EmbeddedRunTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @ParameterizedTest(name = "--platform {0}")
  @ValueSource(strings = {"openai", "azure", "bedrock"})
  void embeddedPlatformIsCertified(String platform) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code;
    try (PrintStream print = Consoles.capture(out)) {
      code = new RunCommand(Map.of()).run(new String[] {"--platform", platform, "--report-dir", dir.toString()},
          print, print);
    }
    String console = out.toString(StandardCharsets.UTF_8);

    assertThat(code).as(console).isZero();
    JsonNode report = JSON.readTree(dir.resolve("report.json").toFile());
    int clauses = report.path("clauses").size();
    assertThat(clauses).as("clauses in the %s contract", platform).isGreaterThanOrEqualTo(15);
    Matcher last = Pattern.compile("\\[\\s*(\\d+)/(\\d+)]").matcher(console);
    int lines = 0;
    while (last.find()) {
      lines++;
      assertThat(Integer.parseInt(last.group(2))).isEqualTo(clauses);
    }
    assertThat(lines).as("one progress line per clause").isEqualTo(clauses);
    report.path("clauses").forEach(clause -> assertThat(console).contains(clause.path("id").asText()));
    assertThat(report.path("verdict").path("certified").asBoolean()).isTrue();
    assertThat(dir.resolve("report.html")).exists();
    assertThat(dir.resolve("junit.xml")).exists();
    if (platform.equals("openai")) {
      // The embedded platform runs with tool calling on: the console and the report say so, and the tool
      // clauses prove it by running (a capability the platform lacked would skip them).
      assertThat(console).contains("capabilities: tools (the embedded reference platform's)");
      assertThat(report.path("target").path("capabilities").toString()).isEqualTo("[\"tools\"]");
      report.path("clauses").forEach(clause -> {
        if (clause.path("id").asText().startsWith("OAI-TOOLS-")) {
          assertThat(clause.path("status").asText()).as(clause.path("id").asText()).isEqualTo("passed");
        }
      });
    }
  }
}
