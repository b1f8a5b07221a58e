package dev.llmtck.tck.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmtck.tck.clause.Level;
import dev.llmtck.tck.evidence.SafeText;
import dev.llmtck.tck.runner.ClauseResult;
import dev.llmtck.tck.runner.ClauseStatus;
import dev.llmtck.tck.runner.DuoFeature;
import dev.llmtck.tck.runner.GitLabValues;
import dev.llmtck.tck.runner.RunResult;
import dev.llmtck.tck.runner.WaiverNote;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code report.html}: one self-contained page (inline CSS, no script, no external assets) for a person: the
 * verdict, counts per level, what to type into GitLab, the failures first with their evidence, then every
 * clause grouped by area. Every text from the run is HTML-escaped.
 */
final class HtmlReport {
  private static final ObjectMapper PRETTY = new ObjectMapper();
  /** The longest message or note shown: a target's text (a 7 MB model name) is cut. */
  static final int MAX_MESSAGE_CHARS = 8192;

  private final RunResult run;
  private final StringBuilder html = new StringBuilder(64 * 1024);

  private HtmlReport(RunResult run) {
    this.run = run;
  }

  static String render(RunResult run) {
    return new HtmlReport(run).page();
  }

  private String page() {
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>llmtck report: ")
        .append(esc(ReportFacts.verdictLine(run))).append("</title>\n<style>").append(HtmlStyle.CSS)
        .append("</style></head>\n<body>\n<header><h1>llmtck certification report</h1><p class=\"sub\">")
        .append(esc(ReportFacts.targetLine(run.target())));
    if (run.target().profile() != null) {
      html.append(" &middot; profile <code>").append(esc(run.target().profile())).append("</code>");
    }
    html.append("<br>llmtck ").append(esc(run.kitVersion())).append(" &middot; ").append(esc(run.started().toString()))
        .append(" &middot; ").append(String.format(Locale.ROOT, "%.1f s", run.duration().toMillis() / 1000.0))
        .append("</p></header>\n<main>\n");
    verdict();
    counts();
    gitLab();
    duoFeatures();
    waiverNotes();
    failures();
    areas();
    settings();
    html.append("</main>\n</body></html>\n");
    return html.toString();
  }

  private void verdict() {
    html.append("<section class=\"verdict ").append(run.certified() ? "ok" : "bad").append("\"><div class=\"big\">")
        .append(run.certified() ? "PASSED" : "FAILED").append("</div><div>")
        .append(esc(ReportFacts.verdictLine(run).replaceFirst("^(PASSED|FAILED): ", ""))).append("</div></section>\n");
  }

  private void counts() {
    html.append("<section><h2>Clauses per level</h2><table class=\"counts\"><thead><tr><th>level</th>");
    for (ClauseStatus status : ClauseStatus.values()) {
      html.append("<th>").append(status.reportName()).append("</th>");
    }
    html.append("<th>total</th></tr></thead><tbody>");
    for (Level level : Level.values()) {
      long total = run.results().stream().filter(r -> r.clause().level() == level).count();
      if (total == 0) {
        continue;
      }
      html.append("<tr><th>").append(level).append("</th>");
      for (ClauseStatus status : ClauseStatus.values()) {
        long n = run.count(level, status);
        html.append("<td class=\"").append(n > 0 ? status.reportName() : "zero").append("\">").append(n)
            .append("</td>");
      }
      html.append("<td>").append(total).append("</td></tr>");
    }
    html.append("</tbody></table></section>\n");
  }

  private void gitLab() {
    GitLabValues values = GitLabValues.of(run.target());
    if (values.values().isEmpty() && values.warnings().isEmpty()) {
      return;
    }
    if (!run.certified()) {
      html.append("<section><h2>Values for GitLab Duo Self-Hosted</h2><p class=\"warn\">Not shown: the platform is"
          + " not certified (a MUST clause failed). Fix the failures below first.</p>");
      values.warnings().forEach(w -> html.append("<p class=\"warn\">").append(esc(w)).append("</p>"));
      html.append("</section>\n");
      return;
    }
    html.append("<section><h2>Values for GitLab Duo Self-Hosted</h2><table class=\"kv\">");
    values.values().forEach((label, value) -> html.append("<tr><th>").append(esc(label)).append("</th><td><code>")
        .append(esc(value)).append("</code></td></tr>"));
    html.append("</table>");
    values.warnings().forEach(w -> html.append("<p class=\"warn\">").append(esc(w)).append("</p>"));
    html.append("</section>\n");
  }

