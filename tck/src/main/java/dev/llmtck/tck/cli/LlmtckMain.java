package dev.llmtck.tck.cli;

import dev.llmtck.fixtures.FixturesMain;
import java.io.PrintStream;
import java.util.Arrays;

/**
 * llmtck's command line ({@code ./llmtck} at the repository root runs it):
 * <ul>
 *   <li>{@code run [options]}: certify a platform against its contract (no options: the embedded reference
 *   platform);</li>
 *   <li>{@code serve openai|bedrock|azure [options]}: run a reference platform until killed;</li>
 *   <li>{@code bench [options]}: measure a platform under load;</li>
 *   <li>{@code --help}, {@code --version}.</li>
 * </ul>
 * Exit codes: 0 success, 1 a MUST clause failed (run) or the command failed, 2 usage or configuration error.
 */
public final class LlmtckMain {
  static final String USAGE = String.join("\n",
      "usage: llmtck <command> [options]",
      "  run [options]                       certify a platform (no options: the embedded reference platform)",
      "  serve openai|bedrock|azure [opts]   run a reference platform until killed",
      "  bench [options]                     measure a platform under load",
      "  fidelity [options]                  compare llmtck's vLLM simulator with a real platform",
      "  clauses [--platform P] [--json]     list the contract's clauses (id, level, statement, source)",
      "  --version                           print the kit's version",
      "  <command> --help                    the command's options");

  private LlmtckMain() {
  }

  public static void main(String[] args) {
    // Libraries in the kit log through SLF4J without a binding; its "no providers" notice is noise to a user.
    if (System.getProperty("slf4j.internal.verbosity") == null) {
      System.setProperty("slf4j.internal.verbosity", "ERROR");
    }
    // A thread of the kit that dies (a library's worker, say) is told in one line, never with a stack trace.
    Thread.setDefaultUncaughtExceptionHandler((thread, e) -> System.err.println(crashLine(
        "thread " + thread.getName(), e)));
    int code;
    try {
      code = run(args, System.out, System.err);
    } catch (Throwable e) { // whatever escaped run(): still one line and exit code 2, never 1
      System.err.println(crashLine(args.length == 0 ? "" : args[0], e));
      code = 2;
    }
    System.out.flush();
    System.exit(code);
  }

  /**
   * The one line that says the kit itself failed (never the platform): exit code 2, not 1, which would claim a
   * MUST clause failed.
   */
  static String crashLine(String where, Throwable e) {
    String message = e.getMessage() == null ? "" : ": " + dev.llmtck.tck.evidence.SafeText.line(
        dev.llmtck.tck.evidence.SafeText.cut(e.getMessage().strip(), 300));
    String hint = e instanceof OutOfMemoryError
        ? " (the kit ran out of memory: give it more with LLMTCK_JAVA_OPTS=-Xmx..., and please report what the"
            + " target sent)"
        : "; please report this";
    return "llmtck" + (where.isEmpty() ? "" : " " + where) + ": the kit failed unexpectedly ("
        + e.getClass().getSimpleName() + message + ")" + hint;
  }

  /** Runs one command; returns its exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, out, err, System.getenv());
  }

  /** Runs one command with {@code env} as the environment; returns its exit code. */
  static int run(String[] args, PrintStream out, PrintStream err, java.util.Map<String, String> env) {
    if (args.length == 0) {
      err.println(USAGE);
      return 2;
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    try {
      switch (args[0]) {
        case "run":
          return new RunCommand(env).run(rest, out, err);
        case "serve":
          return FixturesMain.run(args, out, err);
        case "fidelity":
          return new FidelityCommand(new RunCommand(env)).run(rest, out, err);
        case "clauses":
          return ClausesCommand.run(rest, out, err);
        case "bench":
          return dev.llmtck.tck.bench.BenchCommand.run(rest, out, err);
        case "--version":
        case "version":
          out.println("llmtck " + KitVersion.get());
          return 0;
        case "--help":
        case "-h":
        case "help":
          out.println(USAGE);
          return 0;
        default:
          err.println("llmtck: unknown command '" + args[0] + "'");
          err.println(USAGE);
          return 2;
      }
    } catch (RuntimeException | Error e) {
      // A bug in the kit, not in the platform (or the kit's memory exhausted): say so in one line rather than
      // with a stack trace, and exit 2: exit 1 would say a MUST clause failed.
      err.println(crashLine(args[0], e));
      return 2;
    }
  }
}
