package dev.llmtck.tck.report;

import java.util.List;
import java.util.Locale;

/** The verdict of a run of several targets, stated the same way on the console and in every summary file. */
public final class SummaryFacts {
  private SummaryFacts() {
  }

  /** Every target ran and none failed a MUST clause. */
  public static boolean certified(List<TargetRun> runs) {
    return exitCode(runs) == 0;
  }

  /** 2 when a target could not run, else 1 when one failed a MUST clause, else 0. */
  public static int exitCode(List<TargetRun> runs) {
    return runs.stream().mapToInt(TargetRun::exitCode).max().orElse(0);
  }

  /** The verdict in one sentence, naming the targets that let it down. */
  public static String verdictLine(List<TargetRun> runs) {
    List<String> notRun = runs.stream().filter(r -> !r.ran()).map(TargetRun::name).toList();
    List<String> failed = runs.stream().filter(r -> r.ran() && !r.result().certified()).map(TargetRun::name)
        .toList();
    String targets = runs.size() + " target" + (runs.size() == 1 ? "" : "s");
    if (notRun.isEmpty() && failed.isEmpty()) {
      return "PASSED: every MUST clause of all " + targets + " passed";
    }
    StringBuilder line = new StringBuilder(notRun.isEmpty() ? "FAILED: " : "NOT COMPLETE: ");
    if (!failed.isEmpty()) {
      line.append(String.format(Locale.ROOT, "%d of %s failed a MUST clause (%s)", failed.size(), targets,
          String.join(", ", failed)));
    }
    if (!notRun.isEmpty()) {
      line.append(failed.isEmpty() ? "" : "; ").append(String.join(", ", notRun))
          .append(" could not run");
    }
    return line.toString();
  }
}