  private void duoFeatures() {
    List<DuoFeature.Verdict> verdicts = DuoFeature.judge(run);
    if (verdicts.isEmpty()) {
      return;
    }
    html.append("<section><h2>GitLab Duo features</h2><table class=\"kv\">");
    for (DuoFeature.Verdict verdict : verdicts) {
      String css = switch (verdict.readiness()) {
        case READY -> "passed";
        case NOT_READY -> "failed";
        case NOT_CHECKED -> "skipped";
      };
      html.append("<tr><th>").append(esc(verdict.feature().name())).append("</th><td><span class=\"tag ")
          .append(css).append("\">").append(verdict.readiness().reportName()).append("</span> ")
          .append(esc(DuoFeature.describe(verdict).replaceFirst("^(ready|not ready|not checked):? ?", "")))
          .append("</td></tr>");
    }
    html.append("</table></section>\n");
  }

  private void waiverNotes() {
    if (run.waiverNotes().isEmpty()) {
      return;
    }
    html.append("<section><h2>Waivers to look at</h2><ul class=\"notes\">");
    for (WaiverNote note : run.waiverNotes()) {
      html.append("<li><span class=\"tag waived\">").append(note.kind().reportName()).append("</span> ")
          .append(esc(note.message())).append("</li>");
    }
    html.append("</ul></section>\n");
  }

  private void failures() {
    List<ClauseResult> causes = run.likelyCauses();
    List<ClauseResult> failed = new java.util.ArrayList<>(causes);
    run.results().stream().filter(r -> r.status() == ClauseStatus.FAILED && !causes.contains(r))
        .sorted(Comparator.comparing(r -> r.clause().level())).forEach(failed::add);
    if (failed.isEmpty()) {
      return;
    }
    html.append("<section><h2>Failures (").append(failed.size()).append(")</h2>\n");
    if (!causes.isEmpty()) {
      html.append("<p class=\"warn\">Likely cause: <strong>").append(esc(causes.get(0).clause().id()))
          .append("</strong>, shown first").append(failed.size() > 1 ? "; fix it first, the other "
              + (failed.size() - 1) + " failure" + (failed.size() == 2 ? "" : "s") + " may follow from it" : "")
          .append(".</p>\n");
    }
    for (ClauseResult result : failed) {
      html.append("<article class=\"failure\">");
      clauseHead(result);
      clauseBody(result, true);
      html.append("</article>\n");
    }
    html.append("</section>\n");
  }

  private void areas() {
    Map<String, List<ClauseResult>> byArea = run.results().stream()
        .collect(Collectors.groupingBy(r -> r.clause().area(), LinkedHashMap::new, Collectors.toList()));
    html.append("<section><h2>All clauses by area</h2>\n");
    byArea.forEach((area, results) -> {
      long bad = results.stream().filter(r -> r.status() == ClauseStatus.FAILED).count();
      html.append("<h3>").append(esc(area)).append(" <span class=\"muted\">").append(results.size())
          .append(" clause").append(results.size() == 1 ? "" : "s").append(bad > 0 ? ", " + bad + " failed" : "")
          .append("</span></h3>\n");
      for (ClauseResult result : results) {
        html.append("<details class=\"clause ").append(result.status().reportName()).append("\"><summary>");
        badge(result.status());
        html.append("<span class=\"level\">").append(result.clause().level()).append("</span> <b>")
            .append(esc(result.clause().id())).append("</b> ").append(esc(result.clause().statement()))
            .append(" <span class=\"muted\">").append(result.durationMs()).append(" ms</span></summary>");
        clauseBody(result, false);
        html.append("</details>\n");
      }
    });
    html.append("</section>\n");
  }

  private void settings() {
    html.append("<section><h2>Target</h2><table class=\"kv\"><tr><th>platform</th><td><code>")
        .append(esc(run.target().platform())).append("</code></td></tr>");
    if (ReportFacts.embedded(run.target())) {
      html.append("<tr><th>endpoint</th><td>the embedded reference platform, started for this run</td></tr>");
    }
    html.append("<tr><th>capabilities</th><td>").append(esc(ReportFacts.capabilitiesLine(run.target())))
        .append("</td></tr>");
    run.target().describe().forEach((key, value) -> html.append("<tr><th>").append(esc(key)).append("</th><td><code>")
        .append(esc(value)).append("</code></td></tr>"));
    html.append("</table></section>\n");
  }

