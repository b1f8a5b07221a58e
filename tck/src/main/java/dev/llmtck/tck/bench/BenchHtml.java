package dev.llmtck.tck.bench;

import dev.llmtck.fixtures.stats.Distribution;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * bench.html: the run's parameters, its metrics, and two charts drawn as inline SVG with real axes (zero origin,
 * ticks at round values, units): every request's TTFT and E2EL over the time it was sent, and the cumulative
 * distributions (the share of requests at or under a latency) of TTFT, ITL and E2EL, from which any percentile
 * is read off. The page needs nothing but itself, like report.html.
 */
final class BenchHtml {
  private static final String TTFT_COLOUR = "#0969da";
  private static final String E2EL_COLOUR = "#cf222e";
  private static final String ITL_COLOUR = "#1a7f37";
  private static final int WIDTH = 880;
  private static final int HEIGHT = 340;
  private static final int LEFT = 70;
  private static final int RIGHT = 24;
  private static final int TOP = 28;
  private static final int BOTTOM = 52;

  private static final String CSS = """
      body { margin: 0; font: 14px/1.5 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #1f2328; }
      header { background: #24292f; color: #fff; padding: 18px 32px; }
      header h1 { margin: 0; font-size: 22px; } header .sub { margin: 4px 0 0; color: #c9d1d9; }
      main { max-width: 1200px; margin: 0 auto; padding: 16px 32px 48px; }
      h2 { font-size: 18px; border-bottom: 1px solid #d0d7de; padding-bottom: 4px; margin-top: 28px; }
      table { border-collapse: collapse; }
      table.metrics th, table.metrics td { border: 1px solid #d0d7de; padding: 4px 14px; text-align: right; }
      table.metrics thead th { background: #f6f8fa; } table.metrics td:first-child { text-align: left; }
      table.kv th { text-align: left; padding: 2px 16px 2px 0; font-weight: 600; }
      svg text { font: 12px -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; fill: #1f2328; }
      svg .grid { stroke: #eaeef2; } svg .axis { stroke: #57606a; }
      .note { color: #57606a; }
      """;

  private final BenchReport report;
  private final LoadRun run;

  BenchHtml(BenchReport report, LoadRun run) {
    this.report = report;
    this.run = run;
  }

  String page(String targetLabel, BenchMetrics overhead) {
    BenchMetrics m = report.metrics();
    StringBuilder h = new StringBuilder(64 * 1024);
    h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>llmtck bench: ")
        .append(escape(targetLabel)).append("</title><style>").append(CSS).append("</style></head><body>")
        .append("<header><h1>llmtck bench</h1><p class=\"sub\">").append(escape(targetLabel)).append(", model ")
        .append(escape(run.settings().model())).append("</p></header><main>");
    h.append("<p>").append(m.completed()).append(" requests succeeded, ").append(m.failed()).append(" failed, in ")
        .append(f(m.durationSeconds())).append(" s: ").append(f(m.requestThroughput())).append(" req/s, ")
        .append(f(m.outputThroughput())).append(" output tok/s. ").append(escape(report.gateway().summary()))
        .append("</p>");
    parameters(h);
    metrics(h, m);
    if (overhead != null) {
      h.append("<p>Probe overhead (the same load against an in-process zero-latency server): E2EL mean ")
          .append(f(overhead.e2el().mean())).append(" ms, p50 ").append(f(overhead.e2el().median()))
          .append(" ms, p99 ").append(f(overhead.e2el().percentile(99))).append(" ms per request.</p>");
    }
    List<RequestRecord> ok = run.records().stream().filter(RequestRecord::success).toList();
    h.append("<h2>Latency of every request, by when it was sent</h2>").append(scatter(ok));
    h.append("<h2>Cumulative distribution</h2><p class=\"note\">The share of requests (of gaps, for ITL) at or "
        + "under each latency: the p50 is where a line crosses 50%, the p99 where it crosses 99%.</p>")
        .append(cdf(ok)).append("</main></body></html>\n");
    return h.toString();
  }

  private void parameters(StringBuilder h) {
    LoadSettings s = run.settings();
    h.append("<h2>Load</h2><table class=\"kv\">");
    kv(h, "endpoint", s.baseUrl() + (s.textCompletions() ? "/completions" : "/chat/completions"));
    kv(h, s.rateLimited() ? "request rate" : "concurrency", s.rateLimited()
        ? f(s.requestRate()) + " req/s (Poisson arrivals)" : s.concurrency() + " requests in flight");
    kv(h, "requests", s.requests() + " measured, " + s.warmups() + " warm-up");
    kv(h, "prompt", "about " + s.inputTokens() + " tokens (" + run.promptWords() + " words, calibrated on the "
        + "warm-ups' usage.prompt_tokens)");
    kv(h, "answer", "at most " + s.outputTokens() + " tokens" + (s.ignoreEos() ? ", ignore_eos" : ""));
    kv(h, "streamed", s.stream() ? "yes (stream_options.include_usage)" : "no");
    h.append("</table>");
  }

