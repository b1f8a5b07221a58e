package dev.llmtck.tck.cli;

import dev.llmtck.tck.openai.OpenAiSettings;
import dev.llmtck.tck.fidelity.Fidelity;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code llmtck fidelity}: compares llmtck's vLLM simulator with a real OpenAI-compatible platform, request by
 * request (the whole OAI contract plus malformed requests), and reports every difference in shape. The target is
 * given as for {@code run} (a profile, with or without {@code launch:}, or {@code --base-url}/{@code --model}).
 */
final class FidelityCommand {
  static final String USAGE = String.join("\n",
      "usage: llmtck fidelity [--profile FILE | --base-url URL --model NAME] [--api-key KEY]",
      "                       [--capability tools] [--known FILE] [--strict] [--report-dir DIR] [--timeout S]",
      "Sends the OAI contract's requests and a set of malformed ones, through a comparing proxy, to the platform",
      "and to llmtck's vLLM simulator configured as the same release (vLLM version, served names, key, context",
      "window, tool calling read from the platform), and reports where the answers differ in shape: status,",
      "media type, JSON paths and types, contract values (object, finish_reason, error type), SSE framing.",
      "  --known FILE     understood differences (YAML: known: [{fact: <regex>, request: <regex>, reason: ...}])",
      "  --strict         exit 1 when a difference is unexplained, or a known one was not seen (stale)",
      "  --report-dir DIR where fidelity.json goes (default target/llmtck-fidelity)",
      "Exit codes: 0 compared (and, with --strict, nothing unexplained or stale), 1 --strict found something,",
      "2 usage or configuration error, or the check could not run.");
  static final Path DEFAULT_REPORT_DIR = Path.of("target", "llmtck-fidelity");

  private final RunCommand runs;

  FidelityCommand(RunCommand runs) {
    this.runs = runs;
  }

  int run(String[] args, PrintStream out, PrintStream err) {
    Path known = null;
    boolean strict = false;
    List<String> rest = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--known" -> {
          if (i + 1 >= args.length) {
            return usage(err, "--known needs a file");
          }
          known = Path.of(args[++i]);
        }
        case "--strict" -> strict = true;
        case "--help", "-h" -> {
          out.println(USAGE);
          return 0;
        }
        default -> rest.add(args[i]);
      }
    }
    RunCommand.Prepared prepared;
    RunOptions options;
    try {
      options = RunOptions.parse(rest.toArray(String[]::new));
      if (options.profiles.size() > 1) {
        return usage(err, "fidelity compares one platform: give one --profile");
      }
      prepared = runs.prepare(options, options.profiles.isEmpty() ? null : options.profiles.get(0));
    } catch (UsageException | IllegalArgumentException e) {
      return usage(err, e.getMessage());
    }
    if (!prepared.target().platform().equals("openai")) {
      return usage(err, "fidelity compares OpenAI-compatible platforms with the vLLM simulator (platform openai),"
          + " not '" + prepared.target().platform() + "'");
    }
    Path reportDir = options.reportDir != null ? options.reportDir : DEFAULT_REPORT_DIR;
    try (LaunchedTarget launched = LaunchedTarget.start(prepared.profile(), prepared.profileDirectory(),
        prepared.target(), out)) {
      if (launched.target().get(dev.llmtck.tck.openai.OpenAiSettings.BASE_URL.key()) == null) {
        return usage(err, "fidelity needs a platform to compare with: --base-url and --model, or a profile");
      }
      return Fidelity.run(launched.target(), known, strict, reportDir, out, err, KitVersion.get());
    } catch (LaunchedTarget.LaunchFailure e) {
      err.println("llmtck fidelity: " + e.getMessage());
      return 2;
    }
  }

  private static int usage(PrintStream err, String message) {
    err.println("llmtck fidelity: " + message);
    err.println("(llmtck fidelity --help lists the options)");
    return 2;
  }
}
