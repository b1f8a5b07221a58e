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

  /** The files a run of several targets adds at the top of the report directory. */
  public static final List<String> SUMMARY_FILES = List.of("summary.json", "index.html", "junit.xml");

  /** Writes the reports of {@code run} into {@code dir} (created if needed); returns the files written. */
  public static List<Path> write(RunResult run, Path dir) throws IOException {
    return write(run, dir, run.target().redactor());
  }

  /** Writes the reports of {@code run} into {@code dir}, removing what {@code redactor} knows from every file. */
  public static List<Path> write(RunResult run, Path dir, Redactor redactor) throws IOException {
    Files.createDirectories(dir);
    Path json = dir.resolve("report.json");
    Path html = dir.resolve("report.html");
    Path xml = dir.resolve("junit.xml");
    Files.writeString(json, redactor.text(JsonReport.render(run)), StandardCharsets.UTF_8);
    Files.writeString(html, redactor.text(HtmlReport.render(run)), StandardCharsets.UTF_8);
    Files.writeString(xml, redactor.text(JUnitXmlReport.render(run)), StandardCharsets.UTF_8);
    return List.of(json, html, xml);
  }

  /**
   * Writes the side-by-side summary of a run of several targets into {@code dir}: {@code summary.json},
   * {@code index.html} (linking each target's own report) and one {@code junit.xml} with every target's clauses
   * (suites named per target, so GitLab keeps them apart). Each target's own reports are in its subdirectory.
   */
  public static List<Path> writeSummary(List<TargetRun> runs, String kitVersion, Path dir, Redactor redactor)
      throws IOException {
    Files.createDirectories(dir);
    Path json = dir.resolve(SUMMARY_FILES.get(0));
    Path html = dir.resolve(SUMMARY_FILES.get(1));
    Path xml = dir.resolve(SUMMARY_FILES.get(2));
    Files.writeString(json, redactor.text(SummaryJson.render(runs, kitVersion)), StandardCharsets.UTF_8);
    Files.writeString(html, redactor.text(SummaryHtml.render(runs, kitVersion)), StandardCharsets.UTF_8);
    Files.writeString(xml, redactor.text(JUnitXmlReport.render(runs)), StandardCharsets.UTF_8);
    return List.of(json, html, xml);
  }
}
