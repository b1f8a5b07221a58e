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
 *
 * @param name the feature as GitLab names it
 * @param core the clauses that exercise the feature itself
 * @param supporting the clauses every request of the feature relies on (discovery, auth, errors)
 * @param gap why the kit cannot check the feature on this platform, or {@code null} when it can
 */
public record DuoFeature(String name, List<String> core, List<String> supporting, String gap) {

  static final String CODE_COMPLETION = "Code completion";
  static final String CODE_GENERATION_AND_CHAT = "Code generation and Duo Chat";
  static final String AGENT_PLATFORM = "Duo Agent Platform (tool calling)";

  private static final List<String> OPENAI_BASICS = List.of("OAI-URL-1", "OAI-MODELS-1", "OAI-MODELS-3",
      "OAI-AUTH-1", "OAI-AUTH-2", "OAI-ERR-1", "OAI-ERR-2");
  private static final List<String> OPENAI_CHAT = List.of("OAI-CHAT-1", "OAI-CHAT-2", "OAI-CHAT-3", "OAI-CHAT-4",
      "OAI-STREAM-1", "OAI-STREAM-2", "OAI-STREAM-3");

  /** The Duo features an OpenAI-compatible platform serves, as GitLab's AI gateway uses it through LiteLLM. */
  static final List<DuoFeature> OPENAI = List.of(
      new DuoFeature(CODE_COMPLETION, List.of("OAI-CMPL-1"), OPENAI_BASICS, null),
      new DuoFeature(CODE_GENERATION_AND_CHAT, OPENAI_CHAT, OPENAI_BASICS, null),
      new DuoFeature(AGENT_PLATFORM, List.of("OAI-TOOLS-1", "OAI-TOOLS-2", "OAI-TOOLS-3", "OAI-TOOLS-4"),
          concat(OPENAI_CHAT, OPENAI_BASICS), null));

  private static final List<String> AZURE_BASICS = List.of("AZ-PATH-1", "AZ-PATH-3", "AZ-VERSION-1",
      "AZ-AUTH-1", "AZ-AUTH-2", "AZ-ERR-3", "AZ-ERR-4");

  /**
   * The Duo features an Azure OpenAI deployment serves: GitLab lists its GPT models for code completion, code
   * generation and Duo Chat, all reached as chat completions on the deployment path ({@code azure/<deployment>}).
   */
  static final List<DuoFeature> AZURE = List.of(
      new DuoFeature(CODE_COMPLETION, List.of("AZ-BODY-1", "AZ-BODY-5"), AZURE_BASICS, null),
      new DuoFeature(CODE_GENERATION_AND_CHAT, List.of("AZ-BODY-1", "AZ-BODY-3", "AZ-BODY-5"), AZURE_BASICS, null),
      new DuoFeature(AGENT_PLATFORM, List.of(), AZURE_BASICS, "the Azure contract has no tool-calling clause yet,"
          + " so the kit cannot say whether the deployment answers tool calls as the Agent Platform needs"));

  private static final List<String> BEDROCK_BASICS = List.of("BDR-AUTH-1", "BDR-AUTH-3", "BDR-AUTH-4",
      "BDR-AUTH-5", "BDR-ENDPOINT-1", "BDR-MODEL-1", "BDR-MODEL-2", "BDR-ERR-1", "BDR-ERR-2", "BDR-ERR-5");

  /**
   * The Duo features a Bedrock model serves: GitLab lists Claude and Mixtral on AWS Bedrock for code
   * completion, code generation and Duo Chat ({@code bedrock/<model-id>}); LiteLLM calls Converse (or
   * InvokeModel) for whole answers and ConverseStream (or InvokeModelWithResponseStream) for streamed ones.
   */
  static final List<DuoFeature> BEDROCK = List.of(
      new DuoFeature(CODE_COMPLETION, List.of("BDR-CONVERSE-1", "BDR-CONVERSE-2", "BDR-INVOKE-1"), BEDROCK_BASICS,
          null),
      new DuoFeature(CODE_GENERATION_AND_CHAT, List.of("BDR-CONVERSE-1", "BDR-CONVERSE-3", "BDR-STREAM-1",
          "BDR-STREAM-2", "BDR-STREAM-3", "BDR-INVOKE-2"), BEDROCK_BASICS, null),
      new DuoFeature(AGENT_PLATFORM, List.of(), BEDROCK_BASICS, "the Bedrock contract has no tool-use clause yet"
          + " (LiteLLM sends tool calls through Converse's toolConfig), so the kit cannot say whether the model"
          + " answers tool calls as the Agent Platform needs"));

  private static final Map<String, List<DuoFeature>> BY_PLATFORM = Map.of("openai", OPENAI, "azure", AZURE,
      "bedrock", BEDROCK);

  public DuoFeature {
    core = List.copyOf(core);
    supporting = List.copyOf(supporting);
  }

  /** The features GitLab Duo offers on {@code platform}, with the clauses each needs; empty for an unknown one. */
  public static List<DuoFeature> of(String platform) {
    return BY_PLATFORM.getOrDefault(platform, List.of());
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
