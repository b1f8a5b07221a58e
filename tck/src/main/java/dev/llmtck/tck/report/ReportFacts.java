package dev.llmtck.tck.report;

import dev.llmtck.tck.clause.Level;
import dev.llmtck.tck.platform.CommonSettings;
import dev.llmtck.tck.platform.Platforms;
import dev.llmtck.tck.platform.Settings;
import dev.llmtck.tck.platform.TargetFacts;
import dev.llmtck.tck.runner.GitLabValues;
import dev.llmtck.tck.runner.ClauseStatus;
import dev.llmtck.tck.runner.RunResult;
import dev.llmtck.tck.runner.Target;
import java.util.List;
import java.util.Locale;

/**
 * Sentences and facts every report states the same way; what a target is, its platform states
 * ({@link TargetFacts}).
 */
public final class ReportFacts {

  private ReportFacts() {
  }

  /** What the target's platform says about it, from its settings. */
  public static TargetFacts facts(Target target) {
    return Platforms.byId(target.platform()).map(p -> p.facts(Settings.of(target.settings())))
        .orElse(new TargetFacts(false, "platform " + target.platform() + " (not installed)", List.of(),
            new GitLabValues(java.util.Map.of(), List.of())));
  }

  /** Whether the run certified an embedded reference platform (no endpoint configured). */
  public static boolean embedded(Target target) {
    return facts(target).embedded();
  }

  /** The optional capabilities the run's target has in effect (an embedded reference has its own). */
  public static List<String> capabilities(Target target) {
    return facts(target).capabilities();
  }

  /** The capabilities the target declares, as given. */
  public static List<String> declaredCapabilities(Target target) {
    return List.copyOf(Settings.of(target.settings()).list(CommonSettings.CAPABILITIES));
  }

  /** The capabilities in one phrase: {@code tools (the embedded platform's)}, {@code none declared}, ... */
  public static String capabilitiesLine(Target target) {
    List<String> capabilities = capabilities(target);
    String list = capabilities.isEmpty() ? "none" : String.join(", ", capabilities);
    return embedded(target) ? list + " (the embedded reference platform's)"
        : capabilities.isEmpty() ? "none declared" : list;
  }

  /** One line naming what was certified. */
  public static String targetLine(Target target) {
    return target.platform() + " contract against " + target.redactor().text(facts(target).where());
  }

  /** The verdict in one sentence. */
  public static String verdictLine(RunResult run) {
    long mustFailed = run.count(Level.MUST, ClauseStatus.FAILED);
    long otherFailed = run.count(ClauseStatus.FAILED) - mustFailed;
    String others = otherFailed == 0 ? "" : String.format(Locale.ROOT, "; %d SHOULD/MAY clause%s failed (reported,"
        + " not fatal)", otherFailed, otherFailed == 1 ? "" : "s");
    List<String> skipped = run.skippedMust().stream().map(r -> r.clause().id()).toList();
    String notChecked = skipped.isEmpty() ? "" : String.format(Locale.ROOT, "; %d MUST clause%s skipped, not checked:"
        + " %s", skipped.size(), skipped.size() == 1 ? "" : "s", idList(skipped));
    return run.certified()
        ? (skipped.isEmpty() ? "PASSED: every MUST clause passed" : "PASSED: every MUST clause that ran passed")
            + others + notChecked
        : String.format(Locale.ROOT, "FAILED: %d MUST clause%s failed", mustFailed, mustFailed == 1 ? "" : "s")
            + others + notChecked;
  }

  /** Clause ids for one line: the first eight, then how many more. */
  static String idList(List<String> ids) {
    return ids.size() <= 8 ? String.join(", ", ids)
        : String.join(", ", ids.subList(0, 8)) + " and " + (ids.size() - 8) + " more";
  }

}
