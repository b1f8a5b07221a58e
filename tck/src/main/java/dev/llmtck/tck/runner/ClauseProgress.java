package dev.llmtck.tck.runner;

import dev.llmtck.tck.clause.ClauseInfo;

/** Told about a run as it goes, clause by clause (the command line prints it). */
public interface ClauseProgress {

  /** Nothing is told. */
  ClauseProgress SILENT = new ClauseProgress() {
  };

  /** The run found {@code clauses} clauses to check. */
  default void started(int clauses) {
  }

  /** {@code clause} starts (clauses run one at a time, in the order the launcher chose). */
  default void clauseStarted(ClauseInfo clause) {
  }

  /** {@code result} is known; it is the {@code done}-th of {@code total}. Secrets are already removed. */
  default void finished(ClauseResult result, int done, int total) {
  }
}
