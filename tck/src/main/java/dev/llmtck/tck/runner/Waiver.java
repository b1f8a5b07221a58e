package dev.llmtck.tck.runner;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Accepts the failure of one clause for a stated reason, until an optional expiry date (inclusive). A waived
 * failure is reported as {@code waived}, not hidden; an expired waiver no longer applies.
 *
 * @param id the clause id, e.g. {@code OAI-HEALTH-1}
 * @param reason why the failure is accepted (shown in every report)
 * @param expires the last day the waiver applies, or {@code null} for no expiry
 */
public record Waiver(String id, String reason, LocalDate expires) {

  public Waiver {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("a waiver needs an 'id' (the clause id it waives)");
    }
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("the waiver for " + id + " needs a 'reason'");
    }
    id = id.strip();
    reason = reason.strip();
  }

  @JsonCreator
  static Waiver fromYaml(@JsonProperty("id") String id, @JsonProperty("reason") String reason,
      @JsonProperty("expires") String expires) {
    try {
      return new Waiver(id, reason, expires == null || expires.isBlank() ? null : LocalDate.parse(expires.strip()));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("the waiver for " + id + " has expires '" + expires
          + "', which is not a date like 2026-12-31");
    }
  }

  /** Whether the waiver has expired on {@code today}. */
  public boolean expiredOn(LocalDate today) {
    return expires != null && today.isAfter(expires);
  }
}
