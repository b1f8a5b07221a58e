package dev.llmtck.tck.cli;

import dev.llmtck.tck.evidence.SafeText;
import dev.llmtck.tck.runner.ClauseProgress;
import dev.llmtck.tck.runner.ClauseResult;
import dev.llmtck.tck.runner.ClauseStatus;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Set;

/**
 * Prints one line per clause as it finishes, with the reason under every failure and skip. A failure that a
 * valid waiver accepts shows as {@code waived} already here (the waivers are applied to the results after the run).
 * A reason quotes what the target sent, so it is cut and its control characters are escaped ({@link SafeText}): a
 * target cannot draw its own lines (a fake coloured {@code pass}) into the console or a CI log.
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
        status, result.clause().level(), result.clause().id(), cut(oneLine(result.clause().statement()),
            STATEMENT_WIDTH),
        result.durationMs());
    if (result.message() != null && result.status() != ClauseStatus.PASSED) {
      out.println("        " + " ".repeat(2 * width) + "-> " + cut(oneLine(result.message()), MESSAGE_WIDTH));
    }
    out.flush();
  }

  /**
   * The text on one line: AssertJ's multi-line messages read fine with their whitespace folded; every other
   * control character is escaped. Only the start of a very long text is looked at.
   */
  static String oneLine(String text) {
    String head = text.length() > 8192 ? text.substring(0, 8192) : text;
    return SafeText.line(head.strip().replaceAll("[\\s\\x0B]+", " "));
  }

  static String cut(String text, int width) {
    if (text.length() <= width) {
      return text;
    }
    int end = width - 3;
    return text.substring(0, Character.isHighSurrogate(text.charAt(end - 1)) ? end - 1 : end) + "...";
  }
}
