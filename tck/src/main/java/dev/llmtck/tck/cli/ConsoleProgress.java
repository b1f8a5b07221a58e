package dev.llmtck.tck.cli;

import dev.llmtck.tck.runner.ClauseProgress;
import dev.llmtck.tck.runner.ClauseResult;
import dev.llmtck.tck.runner.ClauseStatus;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Set;

/**
 * Prints one line per clause as it finishes, with the reason under every failure and skip. A failure that a
 * valid waiver accepts shows as {@code waived} already here (the waivers are applied to the results after the run).
 */
final class ConsoleProgress implements ClauseProgress {
  private static final int STATEMENT_WIDTH = 64;
  private static final int MESSAGE_WIDTH = 160;

  private final PrintStream out;
  private final Set<String> waivedIds;

  ConsoleProgress(PrintStream out, Set<String> waivedIds) {
    this.out = out;
    this.waivedIds = waivedIds;
  }

  @Override
  public void started(int clauses) {
    out.printf(Locale.ROOT, "running %d clauses%n", clauses);
  }

  @Override
  public void finished(ClauseResult result, int done, int total) {
    String status = switch (result.status()) {
      case PASSED -> "pass";
      case FAILED -> waivedIds.contains(result.clause().id()) ? "waived" : "FAIL";
      case SKIPPED -> "skip";
      case WAIVED -> "waived";
    };
    int width = String.valueOf(total).length();
    out.printf(Locale.ROOT, "  [%" + width + "d/%d] %-6s %-6s %-16s %-" + STATEMENT_WIDTH + "s %6d ms%n", done, total,
        status, result.clause().level(), result.clause().id(), cut(result.clause().statement(), STATEMENT_WIDTH),
        result.durationMs());
    if (result.message() != null && result.status() != ClauseStatus.PASSED) {
      out.println("        " + " ".repeat(2 * width) + "-> " + cut(oneLine(result.message()), MESSAGE_WIDTH));
    }
    out.flush();
  }

  /** The text on one line: AssertJ's multi-line messages read fine with their whitespace folded. */
  static String oneLine(String text) {
    return text.strip().replaceAll("\\s+", " ");
  }

  static String cut(String text, int width) {
    return text.length() <= width ? text : text.substring(0, width - 3) + "...";
  }
}
