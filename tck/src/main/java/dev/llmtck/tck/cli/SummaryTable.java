package dev.llmtck.tck.cli;

import dev.llmtck.tck.clause.Level;
import dev.llmtck.tck.report.ReportFacts;
import dev.llmtck.tck.runner.ClauseResult;
import dev.llmtck.tck.runner.ClauseStatus;
import dev.llmtck.tck.runner.DuoFeature;
import dev.llmtck.tck.runner.GitLabValues;
import dev.llmtck.tck.runner.RunResult;
import dev.llmtck.tck.runner.WaiverNote;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** The end of a run on the console: counts per level, the failures, waiver problems, the verdict. */
final class SummaryTable {
  private static final String ROW = "  %-8s %7s %7s %7s %8s %6s%n";

  private SummaryTable() {
  }

  static void print(RunResult run, PrintStream out) {
    out.println();
    out.printf(Locale.ROOT, ROW, "level", "passed", "failed", "waived", "skipped", "total");
    for (Level level : Level.values()) {
      long total = run.results().stream().filter(r -> r.clause().level() == level).count();
      if (total > 0) {
        out.printf(Locale.ROOT, ROW, level, run.count(level, ClauseStatus.PASSED), run.count(level, ClauseStatus.FAILED),
            run.count(level, ClauseStatus.WAIVED), run.count(level, ClauseStatus.SKIPPED), total);
      }
    }
    out.printf(Locale.ROOT, ROW, "all", run.count(ClauseStatus.PASSED), run.count(ClauseStatus.FAILED),
        run.count(ClauseStatus.WAIVED), run.count(ClauseStatus.SKIPPED), run.results().size());

    List<ClauseResult> failed = run.results().stream().filter(r -> r.status() == ClauseStatus.FAILED).toList();
    if (!failed.isEmpty()) {
      out.println();
      out.println("failed:");
      for (ClauseResult result : failed) {
        out.printf(Locale.ROOT, "  %-6s %-16s %s%n", result.clause().level(), result.clause().id(),
            ConsoleProgress.cut(ConsoleProgress.oneLine(result.message() == null ? "" : result.message()), 150));
      }
    }
    if (!run.waiverNotes().isEmpty()) {
      out.println();
      out.println("waivers:");
      for (WaiverNote note : run.waiverNotes()) {
        out.printf(Locale.ROOT, "  %-8s %s%n", note.kind().reportName(), note.message());
      }
    }
    List<DuoFeature.Verdict> features = DuoFeature.judge(run);
    if (!features.isEmpty()) {
      out.println();
      out.println("GitLab Duo features:");
      features.forEach(v -> out.printf(Locale.ROOT, "  %-36s %s%n", v.feature().name(), DuoFeature.describe(v)));
      out.println("  (the platform's behaviour; whether the model suits a feature is in GitLab's supported models"
          + " table)");
    }
    out.println();
    out.printf(Locale.ROOT, "verdict: %s (%d clauses in %.1f s)%n", ReportFacts.verdictLine(run),
        run.results().size(), run.duration().toMillis() / 1000.0);
  }

  static void printGitLabValues(GitLabValues values, PrintStream out) {
    if (values.values().isEmpty()) {
      out.println();
      out.println("(no values for GitLab: the run certified an embedded reference platform, which stops with it;");
      out.println(" point the run at your own platform: llmtck run --help)");
      return;
    }
    out.println();
    out.println("values to type into GitLab (Admin area, GitLab Duo Self-Hosted, add a self-hosted model):");
    values.values().forEach((label, value) -> out.printf(Locale.ROOT, "  %-50s %s%n", label + ":", value));
  }
}
