package dev.llmtck.tck.report;

import dev.llmtck.tck.evidence.Redactor;
import dev.llmtck.tck.runner.RunResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a run's reports into one directory: {@code report.json} (for tools), {@code report.html} (for people)
 * and {@code junit.xml} (for GitLab CI's {@code artifacts:reports:junit}). Every file passes through the
 * target's {@link Redactor} once more on its way to disk, so no configured secret can reach the directory.
 */
public final class ReportWriter {
  /** The file names, in the order they are written. */
  public static final List<String> FILES = List.of("report.json", "report.html", "junit.xml");

  private ReportWriter() {
  }

  /** Writes the reports of {@code run} into {@code dir} (created if needed); returns the files written. */
  public static List<Path> write(RunResult run, Path dir) throws IOException {
    Files.createDirectories(dir);
    Redactor redactor = run.target().redactor();
    Path json = dir.resolve("report.json");
    Path html = dir.resolve("report.html");
    Path xml = dir.resolve("junit.xml");
    Files.writeString(json, redactor.text(JsonReport.render(run)), StandardCharsets.UTF_8);
    Files.writeString(html, redactor.text(HtmlReport.render(run)), StandardCharsets.UTF_8);
    Files.writeString(xml, redactor.text(JUnitXmlReport.render(run)), StandardCharsets.UTF_8);
    return List.of(json, html, xml);
  }
}
