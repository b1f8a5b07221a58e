package dev.llmtck.tck.cli;

import dev.llmtck.tck.clause.Level;
import dev.llmtck.tck.report.ReportFacts;
import dev.llmtck.tck.report.SummaryFacts;
import dev.llmtck.tck.report.TargetRun;
import dev.llmtck.tck.runner.ClauseResult;
import dev.llmtck.tck.runner.ClauseStatus;
import dev.llmtck.tck.runner.DuoFeature;
import dev.llmtck.tck.runner.GitLabValues;
import dev.llmtck.tck.runner.RunResult;
import dev.llmtck.tck.runner.WaiverNote;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The end of a run on the console: counts per level, the failures, waiver problems, the verdict; for a run of
 * several targets, a table of them side by side.
 */
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
        out.printf(Locale.ROOT, ROW, level, run.count(level, ClauseStatus.PASSED),
            run.count(level, ClauseStatus.FAILED), run.count(level, ClauseStatus.WAIVED),
            run.count(level, ClauseStatus.SKIPPED), total);
      }
    }
    out.printf(Locale.ROOT, ROW, "all", run.count(ClauseStatus.PASSED), run.count(ClauseStatus.FAILED),
        run.count(ClauseStatus.WAIVED), run.count(ClauseStatus.SKIPPED), run.results().size());

    List<ClauseResult> causes = run.likelyCauses();
    List<ClauseResult> failed = new java.util.ArrayList<>(causes);
    run.results().stream().filter(r -> r.status() == ClauseStatus.FAILED && !causes.contains(r)).forEach(failed::add);
    if (!causes.isEmpty()) {
      out.println();
      ClauseResult first = causes.get(0);
      out.printf(Locale.ROOT, "likely cause: %s %s%n", first.clause().id(),
          ConsoleProgress.cut(ConsoleProgress.oneLine(first.message() == null ? "" : first.message()), 150));
      if (failed.size() > 1) {
        out.printf(Locale.ROOT, "  fix it first: the other %d failure%s may follow from it%n", failed.size() - 1,
            failed.size() == 2 ? "" : "s");
      }
    }
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
        out.printf(Locale.ROOT, "  %-8s %s%n", note.kind().reportName(), ConsoleProgress.oneLine(note.message()));
      }
    }
    List<DuoFeature.Verdict> features = DuoFeature.judge(run);
    if (!features.isEmpty()) {
      out.println();
      out.println("GitLab Duo features:");
      // as wide as the longest name, so every readiness starts in one column
      int width = features.stream().mapToInt(v -> v.feature().name().length()).max().orElse(0);
      features.forEach(v -> out.printf(Locale.ROOT, "  %-" + width + "s  %s%n", v.feature().name(),
          ConsoleProgress.oneLine(DuoFeature.describe(v))));
      out.println("  (the platform's behaviour; whether the model suits a feature is in GitLab's supported models"
          + " table)");
    }
    out.println();
    out.printf(Locale.ROOT, "verdict: %s (%d clauses in %.1f s)%n", ReportFacts.verdictLine(run),
        run.results().size(), run.duration().toMillis() / 1000.0);
  }

  /** The end of a run of several targets: one row per target, then their Duo features and GitLab values. */
  static void printSideBySide(List<TargetRun> runs, PrintStream out) {
    int width = Math.max(12, runs.stream().mapToInt(r -> r.name().length()).max().orElse(0));
    String row = "  %-" + width + "s %-8s %-8s %-13s %-13s %-13s%n";
    out.println();
    out.println("=== " + runs.size() + " targets side by side (clauses passed/failed/waived/skipped per level) ===");
    out.printf(Locale.ROOT, row, "target", "platform", "verdict", "MUST", "SHOULD", "MAY");
    for (TargetRun run : runs) {
      if (!run.ran()) {
        out.printf(Locale.ROOT, "  %-" + width + "s %-8s %-8s %s%n", run.name(), line(run.target().platform()),
            "NOT RUN",
            ConsoleProgress.cut(ConsoleProgress.oneLine(run.problem()), 100));
        continue;
      }
      RunResult result = run.result();
      out.printf(Locale.ROOT, row, run.name(), run.target().platform(), result.certified() ? "PASSED" : "FAILED",
          counts(result, Level.MUST), counts(result, Level.SHOULD), counts(result, Level.MAY));
    }
    out.println();
    out.println("GitLab Duo features each target is ready for:");
    for (TargetRun run : runs) {
      List<String> ready = run.ran() ? DuoFeature.readyFor(run.result()) : List.of();
      List<String> others = !run.ran() ? List.of() : DuoFeature.judge(run.result()).stream()
          .filter(v -> v.readiness() != DuoFeature.Readiness.READY)
          .map(v -> v.feature().name() + ": " + v.readiness().reportName()).toList();
      out.printf(Locale.ROOT, "  %-" + width + "s %s%s%n", run.name(), ready.isEmpty() ? "none" : String.join(", ",
          ready), others.isEmpty() ? "" : " (" + String.join("; ", others) + ")");
    }
    out.println();
    out.println("values to type into GitLab (Admin area, GitLab Duo Self-Hosted, add a self-hosted model):");
    for (TargetRun run : runs) {
      GitLabValues values = GitLabValues.of(run.target());
      if (!run.ran() || !run.result().certified()) {
        out.printf(Locale.ROOT, "  %-" + width + "s (not shown: %s)%n", run.name(), run.ran()
            ? "not certified, fix its failures first" : "it did not run");
        continue;
      }
      if (values.values().isEmpty()) {
        out.printf(Locale.ROOT, "  %-" + width + "s (none: an embedded reference platform)%n", run.name());
      }
      String name = run.name();
      for (Map.Entry<String, String> value : values.values().entrySet()) {
        out.printf(Locale.ROOT, "  %-" + width + "s %-50s %s%n", name, value.getKey() + ":", line(value.getValue()));
        name = "";
      }
    }
    out.println();
    out.println("verdict: " + SummaryFacts.verdictLine(runs));
  }

  /** A value that may come from a target (a model name), safe on one console line. */
  private static String line(String value) {
    return value == null ? null : dev.llmtck.tck.evidence.SafeText.line(value);
  }

  private static String counts(RunResult run, Level level) {
    if (run.results().stream().noneMatch(r -> r.clause().level() == level)) {
      return "-";
    }
    return run.count(level, ClauseStatus.PASSED) + "/" + run.count(level, ClauseStatus.FAILED) + "/"
        + run.count(level, ClauseStatus.WAIVED) + "/" + run.count(level, ClauseStatus.SKIPPED);
  }

  static void printGitLabValues(GitLabValues values, RunResult run, PrintStream out) {
    if (!run.certified() && !values.values().isEmpty()) {
      out.println();
      out.println("values to type into GitLab: not shown, the platform is not certified (a MUST clause failed);"
          + " fix the failures above first");
      return;
    }
    if (values.values().isEmpty()) {
      out.println();
      out.println("(no values for GitLab: the run certified an embedded reference platform, which stops with it;");
      out.println(" point the run at your own platform: llmtck run --help)");
      return;
    }
    out.println();
    out.println("values to type into GitLab (Admin area, GitLab Duo Self-Hosted, add a self-hosted model):");
    values.values().forEach((label, value) -> out.printf(Locale.ROOT, "  %-50s %s%n", label + ":", line(value)));
  }
}
