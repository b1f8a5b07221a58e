package dev.llmtck.tck.report;

import dev.llmtck.tck.clause.Level;
import dev.llmtck.tck.evidence.SafeText;
import dev.llmtck.tck.runner.ClauseResult;
import dev.llmtck.tck.runner.ClauseStatus;
import dev.llmtck.tck.runner.RunResult;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code junit.xml}: the run in the JUnit XML dialect GitLab CI shows natively ({@code artifacts:reports:junit}):
 * one {@code <testsuite>} per area, one {@code <testcase>} per clause named {@code <id> [<level>] <statement>}.
 *
 * <p>GitLab knows four test statuses (success, failed, error, skipped: a {@code <failure>}, {@code <error>} or
 * {@code <skipped>} child, else success), shows the child's element content (not its {@code message}
 * attribute), and tracks a test across pipelines by suite, class and test name. So: every failed clause is a
 * {@code <failure>}, SHOULD and MAY ones too, because the platform did fail the check and GitLab has no
 * "warning" status (a {@code <skipped>} would say "not checked", which is false); the level is in the test
 * name and the failure text starts with {@code SHOULD clause failed (not fatal: ...)}, so a reader of the test
 * tab sees why the job still passed. The names do not change with the outcome, so GitLab's "failed N times
 * before" history stays joined up. Skipped and waived clauses are {@code <skipped>} with the reason as content.
 * Written here rather than by JUnit's legacy XML listener because that listener knows neither waivers nor
 * clause ids.
 */
final class JUnitXmlReport {
  private JUnitXmlReport() {
  }

  static String render(RunResult run) {
    return render("llmtck " + run.target().platform() + " contract", List.of(run), List.of("llmtck."
        + run.target().platform()));
  }

  /**
   * Every target of a run of several in one file; suites are named {@code llmtck.<target>.<platform>.<area>}, so
   * two targets of the same platform stay two sets of tests (GitLab keys a test by suite, class and name).
   */
  static String render(List<TargetRun> targets) {
    List<TargetRun> ran = targets.stream().filter(TargetRun::ran).toList();
    return render("llmtck: " + targets.size() + " targets", ran.stream().map(TargetRun::result).toList(),
        ran.stream().map(t -> "llmtck." + t.name() + "." + t.target().platform()).toList());
  }

  private static String render(String name, List<RunResult> runs, List<String> prefixes) {
    StringWriter text = new StringWriter();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("testsuites");
      xml.writeAttribute("name", name);
      xml.writeAttribute("tests", String.valueOf(runs.stream().mapToInt(r -> r.results().size()).sum()));
      xml.writeAttribute("failures", String.valueOf(runs.stream().mapToLong(r -> r.count(ClauseStatus.FAILED))
          .sum()));
      xml.writeAttribute("time", seconds(runs.stream().mapToLong(r -> r.duration().toMillis()).sum()));
      for (int i = 0; i < runs.size(); i++) {
        RunResult run = runs.get(i);
        Map<String, List<ClauseResult>> byArea = run.results().stream()
            .collect(Collectors.groupingBy(r -> r.clause().area(), LinkedHashMap::new, Collectors.toList()));
        for (Map.Entry<String, List<ClauseResult>> area : byArea.entrySet()) {
          writeSuite(xml, run, prefixes.get(i) + "." + area.getKey(), area.getValue());
        }
      }
      xml.writeCharacters("\n");
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("writing XML to a string cannot fail", e);
    }
    return text.toString();
  }

  private static void writeSuite(XMLStreamWriter xml, RunResult run, String suite, List<ClauseResult> results)
      throws XMLStreamException {
    xml.writeCharacters("\n  ");
    xml.writeStartElement("testsuite");
    xml.writeAttribute("name", suite);
    xml.writeAttribute("tests", String.valueOf(results.size()));
    xml.writeAttribute("failures", String.valueOf(count(results, ClauseStatus.FAILED)));
    xml.writeAttribute("errors", "0");
    xml.writeAttribute("skipped", String.valueOf(count(results, ClauseStatus.SKIPPED)
        + count(results, ClauseStatus.WAIVED)));
    xml.writeAttribute("time", seconds(results.stream().mapToLong(ClauseResult::durationMs).sum()));
    xml.writeAttribute("timestamp", run.started().toString());
    for (ClauseResult result : results) {
      xml.writeCharacters("\n    ");
      xml.writeStartElement("testcase");
      xml.writeAttribute("classname", suite);
      xml.writeAttribute("name", result.clause().id() + " [" + result.clause().level() + "] "
          + clean(result.clause().statement()));
      xml.writeAttribute("time", seconds(result.durationMs()));
      String message = result.message() == null ? "" : SafeText.cut(result.message(), HtmlReport.MAX_MESSAGE_CHARS);
      switch (result.status()) {
        case FAILED -> {
          String verdict = verdict(result.clause().level());
          xml.writeStartElement("failure");
          xml.writeAttribute("message", clean(verdict + ": " + firstLine(message)));
          xml.writeAttribute("type", result.clause().level().name());
          xml.writeCharacters(clean(verdict + "\n\n" + message + evidenceText(result)));
          xml.writeEndElement();
        }
        case SKIPPED -> skipped(xml, "skipped: " + message);
        case WAIVED -> skipped(xml, "waived (" + result.waiverReason() + "): " + message);
        case PASSED -> {
        }
      }
      xml.writeEndElement();
    }
    xml.writeCharacters("\n  ");
    xml.writeEndElement();
  }

  /** The first line of a failure: the level and whether it decides the run. */
  private static String verdict(Level level) {
    return level == Level.MUST ? "MUST clause failed (fatal: the run fails, exit code 1)"
        : level + " clause failed (not fatal: reported, the run still passes when every MUST clause does)";
  }

  private static void skipped(XMLStreamWriter xml, String reason) throws XMLStreamException {
    xml.writeStartElement("skipped");
    xml.writeAttribute("message", clean(firstLine(reason)));
    xml.writeCharacters(clean(reason));
    xml.writeEndElement();
  }

  private static String evidenceText(ClauseResult result) {
    if (result.evidence().isEmpty()) {
      return "";
    }
    StringBuilder text = new StringBuilder("\n\nevidence (see report.html for all of it):");
    result.evidence().forEach(e -> text.append("\n  ").append(e.path("request").path("method").asText()).append(' ')
        .append(e.path("request").path("url").asText()).append(" -> ")
        .append(e.path("response").isObject() ? e.path("response").path("status").asText()
            : e.path("failure").asText("no response")));
    return text.toString();
  }

  /**
   * XML 1.0 cannot carry most control characters, which response bodies may hold, and GitLab's test tab must not
   * render the rest (DEL, C1, bidi controls): all are written as visible escapes ({@link SafeText}); tab and line
   * feed stay, the two non-characters XML forbids become U+FFFD.
   */
  private static String clean(String text) {
    return text == null ? "" : SafeText.multiline(text).replaceAll("[\\uFFFE\\uFFFF]", "\uFFFD");
  }

  private static long count(List<ClauseResult> results, ClauseStatus status) {
    return results.stream().filter(r -> r.status() == status).count();
  }

  private static String firstLine(String text) {
    String folded = text.strip().replaceAll("\\s+", " ");
    return folded.length() > 300 ? folded.substring(0, 297) + "..." : folded;
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
  }
}
