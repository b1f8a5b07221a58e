package dev.llmtck.tck.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.llmtck.tck.runner.RunResult;
import dev.llmtck.tck.runner.fake.FakePlatformServer;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** The three report files of a run with every status: their shape, their escaping, and no secret in them. */
class ReportFilesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path dir;

  @BeforeAll
  static void writeReports() throws Exception {
    ReportFixture.write(dir);
  }

  @Test
  void jsonReportFollowsItsSchema() throws Exception {
    JsonNode report = JSON.readTree(dir.resolve("report.json").toFile());
    try (InputStream schemaText = getClass().getResourceAsStream("/schemas/report/report.schema.json")) {
      JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaText);
      assertThat(schema.validate(report)).isEmpty();
    }
    assertThat(report.path("clauses").findValuesAsText("status")).contains("passed", "failed", "skipped", "waived");
    assertThat(report.path("waiverNotes").get(0).path("kind").asText()).isEqualTo("unknown");
    assertThat(report.path("counts").path("MUST").path("failed").asInt()).isEqualTo(1);
  }

  @Test
  void schemaRejectsAReportMissingItsVerdict() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    var report = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(dir.resolve("report.json").toFile());
    report.remove("verdict");
    try (InputStream schemaText = getClass().getResourceAsStream("/schemas/report/report.schema.json")) {
      JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaText);
      assertThat(schema.validate(report)).isNotEmpty();
    }
  }

  @Test
  void junitXmlIsWhatGitLabReads() throws Exception {
    Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve("junit.xml").toFile());
    Element root = xml.getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("testsuites");
    assertThat(root.getAttribute("tests")).isEqualTo("5");
    NodeList cases = xml.getElementsByTagName("testcase");
    assertThat(cases.getLength()).isEqualTo(5);
    NodeList failures = xml.getElementsByTagName("failure");
    assertThat(failures.getLength()).isEqualTo(1);
    Element failure = (Element) failures.item(0);
    assertThat(((Element) failure.getParentNode()).getAttribute("name")).startsWith("FAKE-PING-1 [MUST]");
    assertThat(failure.getTextContent()).startsWith("MUST clause failed (fatal").contains("500")
        .contains("GET http://127.0.0.1");
    NodeList skipped = xml.getElementsByTagName("skipped");
    assertThat(skipped.getLength()).as("one skipped, one waived").isEqualTo(2);
    for (int i = 0; i < skipped.getLength(); i++) {
      assertThat(skipped.item(i).getTextContent()).as("GitLab shows the element's content, not its attribute")
          .matches("(?s)(skipped|waived \\(the fake echoes keys on purpose\\)): .+");
    }
  }

  @Test
  void failedShouldClauseIsAFailureThatSaysItIsNotFatal() throws Exception {
    RunResult run = ReportFixture.run(FakePlatformServer.Mode.ECHO_BROKEN);
    Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new InputSource(new StringReader(JUnitXmlReport.render(run))));

    assertThat(run.exitCode()).isZero();
    NodeList failures = xml.getElementsByTagName("failure");
    assertThat(failures.getLength()).isEqualTo(1);
    Element failure = (Element) failures.item(0);
    assertThat(((Element) failure.getParentNode()).getAttribute("name")).startsWith("FAKE-ECHO-1 [SHOULD]");
    assertThat(failure.getTextContent()).startsWith("SHOULD clause failed (not fatal");
    assertThat(failure.getAttribute("message")).startsWith("SHOULD clause failed (not fatal");
  }

  @Test
  void htmlIsSelfContainedAndEscaped() throws Exception {
    String html = Files.readString(dir.resolve("report.html"));
    assertThat(html).startsWith("<!DOCTYPE html>").contains("FAILED").contains("FAKE-PING-1");
    assertThat(html).as("no external assets or scripts").doesNotContain("<script").doesNotContain("<link")
        .doesNotContain(" src=").doesNotContain("@import");
    assertThat(html).as("text from the platform is escaped").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .contains("200 &lt;with markup&gt;");
    assertThat(html.indexOf("Failures (1)")).as("failures come first").isLessThan(html.indexOf("All clauses"));
  }

  @Test
  void noFileCarriesTheKey() throws Exception {
    try (var files = Files.list(dir)) {
      for (Path file : files.toList()) {
        assertThat(Files.readString(file)).as(file.toString()).doesNotContain(ReportFixture.KEY);
      }
    }
  }
}
