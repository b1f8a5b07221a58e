package dev.llmtck.tck.runner;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import dev.llmtck.tck.platform.Platform;
import dev.llmtck.tck.platform.Platforms;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A GitLab Duo feature and the clauses it needs on one platform (GL-FEATURE-1): a platform is ready for the
 * feature when those clauses pass. {@code core} clauses define the feature (if they were skipped, say because
 * the target does not declare {@code tools}, the feature was not checked); {@code supporting} clauses must not
 * fail either. A feature GitLab offers on a platform whose contract has no clause for it yet carries a
 * {@code gap} instead of core clauses and is always "not checked", with that reason.
 *
 * <p>Which features a platform serves follows GitLab's "Supported GitLab Duo Self-Hosted models" table (its
 * "supported platforms" column: vLLM, AWS Bedrock, Azure OpenAI; its feature columns: code completion, code
 * generation, Duo Chat, Agent Platform). Which clauses a feature needs follows how the AI gateway reaches the
 * platform through LiteLLM: {@code custom_openai/} and {@code text-completion-custom_openai/} (chat and text
 * completions), {@code azure/<deployment>} (chat completions on the deployment path), {@code bedrock/<model-id>}
 * (Converse and ConverseStream, or InvokeModel and its stream for some models and LiteLLM versions: both are
 * required). Readiness says the platform behaves; whether a model suits a feature is GitLab's table's business.
 * Each {@link Platform} lists its own features ({@link Platform#duoFeatures()}); {@link Platforms} checks every
 * clause they name exists when it loads.
 *
 * @param name the feature as GitLab names it
 * @param core the clauses that exercise the feature itself
 * @param supporting the clauses every request of the feature relies on (discovery, auth, errors)
 * @param gap why the kit cannot check the feature on this platform, or {@code null} when it can
 */
public record DuoFeature(String name, List<String> core, List<String> supporting, String gap) {

  /** GitLab's name for code completion. */
  public static final String CODE_COMPLETION = "Code completion";
  /** GitLab's name for code generation. */
  public static final String CODE_GENERATION = "Code generation";
  /** GitLab Duo Chat as it was before the Agent Platform (the ReAct chat). */
  public static final String DUO_CHAT = "Duo Chat (classic)";
  /** GitLab's Duo Agent Platform and the agentic Duo Chat it runs, which need tool calling. */
  public static final String AGENT_PLATFORM = "Agentic Duo Chat and Duo Agent Platform (tool calling)";

  public DuoFeature {
    core = List.copyOf(core);
    supporting = List.copyOf(supporting);
  }

  /** The features GitLab Duo offers on {@code platform}, with the clauses each needs; empty for an unknown one. */
  public static List<DuoFeature> of(String platform) {
    return Platforms.byId(platform).map(Platform::duoFeatures).orElse(List.of());
  }

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
    Map<String, ClauseStatus> status = run.results().stream()
        .collect(Collectors.toMap(r -> r.clause().id(), ClauseResult::status, (a, b) -> a));
    List<Verdict> verdicts = new ArrayList<>();
    for (DuoFeature feature : of(run.target().platform())) {
      List<String> needed = concat(feature.core, feature.supporting).stream().distinct()
          .filter(status::containsKey).toList();
      if (needed.isEmpty()) {
        continue;
      }
      List<String> failed = needed.stream().filter(id -> status.get(id) == ClauseStatus.FAILED).toList();
      List<String> skipped = feature.core.stream().filter(id -> status.get(id) == ClauseStatus.SKIPPED).toList();
      Set<ClauseStatus> ranStatuses = EnumSet.of(ClauseStatus.PASSED, ClauseStatus.FAILED, ClauseStatus.WAIVED);
      boolean ran = feature.core.stream().map(status::get).anyMatch(s -> s != null && ranStatuses.contains(s));
      Readiness readiness = feature.gap != null ? Readiness.NOT_CHECKED
          : !failed.isEmpty() ? Readiness.NOT_READY
          : !ran || !skipped.isEmpty() ? Readiness.NOT_CHECKED : Readiness.READY;
      verdicts.add(new Verdict(feature, readiness, feature.gap != null ? List.of() : failed, skipped));
    }
    return verdicts;
  }

  /** The names of the features {@code run}'s platform is ready for. */
  public static List<String> readyFor(RunResult run) {
    return judge(run).stream().filter(v -> v.readiness() == Readiness.READY).map(v -> v.feature().name())
        .toList();
  }

  /** One line: the feature, its verdict and why. */
  public static String describe(Verdict verdict) {
    Function<List<String>, String> ids = list -> String.join(", ", list);
    return switch (verdict.readiness()) {
      case READY -> "ready";
      case NOT_READY -> "not ready: " + ids.apply(verdict.failed()) + " failed";
      case NOT_CHECKED -> "not checked" + (verdict.feature().gap() != null ? ": " + verdict.feature().gap()
          : verdict.skipped().isEmpty() ? "" : ": " + ids.apply(verdict.skipped()) + " skipped");
    };
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }
}
