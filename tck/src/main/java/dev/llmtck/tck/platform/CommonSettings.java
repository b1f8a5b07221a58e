package dev.llmtck.tck.platform;

import java.util.List;

/** The settings every platform's contract reads. */
public final class CommonSettings {

  /** Which platform a run certifies: a {@link Platform#id()}. */
  public static final Setting PLATFORM = Setting.of("llmtck.platform", Setting.Kind.TEXT,
      "which platform's contract runs").withDefault("openai").withFlags("--platform").withProfileFields("platform");

  /** Declared optional capabilities, comma separated, e.g. {@code tools}. */
  public static final Setting CAPABILITIES = Setting.of("llmtck.capabilities", Setting.Kind.LIST,
      "optional capabilities the target has, e.g. tools").withFlags("--capability", "--capabilities")
      .withProfileFields("capabilities");

  /** Per-request timeout in seconds; a hanging endpoint fails the clause after this long. */
  public static final Setting TIMEOUT_SECONDS = Setting.of("llmtck.timeoutSeconds", Setting.Kind.POSITIVE_INTEGER,
      "per-request timeout in seconds").withDefault("60").withFlags("--timeout").withProfileFields("timeoutSeconds");

  /** The id of a run whose typed target the runner registered ({@link RunTargets}); set by the runner only. */
  public static final Setting RUN = Setting.of("llmtck.run", Setting.Kind.TEXT,
      "the runner's own handle on a run (set by the runner)");

  /** All of them. */
  public static final List<Setting> ALL = List.of(PLATFORM, CAPABILITIES, TIMEOUT_SECONDS, RUN);

  /** The default per-request timeout in seconds. */
  public static final int DEFAULT_TIMEOUT_SECONDS = Integer.parseInt(TIMEOUT_SECONDS.defaultValue());

  private CommonSettings() {
  }
}
