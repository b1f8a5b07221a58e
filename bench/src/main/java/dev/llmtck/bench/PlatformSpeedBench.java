package dev.llmtck.bench;

import dev.llmtck.tck.bench.CannedChat;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The reference platform's speed, in one run on this machine: non-streamed chat requests per second and
 * streamed tokens per second of the reference platform, of its bare HTTP core, of WireMock serving the same
 * canned answer and of a minimal non-blocking server (the practical limit), with the ratios; then many
 * concurrent paced streams and how far their inter-token gaps drift from the configured one. Every target
 * runs in this JVM, one at a time, loaded by the same lean client ({@link LoopbackLoad}); rounds alternate
 * between targets so that a noisy neighbour hurts all of them alike, and the median round counts.
 */
public final class PlatformSpeedBench {

  private PlatformSpeedBench() {
  }

  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("platform-speed: " + e.getMessage());
      System.err.println(Options.USAGE);
      System.exit(2);
      return;
    }
    if (options.help) {
      System.out.println(Options.USAGE);
      return;
    }
    run(options, System.out);
  }

  static void run(Options o, PrintStream out) throws IOException {
    out.printf(Locale.ROOT, "platform-speed: java %s, %d processors, load average %s%n",
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), loadAverage());
    if (!o.onlyDrift) {
      throughput(o, out);
    }
    if (!o.skipDrift) {
      drift(o, out);
    }
  }

  private static void throughput(Options o, PrintStream out) throws IOException {
    CannedChat answer;
    try (ReferencePlatformTarget capture = new ReferencePlatformTarget(Duration.ZERO, Duration.ZERO)) {
      answer = capture.capture(o.tokens);
    }
    int tokens = countContentEvents(answer);
    out.printf(Locale.ROOT, "answer: %d tokens (%d events, %d bytes streamed, %d bytes as JSON); %d connections,"
            + " %d rounds of %d ms (after %d ms warm-up) per target and mode%n", tokens, answer.events().size(),
        answer.eventStream().length, answer.json().length, o.connections, o.rounds, o.measureMillis,
        o.warmupMillis);
    Map<String, Supplier<SpeedTarget>> targets = new LinkedHashMap<>();
    targets.put("reference", () -> new ReferencePlatformTarget(Duration.ZERO, Duration.ZERO));
    targets.put("core", () -> new HttpCoreTarget(answer, Duration.ZERO, Duration.ZERO));
    targets.put("wiremock", () -> new WireMockTarget(answer));
    targets.put("raw", () -> new RawServerTarget(answer, o.rawThreads));
    targets.keySet().retainAll(o.targets);
    Map<String, List<Double>> chat = new LinkedHashMap<>();
    Map<String, List<Double>> streamed = new LinkedHashMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    byte[] plain = BenchRequests.chat(false, o.tokens);
    byte[] stream = BenchRequests.chat(true, o.tokens);
    // Round 0 warms the JIT up on every target and is not counted.
    for (int round = 0; round <= o.rounds; round++) {
      for (var entry : targets.entrySet()) {
        try (SpeedTarget target = entry.getValue().get()) {
          names.put(entry.getKey(), target.name());
          var c = LoopbackLoad.throughput(target.address(), plain, o.connections, o.warmupMillis, o.measureMillis, 0);
          var s = LoopbackLoad.throughput(target.address(), stream, o.connections, o.warmupMillis, o.measureMillis,
              answer.events().size());
          if (round > 0) {
            chat.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(c.responsesPerSecond());
            streamed.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(s.responsesPerSecond() * tokens);
          }
          out.printf(Locale.ROOT, "  %-8s %-22s chat %9.0f req/s (%d bad)   streamed %10.0f tok/s (%d bad)%n",
              round == 0 ? "warm-up" : "round " + round, target.name(), c.responsesPerSecond(), c.badResponses(),
              s.responsesPerSecond() * tokens, s.badResponses());
        }
      }
    }
    out.println();
    out.printf(Locale.ROOT, "%-24s %16s %20s%n", "target (median round)", "chat req/s", "streamed tokens/s");
    for (String key : targets.keySet()) {
      out.printf(Locale.ROOT, "%-24s %16.0f %20.0f%n", names.get(key), median(chat.get(key)),
          median(streamed.get(key)));
    }
    if (!targets.keySet().containsAll(List.of("reference", "core", "wiremock", "raw"))) {
      return; // ratios need every target
    }
    // A ratio per round (its two numbers measured seconds apart) and the median of those: steadier on a shared
    // machine than the ratio of two medians.
    double chatVsWm = medianRatio(chat.get("reference"), chat.get("wiremock"));
    double chatVsRaw = medianRatio(chat.get("reference"), chat.get("raw"));
    double tokVsWm = medianRatio(streamed.get("reference"), streamed.get("wiremock"));
    double tokVsRaw = medianRatio(streamed.get("reference"), streamed.get("raw"));
    out.println();
    out.println("ratios (median of the per-round ratios):");
    ratio(out, "chat req/s      reference / WireMock", chatVsWm, 2.0);
    ratio(out, "chat req/s      reference / raw server", chatVsRaw, 0.5);
    ratio(out, "streamed tok/s  reference / WireMock", tokVsWm, 2.0);
    ratio(out, "streamed tok/s  reference / raw server", tokVsRaw, 0.5);
    out.printf(Locale.ROOT, "(HTTP core alone: / WireMock chat %.2f, streamed %.2f; / raw server chat %.2f, streamed"
            + " %.2f)%n", medianRatio(chat.get("core"), chat.get("wiremock")),
        medianRatio(streamed.get("core"), streamed.get("wiremock")), medianRatio(chat.get("core"), chat.get("raw")),
        medianRatio(streamed.get("core"), streamed.get("raw")));
  }

  private static void drift(Options o, PrintStream out) throws IOException {
    Duration interval = Duration.ofMillis(o.itlMillis);
    Duration ttft = Duration.ofMillis(o.ttftMillis);
    byte[] request = BenchRequests.chat(true, o.streamTokens);
    out.printf(Locale.ROOT, "%n%d concurrent streams of %d tokens, configured inter-token latency %d ms, TTFT %d ms%n",
        o.streams, o.streamTokens, o.itlMillis, o.ttftMillis);
    long timeout = 30_000 + (long) o.streamTokens * o.itlMillis * 3;
    CannedChat answer;
    try (ReferencePlatformTarget target = new ReferencePlatformTarget(ttft, interval)) {
      answer = target.capture(o.streamTokens);
      if (o.targets.contains("reference")) {
        LoopbackLoad.streams(target.address(), request, Math.min(200, o.streams), timeout); // warm-up
        StreamDrift d = StreamDrift.of(LoopbackLoad.streams(target.address(), request, o.streams, timeout),
            interval.toNanos(), countContentEvents(answer));
        printDrift(out, target.name(), d);
      }
    }
    if (!o.targets.contains("core")) {
      return;
    }
    // The same pacing on the bare HTTP core, with the server's own lateness: what the timer adds, and what
    // the socket, the kernel and the client add after it.
    var lateness = new java.util.concurrent.ConcurrentLinkedQueue<Long>();
    var recording = new java.util.concurrent.atomic.AtomicBoolean();
    try (HttpCoreTarget core = new HttpCoreTarget(answer, ttft, interval,
        late -> {
          if (recording.get()) {
            lateness.add(late);
          }
        }, o.ioThreads)) {
      LoopbackLoad.streams(core.address(), request, Math.min(200, o.streams), timeout); // warm-up
      recording.set(true);
      StreamDrift d = StreamDrift.of(LoopbackLoad.streams(core.address(), request, o.streams, timeout),
          interval.toNanos(), countContentEvents(answer));
      printDrift(out, core.name(), d);
      printLateness(out, lateness);
    }
    if (!o.targets.contains("raw")) {
      return;
    }
    // The same streams from a single selector loop that owns its timers and writes without blocking: what a
    // non-blocking core design would give on this machine.
    lateness.clear();
    var rawLateness = new java.util.concurrent.ConcurrentLinkedQueue<Long>();
    try (PacedNioServer paced = new PacedNioServer(answer, ttft.toNanos(), interval.toNanos(),
        late -> {
          if (recording.get()) {
            rawLateness.add(late);
          }
        })) {
      recording.set(false);
      LoopbackLoad.streams(paced.address(), request, Math.min(200, o.streams), timeout); // warm-up
      recording.set(true);
      StreamDrift d = StreamDrift.of(LoopbackLoad.streams(paced.address(), request, o.streams, timeout),
          interval.toNanos(), countContentEvents(answer));
      printDrift(out, paced.name(), d);
      printLateness(out, rawLateness);
    }
  }

  private static void printLateness(PrintStream out, java.util.Collection<Long> lateness) {
    var server = dev.llmtck.tck.bench.Distribution.of("ms",
        lateness.stream().mapToDouble(Long::doubleValue).toArray(), 1e-6);
    out.printf(Locale.ROOT, "  of which the server's timer: events handed to the socket late by p50 %.3f, p90 %.3f,"
        + " p99 %.3f, max %.3f ms%n", server.median(), server.percentile(90), server.percentile(99), server.max());
  }

  private static void printDrift(PrintStream out, String name, StreamDrift d) {
    out.printf(Locale.ROOT, "%s: streams complete %d/%d, gaps %d; |drift| ms p50 %.3f  p90 %.3f  p99 %.3f  max %.3f"
            + " (signed mean %+.3f); p99 target < 5 ms: %s%n", name, d.completeStreams(), d.streams(), d.gaps(),
        d.absoluteDrift().median(), d.absoluteDrift().percentile(90), d.absoluteDrift().percentile(99),
        d.absoluteDrift().max(), d.signedDrift().mean(), d.absoluteDrift().percentile(99) < 5 ? "MET"
            : String.format(Locale.ROOT, "MISSED by %.3f ms", d.absoluteDrift().percentile(99) - 5));
  }

  private static void ratio(PrintStream out, String label, double value, double target) {
    out.printf(Locale.ROOT, "%-42s %6.2f   target >= %.1f: %s%n", label, value, target,
        value >= target ? "MET" : String.format(Locale.ROOT, "MISSED (%.0f%% of target)", value / target * 100));
  }

  static double medianRatio(List<Double> numerators, List<Double> denominators) {
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < numerators.size(); i++) {
      ratios.add(numerators.get(i) / denominators.get(i));
    }
    return median(ratios);
  }

  static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  static int countContentEvents(CannedChat answer) {
    int n = 0;
    for (byte[] event : answer.events()) {
      String text = new String(event, java.nio.charset.StandardCharsets.UTF_8);
      int at = text.indexOf("\"content\":\"");
      if (at >= 0 && text.charAt(at + 11) != '"') {
        n++;
      }
    }
    return n;
  }

  private static String loadAverage() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** The command line. */
  static final class Options {
    static final String USAGE = String.join("\n",
        "usage: platform-speed [--connections N] [--rounds N] [--warmup-ms MS] [--measure-ms MS] [--tokens N]",
        "                      [--raw-threads N] [--streams N] [--stream-tokens N] [--itl-ms MS] [--ttft-ms MS]",
        "                      [--skip-drift | --only-drift] [--targets reference,core,wiremock,raw]",
        "  throughput: --connections keep-alive connections (16), --rounds per target (5, after one warm-up round),",
        "              --tokens per answer (64), --raw-threads the raw server's loops (2)",
        "  drift: --streams concurrent streams (1000) of --stream-tokens tokens (50), --itl-ms (20), --ttft-ms (0),",
        "         --io-threads event loops of the bare core (default: the core's own)");
    int connections = 16;
    int rounds = 5;
    long warmupMillis = 1000;
    long measureMillis = 2000;
    int tokens = 64;
    int rawThreads = 2;
    int streams = 1000;
    int streamTokens = 50;
    int itlMillis = 20;
    int ioThreads;
    int ttftMillis = 0;
    List<String> targets = List.of("reference", "core", "wiremock", "raw");
    boolean skipDrift;
    boolean onlyDrift;
    boolean help;

    static Options parse(String[] args) {
      Options o = new Options();
      List<String> list = Arrays.asList(args);
      for (int i = 0; i < list.size(); i++) {
        String arg = list.get(i);
        switch (arg) {
          case "--help", "-h" -> o.help = true;
          case "--skip-drift" -> o.skipDrift = true;
          case "--only-drift" -> o.onlyDrift = true;
          case "--targets" -> {
            if (i + 1 >= list.size()) {
              throw new IllegalArgumentException(arg + " needs a value");
            }
            o.targets = List.of(list.get(++i).split(","));
            if (!List.of("reference", "core", "wiremock", "raw").containsAll(o.targets)) {
              throw new IllegalArgumentException("--targets takes reference, core, wiremock, raw");
            }
          }
          default -> {
            if (i + 1 >= list.size()) {
              throw new IllegalArgumentException(arg + " needs a value");
            }
            int value;
            try {
              value = Integer.parseInt(list.get(++i));
            } catch (NumberFormatException e) {
              throw new IllegalArgumentException(arg + " needs a whole number");
            }
            if (value < (arg.equals("--ttft-ms") ? 0 : 1)) {
              throw new IllegalArgumentException(arg + " is too small");
            }
            switch (arg) {
              case "--connections" -> o.connections = value;
              case "--rounds" -> o.rounds = value;
              case "--warmup-ms" -> o.warmupMillis = value;
              case "--measure-ms" -> o.measureMillis = value;
              case "--tokens" -> o.tokens = value;
              case "--raw-threads" -> o.rawThreads = value;
              case "--streams" -> o.streams = value;
              case "--stream-tokens" -> o.streamTokens = value;
              case "--itl-ms" -> o.itlMillis = value;
              case "--ttft-ms" -> o.ttftMillis = value;
              case "--io-threads" -> o.ioThreads = value;
              default -> throw new IllegalArgumentException("unknown option " + arg);
            }
          }
        }
      }
      return o;
    }
  }
}
