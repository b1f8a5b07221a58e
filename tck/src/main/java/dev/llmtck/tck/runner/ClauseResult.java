package dev.llmtck.tck.runner;

import dev.llmtck.tck.clause.ClauseInfo;
import com.fasterxml.jackson.databind.JsonNode;
import dev.llmtck.tck.clause.Level;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one clause: its status, a message saying why (for anything but a pass), the HTTP exchanges
 * the clause made as evidence, and any other facts it reported (notes). Secrets are already removed.
 *
 * @param clause which clause
 * @param status what became of it
 * @param message why it failed, was skipped or waived; {@code null} for a plain pass
 * @param evidence the exchanges, each {@code {"request":{...},"response":{...}}} (see {@code Evidence})
 * @param notes other {@code llmtck.*} facts the clause published, key to value
 * @param durationMs how long the clause ran
 * @param waiverReason the reason of the waiver that applied, when the status is {@link ClauseStatus#WAIVED}
 */
public record ClauseResult(ClauseInfo clause, ClauseStatus status, String message, List<JsonNode> evidence,
    Map<String, String> notes, long durationMs, String waiverReason) {

  public ClauseResult {
    evidence = List.copyOf(evidence);
    notes = Map.copyOf(notes);
  }

  /** Whether this result fails the certification: a MUST clause that failed (and was not waived). */
  public boolean failsCertification() {
    return status == ClauseStatus.FAILED && clause.level() == Level.MUST;
  }

  /** This result waived by a waiver with {@code reason}; the failure message is kept. */
  public ClauseResult waived(String reason) {
    return new ClauseResult(clause, ClauseStatus.WAIVED, message, evidence, notes, durationMs, reason);
  }
}