  private static void metrics(StringBuilder h, BenchMetrics m) {
    h.append("<h2>Metrics</h2><table class=\"metrics\"><thead><tr><th>metric (ms)</th><th>mean</th><th>p50</th>"
        + "<th>p90</th><th>p99</th><th>max</th><th>samples</th></tr></thead><tbody>");
    for (var e : List.of(Map.entry("TTFT", m.ttft()), Map.entry("TPOT", m.tpot()), Map.entry("ITL", m.itl()),
        Map.entry("E2EL", m.e2el()))) {
      Distribution d = e.getValue();
      h.append("<tr><td>").append(e.getKey()).append("</td><td>").append(f(d.mean())).append("</td><td>")
          .append(f(d.percentile(50))).append("</td><td>").append(f(d.percentile(90))).append("</td><td>")
          .append(f(d.percentile(99))).append("</td><td>").append(f(d.max())).append("</td><td>")
          .append(d.count()).append("</td></tr>");
    }
    h.append("</tbody></table>");
  }

  private String scatter(List<RequestRecord> ok) {
    if (ok.isEmpty()) {
      return "<p class=\"note\">No request succeeded: nothing to draw.</p>";
    }
    long t0 = ok.stream().mapToLong(RequestRecord::startNanos).min().orElse(0);
    double xMax = niceCeiling(ok.stream().mapToLong(r -> r.startNanos() - t0).max().orElse(0) / 1e9);
    double yMax = niceCeiling(ok.stream().mapToLong(RequestRecord::latencyNanos).max().orElse(0) / 1e6);
    StringBuilder svg = frame("request latency over the run", xMax, "time sent (s since the first request)",
        yMax, "latency (ms)", false);
    for (RequestRecord r : ok) {
      double x = x((r.startNanos() - t0) / 1e9, xMax);
      svg.append(dot(x, y(r.latencyNanos() / 1e6, yMax), E2EL_COLOUR));
      svg.append(dot(x, y(r.ttftNanos() / 1e6, yMax), TTFT_COLOUR));
    }
    legend(svg, List.of(Map.entry("E2EL", E2EL_COLOUR), Map.entry("TTFT", TTFT_COLOUR)));
    return svg.append("</svg>").toString();
  }

  private String cdf(List<RequestRecord> ok) {
    double[] ttft = ok.stream().mapToDouble(r -> r.ttftNanos() / 1e6).sorted().toArray();
    double[] e2el = ok.stream().mapToDouble(r -> r.latencyNanos() / 1e6).sorted().toArray();
    double[] itl = ok.stream().flatMapToLong(r -> Arrays.stream(r.itlNanos())).mapToDouble(n -> n / 1e6).sorted()
        .toArray();
    if (e2el.length == 0) {
      return "<p class=\"note\">No request succeeded: nothing to draw.</p>";
    }
    double xMax = niceCeiling(e2el[e2el.length - 1]);
    StringBuilder svg = frame("cumulative distribution of latencies", xMax, "latency (ms)", 100, "requests at or "
        + "under (%)", true);
    line(svg, itl, xMax, ITL_COLOUR);
    line(svg, ttft, xMax, TTFT_COLOUR);
    line(svg, e2el, xMax, E2EL_COLOUR);
    legend(svg, List.of(Map.entry("ITL", ITL_COLOUR), Map.entry("TTFT", TTFT_COLOUR), Map.entry("E2EL",
        E2EL_COLOUR)));
    return svg.append("</svg>").toString();
  }

  /** The empirical CDF of sorted {@code samples} as a step line. */
  private static void line(StringBuilder svg, double[] samples, double xMax, String colour) {
    if (samples.length == 0) {
      return;
    }
    StringBuilder points = new StringBuilder();
    points.append(fmt(x(samples[0], xMax))).append(',').append(fmt(y(0, 100)));
    int step = Math.max(1, samples.length / 400); // a few hundred points draw any run faithfully
    for (int i = 0; i < samples.length; i += step) {
      double share = 100.0 * (i + 1) / samples.length;
      points.append(' ').append(fmt(x(samples[i], xMax))).append(',').append(fmt(y(share, 100)));
    }
    points.append(' ').append(fmt(x(samples[samples.length - 1], xMax))).append(',').append(fmt(y(100, 100)));
    svg.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(colour).append("\" points=\"")
        .append(points).append("\"/>");
  }