  private void clauseHead(ClauseResult result) {
    html.append("<h3>");
    badge(result.status());
    html.append("<span class=\"level\">").append(result.clause().level()).append("</span> ")
        .append(esc(result.clause().id())).append("</h3><p class=\"statement\">")
        .append(esc(result.clause().statement())).append("</p>");
  }

  private void clauseBody(ClauseResult result, boolean openEvidence) {
    if (result.message() != null) {
      html.append("<pre class=\"message\">").append(esc(SafeText.cut(result.message(), MAX_MESSAGE_CHARS)))
          .append("</pre>");
    }
    if (result.waiverReason() != null) {
      html.append("<p class=\"warn\">waived: ").append(esc(result.waiverReason())).append("</p>");
    }
    html.append("<p class=\"muted\">source: ").append(esc(result.clause().source())).append(" &middot; test <code>")
        .append(esc(result.clause().testClass().replaceAll("^.*\\.", ""))).append('#')
        .append(esc(result.clause().testMethod())).append("</code></p>");
    if (!result.notes().isEmpty()) {
      html.append("<table class=\"kv\">");
      result.notes().forEach((key, value) -> html.append("<tr><th>").append(esc(key)).append("</th><td>")
          .append(esc(SafeText.cut(value, MAX_MESSAGE_CHARS))).append("</td></tr>"));
      html.append("</table>");
    }
    int n = 0;
    for (JsonNode exchange : result.evidence()) {
      n++;
      html.append("<details class=\"exchange\"").append(openEvidence && n == result.evidence().size() ? " open" : "")
          .append("><summary>");
      exchangeLine(exchange);
      html.append("</summary>");
      exchange(exchange);
      html.append("</details>");
    }
  }

  private void exchangeLine(JsonNode exchange) {
    JsonNode request = exchange.path("request");
    JsonNode response = exchange.path("response");
    html.append("<code>").append(esc(request.path("method").asText())).append(' ')
        .append(esc(request.path("url").asText())).append("</code> &rarr; ");
    if (response.isObject()) {
      int status = response.path("status").asInt();
      html.append("<span class=\"http s").append(status / 100).append("\">").append(status).append("</span>");
      if (response.has("timeToFirstByteMs")) {
        html.append(" <span class=\"muted\">first byte after ").append(response.path("timeToFirstByteMs").asLong())
            .append(" ms</span>");
      }
    } else {
      html.append("<span class=\"http s5\">no response</span>");
    }
    if (exchange.hasNonNull("failure")) {
      html.append(" <span class=\"muted\">").append(esc(exchange.path("failure").asText())).append("</span>");
    }
  }

  private void exchange(JsonNode exchange) {
    html.append("<div class=\"pair\"><div><h4>request</h4>");
    message(exchange.path("request"));
    html.append("</div><div><h4>response</h4>");
    if (exchange.path("response").isObject()) {
      message(exchange.path("response"));
    } else {
      html.append("<p class=\"muted\">none</p>");
    }
    html.append("</div></div>");
  }

  private void message(JsonNode message) {
    JsonNode headers = message.path("headers");
    if (headers.isObject() && headers.size() > 0) {
      html.append("<table class=\"headers\">");
      headers.properties().forEach(h -> html.append("<tr><th>").append(esc(h.getKey())).append("</th><td>")
          .append(esc(h.getValue().asText())).append("</td></tr>"));
      html.append("</table>");
    }
    if (message.hasNonNull("body") && !message.path("body").asText().isEmpty()) {
      html.append("<pre class=\"body\">").append(esc(pretty(message.path("body").asText()))).append("</pre>");
    }
  }

  private void badge(ClauseStatus status) {
    html.append("<span class=\"tag ").append(status.reportName()).append("\">").append(status.reportName())
        .append("</span> ");
  }

  private static String pretty(String body) {
    String trimmed = body.strip();
    if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
      try {
        return PRETTY.writerWithDefaultPrettyPrinter().writeValueAsString(PRETTY.readTree(trimmed));
      } catch (java.io.IOException e) {
        return body;
      }
    }
    return body;
  }

  /**
   * Escapes text for HTML element content and double-quoted attribute values. Control characters and the bidi
   * controls are written as visible escapes ({@code \x1B}, <code>&#92;u202E</code>: {@link SafeText}), so a page never
   * renders them (a bidi override reorders what a reader sees); tab and line feed stay (bodies are {@code <pre>}).
   */
  static String esc(String text) {
    if (text == null) {
      return "";
    }
    text = SafeText.multiline(text);
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
