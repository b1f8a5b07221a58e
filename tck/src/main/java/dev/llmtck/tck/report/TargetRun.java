package dev.llmtck.tck.report;

import dev.llmtck.tck.runner.RunResult;
import dev.llmtck.tck.runner.Target;

/**
 * One target of a run that certified several (GL-MULTI-1): its name, the subdirectory of the report directory
 * that holds its own reports, and how it went; or why it could not run (say, its container did not start).
 *
 * @param name the target's name in the summary (its profile's name, made unique)
 * @param directory its reports' subdirectory, relative to the report directory
 * @param target the target as configured
 * @param result the run's result, or {@code null} when the target could not run
 * @param problem why it could not run, or {@code null}
 */
public record TargetRun(String name, String directory, Target target, RunResult result, String problem) {

  /** Whether the target's contract ran. */
  public boolean ran() {
    return result != null;
  }

  /** The target's exit code: 0 certified, 1 a MUST clause failed, 2 it could not run. */
  public int exitCode() {
    return result == null ? 2 : result.exitCode();
  }
}
