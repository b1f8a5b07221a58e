package dev.llmtck.tck.report;

import dev.llmtck.tck.clause.Level;
import dev.llmtck.tck.runner.ClauseStatus;
import dev.llmtck.tck.runner.RunResult;
import dev.llmtck.tck.runner.Target;
import dev.llmtck.tck.target.TargetKeys;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Sentences and facts every report states the same way. */
public final class ReportFacts {
  /** What the embedded OpenAI reference platform runs with: tool calling on (README, "the OAI contract"). */
  private static final List<String> EMBEDDED_OPENAI_CAPABILITIES = List.of("tools");

  private ReportFacts() {
  }

  /** Whether the run certified an embedded reference platform (no endpoint configured). */
  public static boolean embedded(Target target) {
    return switch (target.platform()) {
      case "openai" -> target.get(TargetKeys.OPENAI_BASE_URL) == null;
      case "azure" -> target.get(TargetKeys.AZURE_ENDPOINT) == null;
      case "bedrock" -> target.get(TargetKeys.BEDROCK_ENDPOINT) == null
          && target.get(TargetKeys.BEDROCK_ACCESS_KEY_ID) == null;
      default -> false;
    };
  }

  /**
   * The optional capabilities the run's target has. A configured target has those it declares
   * ({@link TargetKeys#CAPABILITIES}); the embedded OpenAI reference platform has its own (it runs with tool
   * calling on and ignores declared capabilities), the embedded Azure and Bedrock mocks none the contract asks about.
   */
  public static List<String> capabilities(Target target) {
    if (embedded(target) && target.platform().equals("openai")) {
      return EMBEDDED_OPENAI_CAPABILITIES;
    }
    return declaredCapabilities(target);
  }

  /** The capabilities the target declares, as given. */
  public static List<String> declaredCapabilities(Target target) {
    String declared = target.get(TargetKeys.CAPABILITIES);
    return declared == null ? List.of() : Arrays.stream(declared.split(",")).map(String::strip)
        .filter(s -> !s.isEmpty()).toList();
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
    if (embedded(target)) {
      return target.platform() + " contract against the embedded reference platform";
    }
    String where = switch (target.platform()) {
      case "openai" -> target.get(TargetKeys.OPENAI_BASE_URL) + ", model " + target.get(TargetKeys.OPENAI_MODEL);
      case "azure" -> target.get(TargetKeys.AZURE_ENDPOINT) + ", deployment " + target.get(TargetKeys.AZURE_DEPLOYMENT);
      default -> (target.get(TargetKeys.BEDROCK_ENDPOINT) != null ? target.get(TargetKeys.BEDROCK_ENDPOINT)
          : "region " + target.get(TargetKeys.BEDROCK_REGION)) + ", model " + target.get(TargetKeys.BEDROCK_MODEL_ID);
    };
    return target.platform() + " contract against " + target.redactor().text(where);
  }

  /** The verdict in one sentence. */
  public static String verdictLine(RunResult run) {
    long mustFailed = run.count(Level.MUST, ClauseStatus.FAILED);
    long otherFailed = run.count(ClauseStatus.FAILED) - mustFailed;
    String others = otherFailed == 0 ? "" : String.format(Locale.ROOT, "; %d SHOULD/MAY clause%s failed (reported,"
        + " not fatal)", otherFailed, otherFailed == 1 ? "" : "s");
    return run.certified()
        ? "PASSED: every MUST clause passed" + others
        : String.format(Locale.ROOT, "FAILED: %d MUST clause%s failed", mustFailed, mustFailed == 1 ? "" : "s")
            + others;
  }
}
