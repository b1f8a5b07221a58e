package dev.llmtck.tck.runner;

import java.util.Locale;

/**
 * Something wrong with a waiver, reported next to the results: it expired (so the failure counts again), it
 * names no clause of the run, or the clause it waives no longer fails (the waiver can go).
 *
 * @param id the waiver's clause id
 * @param kind what is wrong
 * @param message a sentence for the person who owns the waiver file
 */
public record WaiverNote(String id, Kind kind, String message) {

  /** What is wrong with a waiver. */
  public enum Kind {
    EXPIRED, UNKNOWN, UNUSED;

    /** The name used in reports. */
    public String reportName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
