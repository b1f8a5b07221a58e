package dev.llmtck.tck.cli;

import dev.llmtck.tck.console.NoStackTraceInConsoles;
import org.junit.jupiter.api.extension.ExtendWith;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.llmtck.tck.runner.fake.FakePlatformServer;
import dev.llmtck.tck.runner.fake.FakePlatformServer.Mode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * GL-MULTI-1 on the runner's fake contract: {@code --profile} repeated certifies each target in turn, each
 * target's reports in its own subdirectory, a summary side by side; the worst target decides the exit code;
 * configuration errors of any target stop the run before anything runs; no target's key reaches any file.
 */
@ExtendWith(NoStackTraceInConsoles.class)
class SeveralTargetsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String KEY_A = "sk-target-a-SECRET-0a1b2c3d4e";
  private static final String KEY_B = "sk-target-b-SECRET-5f6a7b8c9d";

  @TempDir
  Path dir;

  @Test
  void eachTargetGetsItsOwnReportsAndTheSummaryShowsThemSideBySide() throws Exception {
    try (FakePlatformServer good = FakePlatformServer.start(Mode.CONFORMING);
        FakePlatformServer broken = FakePlatformServer.start(Mode.PING_BROKEN)) {
      Path reports = dir.resolve("reports");
      CliRun run = CliRun.run("--profile", profile("good", good, null), "--profile", profile("broken", broken,
          null), "--report-dir", reports.toString());

      assertThat(run.exitCode()).as("one target failed a MUST clause\n%s", run).isEqualTo(1);
      assertThat(run.out()).contains("=== target 1/2: good ===", "=== target 2/2: broken ===",
          "2 targets side by side").containsPattern("good\\s+openai\\s+PASSED\\s+2/0/0/1")
          .containsPattern("broken\\s+openai\\s+FAILED\\s+1/1/0/1")
          .contains("verdict: FAILED: 1 of 2 targets failed a MUST clause (broken)");
      for (String target : List.of("good", "broken")) {
        for (String file : List.of("report.json", "report.html", "junit.xml")) {
          assertThat(reports.resolve(target).resolve(file)).exists();
        }
      }
      JsonNode summary = JSON.readTree(reports.resolve("summary.json").toFile());
      assertThat(validate(summary)).isEmpty();
      assertThat(summary.path("verdict").path("exitCode").asInt()).isEqualTo(1);
      assertThat(summary.path("targets").findValuesAsText("name")).containsExactly("good", "broken");
      assertThat(summary.path("targets").get(1).path("counts").path("MUST").path("failed").asInt()).isEqualTo(1);
      assertThat(summary.path("targets").get(0).path("gitlab").path("Model identifier")
          .asText()).isEqualTo("custom_openai/m");
      assertThat(summary.path("targets").get(0).path("reports").path("html").asText())
          .isEqualTo("good/report.html");
      String index = Files.readString(reports.resolve("index.html"));
      assertThat(index).contains("good/report.html", "broken/report.html", "custom_openai/m");

      Document junit = DocumentBuilderFactory.newInstance().newDocumentBuilder()
          .parse(reports.resolve("junit.xml").toFile());
      NodeList suites = junit.getElementsByTagName("testsuite");
      List<String> names = new ArrayList<>();
      for (int i = 0; i < suites.getLength(); i++) {
        names.add(((Element) suites.item(i)).getAttribute("name"));
      }
      assertThat(names).as("GitLab keys tests by suite name: one set per target").contains(
          "llmtck.good.openai.FAKE-PING", "llmtck.broken.openai.FAKE-PING").doesNotHaveDuplicates();
      assertThat(junit.getElementsByTagName("testcase").getLength()).isEqualTo(10);
      assertThat(junit.getElementsByTagName("failure").getLength()).isEqualTo(1);
    }
  }

  @Test
  void twoTargetsKeysReachNeitherAnyReportNorTheConsole() throws Exception {
    try (FakePlatformServer a = FakePlatformServer.start(Mode.CONFORMING);
        FakePlatformServer b = FakePlatformServer.start(Mode.PING_BROKEN)) {
      CliRun run = CliRun.run(Map.of("A_KEY", KEY_A, "B_KEY", KEY_B), "--profile", profile("a", a, "A_KEY"),
          "--profile", profile("b", b, "B_KEY"), "--report-dir", dir.resolve("r").toString());

      assertThat(run.out()).as("both keys were sent and echoed: FAKE-LEAK-1 failed on each")
          .containsPattern("FAIL\\s+MAY\\s+FAKE-LEAK-1(?s).*FAIL\\s+MAY\\s+FAKE-LEAK-1").contains("[REDACTED]");
      for (String key : List.of(KEY_A, KEY_B)) {
        assertThat(run.out()).doesNotContain(key).doesNotContain("SECRET");
        assertThat(run.err()).doesNotContain(key).doesNotContain("SECRET");
      }
      List<Path> files;
      try (Stream<Path> walk = Files.walk(dir.resolve("r"))) {
        files = walk.filter(Files::isRegularFile).toList();
      }
      assertThat(files).as("3 reports per target and 3 summary files").hasSize(9);
      for (Path file : files) {
        assertThat(Files.readString(file)).as(file.toString()).doesNotContain(KEY_A).doesNotContain(KEY_B)
            .doesNotContain("SECRET");
      }
    }
  }

  @Test
  void everyTargetsConfigurationIsCheckedBeforeAnythingRuns() throws Exception {
    try (FakePlatformServer good = FakePlatformServer.start(Mode.CONFORMING)) {
      Path reports = dir.resolve("reports");
      CliRun run = CliRun.run("--profile", profile("good", good, null), "--profile", yaml("typo.yaml",
          "name: typo\nplatform: openai\nbaseUrl: http://127.0.0.1:1/v1\nmodle: m\n"), "--profile",
          yaml("bad-platform.yaml", "name: bad\nplatform: vertex\n"), "--report-dir", reports.toString());

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
      assertThat(run.err()).contains("typo.yaml").contains("modle").contains("bad-platform.yaml")
          .contains("vertex").contains("nothing was run");
      assertThat(run.out()).doesNotContain("running");
      assertThat(reports).doesNotExist();
    }
  }

  @Test
  void aTargetThatCannotBeLaunchedLeavesTheRunIncompleteWhileTheOthersStillRun() throws Exception {
    try (FakePlatformServer good = FakePlatformServer.start(Mode.CONFORMING)) {
      Path reports = dir.resolve("reports");
      CliRun run = CliRun.run("--profile", yaml("unstartable.yaml",
          "name: unstartable\nplatform: openai\nmodel: m\nlaunch:\n  fake: nosuchmode\n"), "--profile",
          profile("good", good, null), "--report-dir", reports.toString());

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
      assertThat(run.err()).contains("could not launch the target of profile unstartable");
      assertThat(run.out()).as("the other target still ran").contains("=== target 2/2: good ===")
          .containsPattern("unstartable\\s+openai\\s+NOT RUN")
          .contains("verdict: NOT COMPLETE: unstartable could not run");
      JsonNode summary = JSON.readTree(reports.resolve("summary.json").toFile());
      assertThat(validate(summary)).isEmpty();
      assertThat(summary.path("verdict").path("exitCode").asInt()).isEqualTo(2);
      assertThat(summary.path("targets").get(0).path("ran").asBoolean()).isFalse();
      assertThat(summary.path("targets").get(0).path("problem").asText()).contains("could not launch");
      assertThat(reports.resolve("good/report.json")).exists();
    }
  }

  @Test
  void targetFlagsBesideSeveralProfilesAreRefusedButTheTimeoutAppliesToAll() throws Exception {
    try (FakePlatformServer a = FakePlatformServer.start(Mode.CONFORMING)) {
      String first = profile("a", a, null);
      String second = profile("b", a, null);

      CliRun ambiguous = CliRun.run("--profile", first, "--profile", second, "--model", "x", "--report-dir",
          dir.toString());
      assertThat(ambiguous.exitCode()).isEqualTo(2);
      assertThat(ambiguous.err()).contains("--model is ambiguous").contains("--report-dir, --timeout");

      CliRun timed = CliRun.run("--profile", first, "--profile", second, "--timeout", "7", "--report-dir",
          dir.resolve("t").toString());
      assertThat(timed.exitCode()).as(timed.toString()).isZero();
      for (String target : List.of("a", "b")) {
        assertThat(JSON.readTree(dir.resolve("t").resolve(target).resolve("report.json").toFile()).path("target")
            .path("settings").path("llmtck.timeoutSeconds").asText()).isEqualTo("7");
      }
    }
  }

  @Test
  void profilesWithTheSameNameGetDistinctDirectories() throws Exception {
    try (FakePlatformServer a = FakePlatformServer.start(Mode.CONFORMING)) {
      Path other = dir.resolve("other");
      Files.createDirectories(other);
      CliRun run = CliRun.run("--profile", profile("same name", a, null), "--profile", profile(other, "same name", a,
          null), "--report-dir", dir.resolve("r").toString());

      assertThat(run.exitCode()).as(run.toString()).isZero();
      assertThat(dir.resolve("r/same-name/report.json")).exists();
      assertThat(dir.resolve("r/same-name-2/report.json")).exists();
    }
  }

  private String yaml(String name, String text) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file.toString();
  }

  private String profile(String name, FakePlatformServer server, String keyEnv) throws Exception {
    return profile(dir, name, server, keyEnv);
  }

  private static String profile(Path in, String name, FakePlatformServer server, String keyEnv) throws Exception {
    Path file = in.resolve(name.replace(' ', '_') + ".yaml");
    Files.writeString(file, "name: " + name + "\nplatform: openai\nbaseUrl: " + server.baseUrl() + "\nmodel: m\n"
        + "timeoutSeconds: 5\n" + (keyEnv == null ? "" : "apiKeyEnv: " + keyEnv + "\n"));
    return file.toString();
  }

  private static java.util.Set<?> validate(JsonNode summary) throws Exception {
    try (InputStream schemaText = SeveralTargetsTest.class.getResourceAsStream(
        "/schemas/report/summary.schema.json")) {
      JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaText);
      return new java.util.LinkedHashSet<>(schema.validate(summary));
    }
  }
}