  /** The chart's frame: axes from zero, grid lines and labelled ticks at round values, axis titles. */
  private static StringBuilder frame(String label, double xMax, String xTitle, double yMax, String yTitle,
      boolean percentLines) {
    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
        .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
        .append("\" role=\"img\" aria-label=\"").append(escape(label)).append("\">")
        .append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>");
    double[] yTicks = percentLines ? new double[] {0, 25, 50, 75, 90, 100} : ticks(yMax);
    for (double t : yTicks) {
      double y = y(t, yMax);
      svg.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%d\" y1=\"%s\" x2=\"%d\" y2=\"%s\"/>", LEFT,
          fmt(y), WIDTH - RIGHT, fmt(y)));
      svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%s\" text-anchor=\"end\">%s</text>", LEFT - 6,
          fmt(y + 4), tick(t)));
    }
    for (double t : ticks(xMax)) {
      double x = x(t, xMax);
      svg.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%s\" y1=\"%d\" x2=\"%s\" y2=\"%d\"/>",
          fmt(x), TOP, fmt(x), HEIGHT - BOTTOM));
      svg.append(String.format(Locale.ROOT, "<text x=\"%s\" y=\"%d\" text-anchor=\"middle\">%s</text>", fmt(x),
          HEIGHT - BOTTOM + 16, tick(t)));
    }
    svg.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>", LEFT,
        HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM));
    svg.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>", LEFT,
        TOP, LEFT, HEIGHT - BOTTOM));
    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>",
        (LEFT + WIDTH - RIGHT) / 2, HEIGHT - 12, escape(xTitle)));
    svg.append(String.format(Locale.ROOT, "<text transform=\"translate(16 %d) rotate(-90)\" text-anchor=\"middle\">"
        + "%s</text>", (TOP + HEIGHT - BOTTOM) / 2, escape(yTitle)));
    return svg;
  }

  private static void legend(StringBuilder svg, List<Map.Entry<String, String>> series) {
    int x = LEFT + 10;
    for (Map.Entry<String, String> s : series) {
      svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"8\" width=\"12\" height=\"12\" fill=\"%s\"/>"
          + "<text x=\"%d\" y=\"18\">%s</text>", x, s.getValue(), x + 16, s.getKey()));
      x += 70;
    }
  }

  /** Round tick values from 0 to {@code max} (which {@link #niceCeiling} made round), four to ten of them. */
  static double[] ticks(double max) {
    double step = niceStep(max / 5);
    int n = (int) Math.round(max / step);
    double[] ticks = new double[n + 1];
    for (int i = 0; i <= n; i++) {
      ticks[i] = i * step;
    }
    return ticks;
  }

  /** The smallest multiple of a round step (1, 2 or 5 times a power of ten) at or above {@code value}. */
  static double niceCeiling(double value) {
    if (!(value > 0)) {
      return 1;
    }
    double step = niceStep(value / 5);
    return Math.ceil(value / step - 1e-9) * step;
  }

  private static double niceStep(double raw) {
    double power = Math.pow(10, Math.floor(Math.log10(raw)));
    double fraction = raw / power;
    return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
  }

  private static double x(double value, double max) {
    return LEFT + value / max * (WIDTH - LEFT - RIGHT);
  }

  private static double y(double value, double max) {
    return HEIGHT - BOTTOM - value / max * (HEIGHT - TOP - BOTTOM);
  }

  private static String dot(double x, double y, String colour) {
    return "<circle cx=\"" + fmt(x) + "\" cy=\"" + fmt(y) + "\" r=\"2.5\" fill=\"" + colour
        + "\" fill-opacity=\"0.7\"/>";
  }

  private static void kv(StringBuilder h, String key, String value) {
    h.append("<tr><th>").append(escape(key)).append("</th><td>").append(escape(value)).append("</td></tr>");
  }

  private static String tick(double value) {
    return value == Math.rint(value) ? String.format(Locale.ROOT, "%,.0f", value)
        : String.format(Locale.ROOT, "%s", stripZeros(value));
  }

  private static String stripZeros(double value) {
    return new java.math.BigDecimal(value).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
  }

  private static String fmt(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  private static String f(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  static String escape(String text) {
    return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
