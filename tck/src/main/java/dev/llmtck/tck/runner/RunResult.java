package dev.llmtck.tck.runner;

import dev.llmtck.tck.platform.Platform;
import dev.llmtck.tck.platform.Platforms;
import dev.llmtck.tck.clause.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Everything one certification run found: the target (secrets masked when described), the kit's version, when
 * it ran, one result per clause in contract order, and what is wrong with the waivers.
 *
 * @param target the platform certified
 * @param kitVersion the llmtck version that ran
 * @param started when the run began
 * @param finished when it ended
 * @param results one per clause, waivers applied, secrets removed
 * @param waiverNotes expired, unknown and unneeded waivers
 */
public record RunResult(Target target, String kitVersion, Instant started, Instant finished,
    List<ClauseResult> results, List<WaiverNote> waiverNotes) {

  public RunResult {
    results = List.copyOf(results);
    waiverNotes = List.copyOf(waiverNotes);
  }

  /** Whether the platform is certified: no MUST clause failed (SHOULD and MAY failures are only reported). */
  public boolean certified() {
    return results.stream().noneMatch(ClauseResult::failsCertification);
  }

  /** The process exit code for this result: 0 when certified, 1 when a MUST clause failed. */
  public int exitCode() {
    return certified() ? 0 : 1;
  }

  /** How many clauses of {@code level} ended with {@code status}. */
  public long count(Level level, ClauseStatus status) {
    return results.stream().filter(r -> r.clause().level() == level && r.status() == status).count();
  }

  /** How many clauses ended with {@code status}. */
  public long count(ClauseStatus status) {
    return results.stream().filter(r -> r.status() == status).count();
  }

  /**
   * The failed clauses among the platform's likely causes ({@link Platform#likelyCauses()}), in the platform's
   * order: what to fix first, since the other failures may follow from them.
   */
  public List<ClauseResult> likelyCauses() {
    List<String> ids = Platforms.byId(target.platform()).map(Platform::likelyCauses).orElse(List.of());
    return ids.stream().flatMap(id -> results.stream()
        .filter(r -> r.clause().id().equals(id) && r.status() == ClauseStatus.FAILED)).toList();
  }

  /** The MUST clauses that were skipped: not checked, so the verdict does not vouch for them. */
  public List<ClauseResult> skippedMust() {
    return results.stream().filter(r -> r.clause().level() == Level.MUST && r.status() == ClauseStatus.SKIPPED)
        .toList();
  }

  /** How long the run took. */
  public Duration duration() {
    return Duration.between(started, finished);
  }
}
