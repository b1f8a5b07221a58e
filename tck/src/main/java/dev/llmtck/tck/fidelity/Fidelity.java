package dev.llmtck.tck.fidelity;

import dev.llmtck.tck.runner.Target;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code llmtck fidelity}: the differential check of llmtck's vLLM simulator against a real OpenAI-compatible
 * platform (see {@link FidelityCheck}). Exit code 0 when no unexplained difference and no stale known difference
 * was found (or {@code strict} is off and the check ran), 1 when {@code strict} and one was, 2 when the check could
 * not run.
 */
public final class Fidelity {

  private Fidelity() {
  }

  /**
   * Runs the check against {@code target} and writes {@code fidelity.json} into {@code reportDir}.
   *
   * @param known a YAML file of understood differences, or {@code null}
   * @param strict whether an unexplained or stale difference makes the exit code 1
   */
  public static int run(Target target, Path known, boolean strict, Path reportDir, PrintStream out,
      PrintStream err, String kitVersion) {
    KnownDifferences differences;
    try {
      differences = known == null ? KnownDifferences.none() : KnownDifferences.load(known);
    } catch (IllegalArgumentException e) {
      err.println("llmtck fidelity: " + e.getMessage());
      return 2;
    }
    String name = target.profile() != null ? target.profile() : "the platform";
    FidelityCheck.Result result;
    try {
      result = FidelityCheck.run(target, differences, new ConsoleDots(out), kitVersion);
    } catch (IOException | RuntimeException e) {
      err.println("llmtck fidelity: the check could not run: " + target.redactor().text(String.valueOf(
          e.getMessage())));
      return 2;
    }
    FidelityReport.print(result, name, out, target.redactor());
    try {
      FidelityReport.write(result, name, reportDir, target.redactor());
      out.println("report: " + reportDir.resolve(FidelityReport.FILE));
    } catch (IOException e) {
      err.println("llmtck fidelity: cannot write " + reportDir.resolve(FidelityReport.FILE) + ": " + e.getMessage());
      return 2;
    }
    boolean clean = result.unexplainedCount() == 0 && result.stale().isEmpty();
    return clean || !strict ? 0 : 1;
  }

  /** One dot per clause, so a long run shows it is alive. */
  private static final class ConsoleDots implements dev.llmtck.tck.runner.ClauseProgress {
    private final PrintStream out;

    ConsoleDots(PrintStream out) {
      this.out = out;
    }

    @Override
    public void started(int clauses) {
      out.print("running " + clauses + " clauses through the comparing proxy ");
      out.flush();
    }

    @Override
    public void finished(dev.llmtck.tck.runner.ClauseResult result, int done, int total) {
      out.print(done == total ? ".\n" : ".");
      out.flush();
    }
  }
}
