package dev.llmtck.tck.runner;

import java.util.Locale;

/** What became of one clause in a run. Only a {@link #FAILED} MUST clause fails a certification. */
public enum ClauseStatus {
  /** The platform did what the clause asks. */
  PASSED,
  /** The platform did not, or could not be asked (unreachable, no answer within the timeout). */
  FAILED,
  /** The clause does not apply to this target (an undeclared capability, missing settings). */
  SKIPPED,
  /** The clause failed, and a waiver that has not expired accepts that failure. */
  WAIVED;

  /** The name used in reports: {@code passed}, {@code failed}, {@code skipped}, {@code waived}. */
  public String reportName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
