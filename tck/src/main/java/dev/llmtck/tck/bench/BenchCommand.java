package dev.llmtck.tck.bench;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * {@code llmtck bench}: measures a target under load (TTFT, ITL, TPOT, E2EL, requests/s, output tokens/s, with
 * vLLM benchmark_serving's definitions) and writes {@code bench.json} and {@code bench.html}. Usage errors print
 * a message and return 2; the API key is never printed.
 */
public final class BenchCommand {
  static final String USAGE = String.join("\n",
      "usage: llmtck bench [--base-url URL --model NAME [--api-key KEY]] [--concurrency C | --rate R]",
      "                    [--requests N] [--warmups N] [--input-tokens N] [--output-tokens N] [--no-stream]",
      "                    [--ignore-eos] [--timeout S] [--gateway-timeout S] [--measure-overhead]",
      "                    [--endpoint chat|completions] [--report-dir DIR] [--sim-ttft-ms MS] [--sim-itl-ms MS]",
      "  --base-url URL        the target's OpenAI-compatible base URL, ending in /v1",
      "                        (without it: the embedded reference platform)",
      "  --model NAME          the model to ask for (default: the first one /v1/models lists)",
      "  --api-key KEY         bearer key (or set LLMTCK_API_KEY); never printed",
      "  --concurrency C       requests in flight at once (default 4)",
      "  --rate R              requests per second, Poisson arrivals, no concurrency limit",
      "  --requests N          measured requests (default 100); --warmups N unmeasured ones first (default 2)",
      "  --input-tokens N      prompt length (default 128); --output-tokens N  max_tokens (default 128)",
      "  --endpoint E          chat (default: /chat/completions) or completions (/completions with a prompt,",
      "                        what GitLab code completion calls)",
      "  --no-stream           non-streamed requests (TTFT = E2EL, no ITL)",
      "  --ignore-eos          send vLLM's ignore_eos so every answer is --output-tokens long",
      "  --timeout S           per-request timeout in seconds (default 300)",
      "  --gateway-timeout S   GitLab AI gateway timeout to compare with (default 60)",
      "  --measure-overhead    also run the same load against an in-process zero-latency server",
      "  --report-dir DIR      where bench.json and bench.html go (default target/llmtck-bench)",
      "  --sim-ttft-ms MS, --sim-itl-ms MS   the embedded platform's simulated latencies (default 50, 10)");

  private BenchCommand() {
  }

  /** {@code llmtck bench} on its own (the runner's {@code bench} subcommand calls {@link #run}). */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs {@code llmtck bench} with {@code args} (after the subcommand). Returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    BenchOptions options;
    try {
      options = BenchOptions.parse(args, System.getenv("LLMTCK_API_KEY"));
    } catch (IllegalArgumentException e) {
      err.println("llmtck bench: " + e.getMessage());
      err.println(USAGE);
      return 2;
    }
    if (options.help()) {
      out.println(USAGE);
      return 0;
    }
    try (EmbeddedTarget embedded = options.baseUrl() == null ? EmbeddedTarget.start(options) : null) {
      URI baseUrl = embedded != null ? embedded.baseUrl() : options.baseUrl();
      String apiKey = embedded != null ? embedded.apiKey() : options.apiKey();
      String model = options.model() != null ? options.model()
          : ModelDiscovery.firstModel(baseUrl, apiKey, Duration.ofSeconds(30));
      String label = embedded != null ? "embedded reference platform (" + embedded.describe() + ")"
          : baseUrl.toString();
      LoadSettings settings = options.settings(baseUrl, model, apiKey);
      out.printf(Locale.ROOT, "llmtck bench: %s, model %s, %s, %d requests (+%d warm-up), %d input / %d output"
              + " tokens%s%n", label, model,
          settings.rateLimited() ? settings.requestRate() + " req/s" : "concurrency " + settings.concurrency(),
          settings.requests(), settings.warmups(), settings.inputTokens(), settings.outputTokens(),
          (settings.stream() ? ", streamed" : ", not streamed")
              + (settings.textCompletions() ? ", text completions" : ", chat completions"));
      LoadRun run = new LoadProbe(settings, new Progress(out, settings.requests())).run();
      BenchMetrics overhead = null;
      if (options.measureOverhead()) {
        out.println("measuring the probe's own overhead against a zero-latency server ...");
        overhead = ProbeOverhead.measure(settings);
      }
      BenchReport report = new BenchReport(run, options.gatewayTimeoutSeconds(), overhead, label);
      report.print(out);
      report.write(options.reportDir());
      out.println("report: " + options.reportDir().resolve("bench.json") + ", "
          + options.reportDir().resolve("bench.html"));
      return report.metrics().completed() > 0 ? 0 : 1;
    } catch (ModelDiscovery.DiscoveryException e) {
      err.println("llmtck bench: " + e.getMessage());
      return 1;
    } catch (java.io.IOException e) {
      err.println("llmtck bench: cannot write the report: " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("llmtck bench: interrupted");
      return 130;
    }
  }

  /** Prints a line at every tenth of the run. */
  private static final class Progress implements java.util.function.IntConsumer {
    private final PrintStream out;
    private final int total;
    private final long start = System.nanoTime();
    private int lastTenth;

    Progress(PrintStream out, int total) {
      this.out = out;
      this.total = total;
    }

    @Override
    public synchronized void accept(int done) {
      int tenth = done * 10 / total;
      if (tenth > lastTenth) {
        lastTenth = tenth;
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "  %5d/%d requests done (%3d%%), %.1f s, %.1f req/s%n", done, total, tenth * 10,
            seconds, done / Math.max(seconds, 1e-9));
      }
    }
  }
}
