package dev.llmtck.tck.report;

import static dev.llmtck.tck.report.HtmlReport.esc;

import dev.llmtck.tck.clause.Level;
import dev.llmtck.tck.runner.ClauseStatus;
import dev.llmtck.tck.runner.DuoFeature;
import dev.llmtck.tck.runner.GitLabValues;
import dev.llmtck.tck.runner.RunResult;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code index.html} of a run of several targets: one column per target, side by side: what it is, the
 * verdict, counts per level, the Duo features it is ready for, the values to type into GitLab, and links to
 * its own report. Self-contained like {@code report.html}; every text from the run is HTML-escaped.
 */
final class SummaryHtml {
  private final List<TargetRun> runs;
  private final StringBuilder html = new StringBuilder(16 * 1024);

  private SummaryHtml(List<TargetRun> runs) {
    this.runs = runs;
  }

  static String render(List<TargetRun> runs, String kitVersion) {
    return new SummaryHtml(runs).page(kitVersion);
  }

  private String page(String kitVersion) {
    boolean certified = SummaryFacts.certified(runs);
    String verdict = SummaryFacts.verdictLine(runs);
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>llmtck summary: ")
        .append(esc(verdict)).append("</title>\n<style>").append(HtmlStyle.CSS)
        .append("</style></head>\n<body>\n<header><h1>llmtck certification summary</h1><p class=\"sub\">")
        .append(runs.size()).append(" targets side by side &middot; llmtck ").append(esc(kitVersion))
        .append("</p></header>\n<main>\n<section class=\"verdict ").append(certified ? "ok" : "bad")
        .append("\"><div class=\"big\">").append(certified ? "PASSED" : "FAILED").append("</div><div>")
        .append(esc(verdict.replaceFirst("^[A-Z ]+: ", ""))).append("</div></section>\n");
    html.append("<section><h2>Targets</h2><table class=\"side\"><thead><tr><th></th>");
    runs.forEach(run -> html.append("<th>").append(esc(run.name())).append("</th>"));
    html.append("</tr></thead><tbody>\n");
    row("target", run -> "<code>" + esc(ReportFacts.targetLine(run.target())) + "</code>");
    row("verdict", run -> !run.ran() ? "<span class=\"tag failed\">not run</span> " + esc(run.problem())
        : tag(run.result().certified() ? "passed" : "failed", run.result().certified() ? "passed" : "failed")
            + " " + esc(ReportFacts.verdictLine(run.result()).replaceFirst("^(PASSED|FAILED): ", "")));
    for (Level level : Level.values()) {
      if (runs.stream().anyMatch(run -> run.ran() && run.result().results().stream()
          .anyMatch(r -> r.clause().level() == level))) {
        row(level + " clauses", run -> run.ran() ? counts(run.result(), level) : "");
      }
    }
    Set<String> features = new LinkedHashSet<>();
    runs.stream().filter(TargetRun::ran).forEach(run -> DuoFeature.judge(run.result())
        .forEach(v -> features.add(v.feature().name())));
    for (String feature : features) {
      row(feature, run -> !run.ran() ? "" : DuoFeature.judge(run.result()).stream()
          .filter(v -> v.feature().name().equals(feature)).findFirst().map(SummaryHtml::readiness)
          .orElse("<span class=\"muted\">not offered on " + esc(run.target().platform()) + "</span>"));
    }
    row("values for GitLab", SummaryHtml::gitLab);
    row("reports", run -> !run.ran() ? "" : "<a href=\"" + esc(run.directory()) + "/report.html\">report.html</a>"
        + " &middot; <a href=\"" + esc(run.directory()) + "/report.json\">report.json</a>"
        + " &middot; <a href=\"" + esc(run.directory()) + "/junit.xml\">junit.xml</a>");
    html.append("</tbody></table></section>\n<p class=\"muted\">A Duo feature is ready when every clause it needs"
        + " passed on the platform; whether a model suits the feature is what GitLab's supported models table"
        + " says.</p>\n</main>\n</body></html>\n");
    return html.toString();
  }

  private void row(String label, Function<TargetRun, String> cell) {
    html.append("<tr><th>").append(esc(label)).append("</th>");
    runs.forEach(run -> html.append("<td>").append(cell.apply(run)).append("</td>"));
    html.append("</tr>\n");
  }

  private static String counts(RunResult run, Level level) {
    StringBuilder cell = new StringBuilder();
    for (ClauseStatus status : ClauseStatus.values()) {
      long n = run.count(level, status);
      if (n > 0) {
        cell.append(cell.length() == 0 ? "" : " &middot; ").append(status == ClauseStatus.FAILED
            ? "<b class=\"warn\">" + n + " " + status.reportName() + "</b>" : n + " " + status.reportName());
      }
    }
    return cell.length() == 0 ? "<span class=\"muted\">none</span>" : cell.toString();
  }

  private static String readiness(DuoFeature.Verdict verdict) {
    String css = switch (verdict.readiness()) {
      case READY -> "passed";
      case NOT_READY -> "failed";
      case NOT_CHECKED -> "skipped";
    };
    String why = DuoFeature.describe(verdict).replaceFirst("^(ready|not ready|not checked):? ?", "");
    return tag(css, verdict.readiness().reportName()) + (why.isEmpty() ? "" : "<span class=\"why\">" + esc(why)
        + "</span>");
  }

  private static String gitLab(TargetRun run) {
    GitLabValues values = GitLabValues.of(run.target());
    if (values.values().isEmpty()) {
      return "<span class=\"muted\">none: an embedded reference platform</span>";
    }
    StringBuilder cell = new StringBuilder();
    values.values().forEach((label, value) -> cell.append("<span class=\"why\">").append(esc(label))
        .append("</span><code>").append(esc(value)).append("</code><br>"));
    values.warnings().forEach(w -> cell.append("<span class=\"warn\">").append(esc(w)).append("</span><br>"));
    return cell.toString();
  }

  private static String tag(String css, String text) {
    return String.format(Locale.ROOT, "<span class=\"tag %s\">%s</span>", css, esc(text));
  }
}
