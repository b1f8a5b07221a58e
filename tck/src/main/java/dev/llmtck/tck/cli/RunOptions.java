package dev.llmtck.tck.cli;

import dev.llmtck.tck.platform.CommonSettings;
import dev.llmtck.tck.platform.Platform;
import dev.llmtck.tck.platform.Platforms;
import dev.llmtck.tck.platform.Setting;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The flags of {@code llmtck run}, as given. The run's own flags are fields; the flags that describe a target
 * are the ones the installed platforms' settings declare ({@link Setting#flags()}), kept by name for the
 * {@link TargetResolver} of the chosen platform, so a new platform's flags need no change here.
 */
final class RunOptions {
  static final String USAGE_HEAD = String.join("\n",
      "usage: llmtck run [--profile FILE ...] [--platform " + String.join("|", Platforms.ids()) + "] [target flags]",
      "                  [--capability NAME ...] [--waivers FILE] [--report-dir DIR] [--timeout SECONDS]",
      "                  [--clause ID ...] [--area AREA ...] [--set llmtck.KEY=VALUE ...]",
      "With no options: certifies the embedded reference platform (an OpenAI-compatible vLLM simulator).",
      "  --profile FILE         a target described in YAML (see profiles/); flags override it. Repeat it to",
      "                         certify several targets in one run, side by side (then only --report-dir and",
      "                         --timeout may be given: every other setting belongs in the profiles)",
      "  --platform P           which contract: " + String.join(", ", Platforms.ids()) + " (default openai)",
      "  --capability NAME      an optional capability the target has (repeat or comma-separate), e.g. tools",
      "  --waivers FILE         accepted failures (YAML: waivers: [{id, reason, expires}])",
      "  --report-dir DIR       where report.json, report.html and junit.xml go (default target/llmtck-report)",
      "  --timeout SECONDS      per-request timeout (default 60); a clause is stopped after 3x this + 10 s",
      "  --clause ID            run only this clause (repeat it; llmtck clauses lists them)",
      "  --area AREA            run only the clauses of this area, e.g. OAI-STREAM (repeat it)",
      "  --set KEY=VALUE        any other llmtck.* setting, passed to the contract as is");
  static final String USAGE_TAIL = String.join("\n",
      "Secrets (API keys, AWS keys) are best given in the environment variables named above, not on the command line.",
      "Exit codes: 0 every MUST clause passed, 1 a MUST clause failed (of any target), 2 usage or configuration",
      "error (of any target, found before anything runs).");

  /** Flags that apply to the whole run rather than to one target; all others describe a target. */
  static final Set<String> RUN_FLAGS = Set.of("--profile", "--report-dir", "--timeout");
  private static final Set<String> OWN_FLAGS = Set.of("--profile", "--report-dir", "--waivers", "--set", "--clause",
      "--area", "--help", "-h");

  final List<Path> profiles = new ArrayList<>();
  /** Target flags as given ({@code --base-url} to its values, in order); repeated flags keep every value. */
  final Map<String, List<String>> targetFlags = new LinkedHashMap<>();
  /** The flags given, as typed, in order; to refuse target flags beside several profiles. */
  final Set<String> given = new LinkedHashSet<>();
  Path waivers;
  Path reportDir;
  final Map<String, String> settings = new LinkedHashMap<>();
  final List<String> clauses = new ArrayList<>();
  final List<String> areas = new ArrayList<>();
  boolean help;

  /** The usage text, with every installed platform's target flags. */
  static String usage() {
    StringBuilder text = new StringBuilder(USAGE_HEAD).append('\n');
    for (Platform<?, ?> platform : Platforms.all()) {
      text.append("Target flags of --platform ").append(platform.id()).append(" (").append(platform.displayName())
          .append("):\n");
      for (Setting setting : platform.settings()) {
        String where = setting.flags().isEmpty() ? "  --set " + setting.key() + "=..."
            : "  " + String.join(", ", setting.flags()) + (setting.kind() == Setting.Kind.BOOLEAN ? " true|false"
                : " " + setting.kind().name().toLowerCase(Locale.ROOT).replace("positive_integer", "n"));
        text.append(String.format(Locale.ROOT, "%-36s %s", where, setting.description()));
        if (!setting.environment().isEmpty()) {
          text.append(" (env ").append(String.join(", ", setting.environment())).append(')');
        }
        text.append('\n');
      }
    }
    return text.append(USAGE_TAIL).toString();
  }

  static RunOptions parse(String... args) {
    Set<String> targetFlagNames = targetFlagNames();
    RunOptions options = new RunOptions();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String value = null;
      int equals = arg.indexOf('=');
      if (arg.startsWith("--") && equals > 0) {
        value = arg.substring(equals + 1);
        arg = arg.substring(0, equals);
      }
      if (arg.equals("--help") || arg.equals("-h")) {
        options.help = true;
        continue;
      }
      if (!arg.startsWith("--")) {
        throw new UsageException("unexpected argument '" + arg + "'");
      }
      if (!OWN_FLAGS.contains(arg) && !targetFlagNames.contains(arg)) {
        throw new UsageException("unknown option " + arg);
      }
      if (value == null) {
        if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
          throw new UsageException(arg + " needs a value");
        }
        value = args[++i];
      }
      options.set(arg, value);
    }
    return options;
  }

  /** The target flags given; with several profiles they would be ambiguous. */
  List<String> targetFlagsGiven() {
    List<String> flags = new ArrayList<>();
    for (String flag : given) {
      if (!RUN_FLAGS.contains(flag) && !flag.equals("--waivers") && !flag.equals("--clause")
          && !flag.equals("--area")) {
        flags.add(flag);
      }
    }
    return flags;
  }

  /** The value of a target flag (the last given), or {@code null}. */
  String flag(String name) {
    List<String> values = targetFlags.get(name);
    return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
  }

  private void set(String flag, String value) {
    given.add(flag);
    switch (flag) {
      case "--profile" -> profiles.add(Path.of(value));
      case "--waivers" -> waivers = Path.of(value);
      case "--report-dir" -> reportDir = Path.of(value);
      case "--clause" -> clauses.add(value.strip());
      case "--area" -> areas.add(value.strip());
      case "--set" -> {
        int equals = value.indexOf('=');
        if (equals <= 0 || !value.startsWith("llmtck.")) {
          throw new UsageException("--set takes llmtck.KEY=VALUE, not '" + value + "'");
        }
        settings.put(value.substring(0, equals), value.substring(equals + 1));
      }
      default -> targetFlags.computeIfAbsent(flag, f -> new ArrayList<>()).add(value);
    }
  }

  /** Every target flag an installed platform (or the shared settings) declares. */
  private static Set<String> targetFlagNames() {
    Set<String> names = new TreeSet<>();
    CommonSettings.ALL.forEach(s -> names.addAll(s.flags()));
    Platforms.all().forEach(p -> p.settings().forEach(s -> names.addAll(s.flags())));
    return names;
  }
}
