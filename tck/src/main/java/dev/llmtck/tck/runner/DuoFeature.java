package dev.llmtck.tck.runner;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A GitLab Duo feature and the clauses it needs (GL-FEATURE-1): a platform is ready for the feature when those
 * clauses pass. {@code core} clauses define the feature (if they were skipped, say because the target does not
 * declare {@code tools}, the feature was not checked); {@code supporting} clauses must not fail either.
 *
 * @param name the feature as GitLab names it
 * @param core the clauses that exercise the feature itself
 * @param supporting the clauses every request of the feature relies on (discovery, auth, errors)
 */
public record DuoFeature(String name, List<String> core, List<String> supporting) {

  private static final List<String> OPENAI_BASICS = List.of("OAI-URL-1", "OAI-MODELS-1", "OAI-MODELS-3",
      "OAI-AUTH-1", "OAI-AUTH-2", "OAI-ERR-1", "OAI-ERR-2");
  private static final List<String> OPENAI_CHAT = List.of("OAI-CHAT-1", "OAI-CHAT-2", "OAI-CHAT-3", "OAI-CHAT-4",
      "OAI-STREAM-1", "OAI-STREAM-2", "OAI-STREAM-3");

  /** The Duo features an OpenAI-compatible platform serves, as GitLab's AI gateway uses it through LiteLLM. */
  static final List<DuoFeature> OPENAI = List.of(
      new DuoFeature("Code completion (text-completion-custom_openai)", List.of("OAI-CMPL-1"), OPENAI_BASICS),
      new DuoFeature("Code generation and Duo Chat (custom_openai)", OPENAI_CHAT, OPENAI_BASICS),
      new DuoFeature("Duo Agent Platform (tool calling)", List.of("OAI-TOOLS-1", "OAI-TOOLS-2", "OAI-TOOLS-3",
          "OAI-TOOLS-4"), concat(OPENAI_CHAT, OPENAI_BASICS)));

  /** Whether a platform is ready for a feature. */
  public enum Readiness {
    READY, NOT_READY, NOT_CHECKED;

    /** The name used in reports: {@code ready}, {@code not ready}, {@code not checked}. */
    public String reportName() {
      return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
  }

  /**
   * How one feature fared in a run.
   *
   * @param feature the feature
   * @param readiness the verdict
   * @param failed the needed clauses that failed
   * @param skipped the core clauses that were skipped
   */
  public record Verdict(DuoFeature feature, Readiness readiness, List<String> failed, List<String> skipped) {
  }

  /** The verdicts for the features of {@code run}'s platform; empty where the kit knows none. */
  public static List<Verdict> judge(RunResult run) {
    if (!run.target().platform().equals("openai")) {
      return List.of();
    }
    Map<String, ClauseStatus> status = run.results().stream()
        .collect(Collectors.toMap(r -> r.clause().id(), ClauseResult::status, (a, b) -> a));
    List<Verdict> verdicts = new ArrayList<>();
    for (DuoFeature feature : OPENAI) {
      List<String> needed = concat(feature.core, feature.supporting).stream().distinct()
          .filter(status::containsKey).toList();
      List<String> failed = needed.stream().filter(id -> status.get(id) == ClauseStatus.FAILED).toList();
      List<String> skipped = feature.core.stream().filter(id -> status.get(id) == ClauseStatus.SKIPPED).toList();
      Set<ClauseStatus> ranStatuses = EnumSet.of(ClauseStatus.PASSED, ClauseStatus.FAILED, ClauseStatus.WAIVED);
      boolean ran = feature.core.stream().map(status::get).anyMatch(s -> s != null && ranStatuses.contains(s));
      Readiness readiness = !failed.isEmpty() ? Readiness.NOT_READY
          : !ran || !skipped.isEmpty() ? Readiness.NOT_CHECKED : Readiness.READY;
      if (needed.isEmpty()) {
        continue;
      }
      verdicts.add(new Verdict(feature, readiness, failed, skipped));
    }
    return verdicts;
  }

  /** One line: the feature, its verdict and why. */
  public static String describe(Verdict verdict) {
    Function<List<String>, String> ids = list -> String.join(", ", list);
    return switch (verdict.readiness()) {
      case READY -> "ready";
      case NOT_READY -> "not ready: " + ids.apply(verdict.failed()) + " failed";
      case NOT_CHECKED -> "not checked" + (verdict.skipped().isEmpty() ? "" : ": " + ids.apply(verdict.skipped())
          + " skipped");
    };
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }
}
