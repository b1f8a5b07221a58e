package dev.llmtck.tck.bench;

import dev.llmtck.fixtures.stats.Distribution;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a load run: {@code bench.json} (machine-readable; its fields are documented in README, section
 * "llmtck bench"), {@code bench.html} (the same numbers and a latency chart), and a summary in the terminal
 * laid out like vLLM's.
 */
public final class BenchReport {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final LoadRun run;
  private final BenchMetrics metrics;
  private final GatewayTimeoutCheck gateway;
  private final BenchMetrics overhead;
  private final String targetLabel;

  /**
   * A report of {@code run}; {@code overhead} is the same load against a zero-latency server (or {@code null}),
   * {@code targetLabel} names the target (never holds the key).
   */
  public BenchReport(LoadRun run, double gatewayTimeoutSeconds, BenchMetrics overhead, String targetLabel) {
    this.run = run;
    this.metrics = run.metrics();
    this.gateway = GatewayTimeoutCheck.of(metrics, gatewayTimeoutSeconds);
    this.overhead = overhead;
    this.targetLabel = targetLabel;
  }

  public BenchMetrics metrics() {
    return metrics;
  }

  public GatewayTimeoutCheck gateway() {
    return gateway;
  }

  /** The report as the JSON tree written to {@code bench.json}. */
  public ObjectNode json() {
    LoadSettings s = run.settings();
    ObjectNode root = MAPPER.createObjectNode();
    root.put("tool", "llmtck bench");
    root.put("definitions", "vLLM benchmark_serving (vllm/benchmarks/serve.py, calculate_metrics)");
    root.put("finishedAt", Instant.now().toString());
    ObjectNode target = root.putObject("target");
    target.put("label", targetLabel);
    target.put("baseUrl", s.baseUrl().toString());
    target.put("model", s.model());
    target.put("apiKeySent", s.apiKey() != null);
    ObjectNode load = root.putObject("load");
    if (s.rateLimited()) {
      load.put("requestRate", s.requestRate());
    } else {
      load.put("concurrency", s.concurrency());
    }
    load.put("requests", s.requests());
    load.put("warmups", s.warmups());
    load.put("inputTokens", s.inputTokens());
    load.put("promptWords", run.promptWords());
    load.put("maxOutputTokens", s.outputTokens());
    load.put("endpoint", s.textCompletions() ? "completions" : "chat/completions");
    load.put("stream", s.stream());
    load.put("ignoreEos", s.ignoreEos());
    root.set("metrics", MAPPER.valueToTree(metrics));
    root.set("gitlabGateway", MAPPER.valueToTree(gateway));
    if (overhead != null) {
      ObjectNode probe = root.putObject("probeOverhead");
      probe.put("note", "the same load against an in-process zero-latency server: what the probe itself adds");
      probe.set("ttft", MAPPER.valueToTree(overhead.ttft()));
      probe.set("e2el", MAPPER.valueToTree(overhead.e2el()));
      probe.put("requestThroughput", overhead.requestThroughput());
    }
    var failures = root.putArray("failures");
    run.records().stream().filter(r -> !r.success()).map(RequestRecord::error).distinct().limit(10)
        .forEach(failures::add);
    return root;
  }

  /** Writes {@code bench.json} and {@code bench.html} into {@code dir} (created if missing). */
  public void write(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.write(dir.resolve("bench.json"), MAPPER.writeValueAsBytes(json()));
    Files.writeString(dir.resolve("bench.html"), html(), StandardCharsets.UTF_8);
  }

  /** The terminal summary. */
  public void print(PrintStream out) {
    String rule = "=".repeat(58);
    out.println(rule);
    out.println(center(" llmtck bench result ", 58));
    out.println(rule);
    row(out, "Target:", targetLabel);
    row(out, "Successful requests:", Integer.toString(metrics.completed()));
    row(out, "Failed requests:", Integer.toString(metrics.failed()));
    row(out, "Peak concurrent requests:", Integer.toString(metrics.peakConcurrency()));
    row(out, "Benchmark duration (s):", f(metrics.durationSeconds()));
    row(out, "Total input tokens:", Long.toString(metrics.totalInputTokens()));
    row(out, "Total generated tokens:", Long.toString(metrics.totalOutputTokens()));
    row(out, "Request throughput (req/s):", f(metrics.requestThroughput()));
    row(out, "Output token throughput (tok/s):", f(metrics.outputThroughput()));
    row(out, "Total token throughput (tok/s):", f(metrics.totalTokenThroughput()));
    section(out, "Time to First Token", "TTFT", metrics.ttft());
    section(out, "Time per Output Token (excl. 1st token)", "TPOT", metrics.tpot());
    section(out, "Inter-token Latency", "ITL", metrics.itl());
    section(out, "End-to-end Latency", "E2EL", metrics.e2el());
    out.println(rule);
    out.println(gateway.summary());
    if (overhead != null) {
      out.printf(Locale.ROOT, "Probe overhead (same load, zero-latency server): E2EL mean %.3f ms, p50 %.3f ms,"
          + " p99 %.3f ms per request%n", overhead.e2el().mean(), overhead.e2el().median(),
          overhead.e2el().percentile(99));
    }
    run.records().stream().filter(r -> !r.success()).map(RequestRecord::error).distinct().limit(5)
        .forEach(e -> out.println("failure: " + e));
  }

  private static void section(PrintStream out, String title, String key, Distribution d) {
    String label = " " + title + " ";
    int left = (58 - label.length()) / 2;
    out.println("-".repeat(left) + label + "-".repeat(Math.max(0, 58 - left - label.length())));
    row(out, "Mean " + key + " (ms):", f(d.mean()));
    row(out, "Median " + key + " (ms):", f(d.median()));
    for (Map.Entry<String, Double> p : d.percentiles().entrySet()) {
      row(out, "P" + p.getKey().substring(1) + " " + key + " (ms):", f(p.getValue()));
    }
  }

  private static void row(PrintStream out, String name, String value) {
    out.printf(Locale.ROOT, "%-40s%18s%n", name, value);
  }

  private static String center(String text, int width) {
    int left = Math.max(0, (width - text.length()) / 2);
    String line = " ".repeat(left) + text;
    return line + " ".repeat(Math.max(0, width - line.length()));
  }

  private static String f(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  private String html() {
    return new BenchHtml(this, run).page(targetLabel, overhead);
  }
}
