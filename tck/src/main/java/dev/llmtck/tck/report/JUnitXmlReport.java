package dev.llmtck.tck.report;

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
 * A failure is a {@code <failure>} (SHOULD failures too: they are failures, only not fatal); skipped and
 * waived clauses are {@code <skipped>} with the reason. Written here rather than by JUnit's legacy XML listener
 * because that listener knows neither waivers nor clause ids.
 */
final class JUnitXmlReport {
  private JUnitXmlReport() {
  }

  static String render(RunResult run) {
    Map<String, List<ClauseResult>> byArea = run.results().stream()
        .collect(Collectors.groupingBy(r -> r.clause().area(), LinkedHashMap::new, Collectors.toList()));
    StringWriter text = new StringWriter();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("testsuites");
      xml.writeAttribute("name", "llmtck " + run.target().platform() + " contract");
      xml.writeAttribute("tests", String.valueOf(run.results().size()));
      xml.writeAttribute("failures", String.valueOf(run.count(ClauseStatus.FAILED)));
      xml.writeAttribute("time", seconds(run.duration().toMillis()));
      for (Map.Entry<String, List<ClauseResult>> area : byArea.entrySet()) {
        writeSuite(xml, run, area.getKey(), area.getValue());
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

  private static void writeSuite(XMLStreamWriter xml, RunResult run, String area, List<ClauseResult> results)
      throws XMLStreamException {
    xml.writeCharacters("\n  ");
    xml.writeStartElement("testsuite");
    xml.writeAttribute("name", "llmtck." + run.target().platform() + "." + area);
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
      xml.writeAttribute("classname", "llmtck." + run.target().platform() + "." + area);
      xml.writeAttribute("name", result.clause().id() + " [" + result.clause().level() + "] "
          + clean(result.clause().statement()));
      xml.writeAttribute("time", seconds(result.durationMs()));
      String message = result.message() == null ? "" : result.message();
      switch (result.status()) {
        case FAILED -> {
          xml.writeStartElement("failure");
          xml.writeAttribute("message", clean(firstLine(message)));
          xml.writeAttribute("type", result.clause().level().name());
          xml.writeCharacters(clean(message + evidenceText(result)));
          xml.writeEndElement();
        }
        case SKIPPED -> {
          xml.writeEmptyElement("skipped");
          xml.writeAttribute("message", clean(message));
        }
        case WAIVED -> {
          xml.writeEmptyElement("skipped");
          xml.writeAttribute("message", clean("waived (" + result.waiverReason() + "): " + message));
        }
        case PASSED -> {
        }
      }
      xml.writeEndElement();
    }
    xml.writeCharacters("\n  ");
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

  /** XML 1.0 cannot carry most control characters, which response bodies may hold. */
  private static String clean(String text) {
    return text == null ? "" : text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", "\uFFFD");
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
