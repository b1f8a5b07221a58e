package dev.llmtck.bench;

import dev.llmtck.fixtures.canned.CannedChat;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The reference platform's speed, in one run on this machine: non-streamed chat requests per second and
 * streamed tokens per second of the reference platform, of its bare HTTP core, of WireMock serving the same
 * canned answer and of a minimal non-blocking server (the practical limit), with the ratios; then many
 * concurrent paced streams and how far their inter-token gaps drift from the configured one. Every measurement
 * runs in a fresh JVM ({@link ForkedRun}), one at a time, loaded by the same lean client ({@link LoopbackLoad})
 * in that JVM; rounds alternate between targets so that a noisy neighbour hurts all of them alike, and the
 * median round counts.
 */
public final class PlatformSpeedBench {
  /**
   * A warm-up step (or paced warm-up pass) in which the JIT compiled for longer than this is not yet the steady
   * state: a throughput step does not count as flat, a paced pass is followed by another one.
   */
  private static final long WARMUP_JIT_QUIET_MILLIS = 50;
  private static final int PACED_WARMUP_MAX_PASSES = 20;

  private PlatformSpeedBench() {
  }

  public static void main(String[] args) throws Exception {
    // Libraries on the class path log through SLF4J without a binding; its "no providers" notice is noise here.
    if (System.getProperty("slf4j.internal.verbosity") == null) {
      System.setProperty("slf4j.internal.verbosity", "ERROR");
    }
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
    if (options.child != null) {
      child(options, System.out);
      return;
    }
    run(options, List.of(args), System.out);
  }

  static void run(Options o, List<String> args, PrintStream out) throws IOException {
    out.printf(Locale.ROOT, "platform-speed: java %s, %d processors, load average %s; every measurement in a fresh JVM"
            + " with %s%n", System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
        loadAverage(), String.join(" ", java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()));
    if (!o.onlyDrift) {
      throughput(o, args, out);
    }
    if (!o.skipDrift) {
      out.printf(Locale.ROOT, "%n%d concurrent streams of %d tokens, configured inter-token latency %d ms, TTFT %d ms%n",
          o.streams, o.streamTokens, o.itlMillis, o.ttftMillis);
      for (String target : List.of("reference", "core", "raw")) {
        if (o.targets.contains(target)) {
          ForkedRun.run(args, "drift:" + target, out);
        }
      }
    }
  }

  /** One measurement, in the JVM the parent forked for it. */
  private static void child(Options o, PrintStream out) throws IOException {
    String[] job = o.child.split(":", 2);
    if (job[0].equals("drift")) {
      drift(o, job[1], out);
      return;
    }
    CannedChat answer = capture(o.tokens);
    try (SpeedTarget target = newTarget(job[1], answer, o)) {
      byte[] plain = BenchRequests.chat(false, o.tokens);
      byte[] stream = BenchRequests.chat(true, o.tokens);
      int events = answer.events().size();
      long chatWarmup = warmUp(target, plain, 0, o);
      var c = LoopbackLoad.throughput(target.address(), plain, o.connections, 0, o.measureMillis, 0);
      long streamWarmup = warmUp(target, stream, events, o);
      var s = LoopbackLoad.throughput(target.address(), stream, o.connections, 0, o.measureMillis, events);
      out.println(ForkedRun.RESULT + String.join("\t", target.name(), Double.toString(c.responsesPerSecond()),
          Long.toString(c.badResponses()), Double.toString(s.responsesPerSecond() * countContentEvents(answer)),
          Long.toString(s.badResponses()), Long.toString(chatWarmup), Long.toString(streamWarmup)));
    }
  }

  /**
   * Loads {@code target} in one-second steps until it reaches its steady state (three steps in a row without a
   * new best 3% above the previous one and without more than 50 ms of JIT compilation), at least
   * {@code --warmup-ms} and at most 40 s; returns how long it took (ms). A JIT warms a large server such as
   * WireMock up far more slowly than a small one: a fixed warm-up would measure some targets still cold.
   */
  private static long warmUp(SpeedTarget target, byte[] request, int events, Options o) throws IOException {
    long start = System.nanoTime();
    double best = 0;
    int flat = 0;
    while (true) {
      long compiled = CpuUse.compilerMillisSoFar();
      double rate = LoopbackLoad.throughput(target.address(), request, o.connections, 0, 1000, events)
          .responsesPerSecond();
      compiled = CpuUse.compilerMillisSoFar() - compiled;
      // A step in which the JIT was still busy is not flat, however level its rate: a plateau before a hot
      // path's compilation would otherwise be taken for the steady state.
      if (rate > best * 1.03 || compiled > WARMUP_JIT_QUIET_MILLIS) {
        flat = 0;
      } else {
        flat++;
      }
      best = Math.max(best, rate);
      long elapsed = (System.nanoTime() - start) / 1_000_000;
      if ((flat >= 3 && elapsed >= o.warmupMillis) || elapsed >= 40_000) {
        return elapsed;
      }
    }
  }

  private static SpeedTarget newTarget(String key, CannedChat answer, Options o) {
    return switch (key) {
      case "reference" -> new ReferencePlatformTarget(Duration.ZERO, Duration.ZERO);
      case "core" -> new HttpCoreTarget(answer, Duration.ZERO, Duration.ZERO);
      case "wiremock" -> new WireMockTarget(answer);
      case "raw" -> new RawServerTarget(answer, o.rawThreads);
      default -> throw new IllegalArgumentException("no target " + key);
    };
  }

  /** The reference platform's own answers to the benchmark requests: what every other target replays. */
  private static CannedChat capture(int tokens) {
    try (ReferencePlatformTarget capture = new ReferencePlatformTarget(Duration.ZERO, Duration.ZERO)) {
      return capture.capture(tokens);
    }
  }

  private static void throughput(Options o, List<String> args, PrintStream out) throws IOException {
    CannedChat answer = capture(o.tokens);
    out.printf(Locale.ROOT, "answer: %d tokens (%d events, %d bytes streamed, %d bytes as JSON); %d connections,"
            + " %d rounds of %d ms per target and mode, each after a warm-up to steady state (at least %d ms)%n",
        countContentEvents(answer),
        answer.events().size(), answer.eventStream().length, answer.json().length, o.connections, o.rounds,
        o.measureMillis, o.warmupMillis);
    List<String> targets = new ArrayList<>(List.of("reference", "core", "wiremock", "raw"));
    targets.retainAll(o.targets);
    Map<String, List<Double>> chat = new LinkedHashMap<>();
    Map<String, List<Double>> streamed = new LinkedHashMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    // Rounds alternate between targets, so a noisy neighbour hurts them all alike; each round of each target is a
    // fresh JVM that warms itself up.
    for (int round = 1; round <= o.rounds; round++) {
      for (String key : targets) {
        List<String> r = ForkedRun.run(args, "throughput:" + key, out);
        if (r.size() != 7) {
          throw new IOException("the measurement of " + key + " gave no result");
        }
        names.put(key, r.get(0));
        chat.computeIfAbsent(key, k -> new ArrayList<>()).add(Double.parseDouble(r.get(1)));
        streamed.computeIfAbsent(key, k -> new ArrayList<>()).add(Double.parseDouble(r.get(3)));
        out.printf(Locale.ROOT, "  %-8s %-22s chat %9.0f req/s (%s bad)   streamed %10.0f tok/s (%s bad)"
                + "   warmed up %.0f s + %.0f s%n", "round " + round, r.get(0), Double.parseDouble(r.get(1)), r.get(2),
            Double.parseDouble(r.get(3)), r.get(4), Long.parseLong(r.get(5)) / 1000.0,
            Long.parseLong(r.get(6)) / 1000.0);
      }
    }
    out.println();
    out.printf(Locale.ROOT, "%-24s %16s %20s%n", "target (median round)", "chat req/s", "streamed tokens/s");
    for (String key : targets) {
      out.printf(Locale.ROOT, "%-24s %16.0f %20.0f%n", names.get(key), median(chat.get(key)),
          median(streamed.get(key)));
    }
    if (!targets.containsAll(List.of("reference", "core", "wiremock", "raw"))) {
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

  /**
   * The paced streams of one target, in its own JVM: the code is first trained on unpaced streams to steady
   * state, then the same thousand paced streams run unmeasured until the JIT is (nearly) done, then
   * {@code --drift-passes} times measured; the pass with the median p99 is reported.
   */
  private static void drift(Options o, String key, PrintStream out) throws IOException {
    Duration interval = Duration.ofMillis(o.itlMillis);
    Duration ttft = Duration.ofMillis(o.ttftMillis);
    byte[] request = BenchRequests.chat(true, o.streamTokens);
    long timeout = 30_000 + (long) o.streamTokens * o.itlMillis * 3;
    CannedChat answer = capture(o.streamTokens);
    if (!key.equals("raw")) {
      try (SpeedTarget unpaced = newTarget(key, answer, o)) {
        warmUp(unpaced, request, answer.events().size(), o);
      }
    }
    // Recorded in the warm-up too and cleared before the measured pass: switching the recording on only then
    // would take a branch the JIT had never seen inside the measured window, and its deoptimisation of the
    // server's hot loop (and the recompilation) would be measured as drift.
    var lateness = new java.util.concurrent.ConcurrentLinkedQueue<Long>();
    java.util.function.LongConsumer recorder = lateness::add;
    // The reference platform as users run it; the bare HTTP core and a single selector loop that owns its timers
    // report, besides, how late their timers handed each event to the socket (the server's share of the drift).
    try (SpeedTarget target = switch (key) {
      case "reference" -> new ReferencePlatformTarget(ttft, interval);
      case "core" -> new HttpCoreTarget(answer, ttft, interval, recorder, o.ioThreads);
      default -> new PacedNioServer(answer, ttft.toNanos(), interval.toNanos(), recorder);
    }) {
      // Warm-up: the same load, unmeasured, until the JIT has (nearly) stopped compiling: its compiler threads
      // would otherwise take one of the two processors inside the measured window.
      int passes = 0;
      long compiling;
      do {
        long before = CpuUse.compilerMillisSoFar();
        LoopbackLoad.streams(target.address(), request, o.streams, timeout);
        compiling = CpuUse.compilerMillisSoFar() - before;
        passes++;
      } while (compiling > WARMUP_JIT_QUIET_MILLIS && passes < PACED_WARMUP_MAX_PASSES);
      int contentEvents = countContentEvents(answer);
      List<DriftPass> measured = new ArrayList<>();
      for (int pass = 0; pass < o.driftPasses; pass++) {
        System.gc(); // the last pass's garbage goes now rather than in a pause inside the measured window
        lateness.clear();
        GcActivity gcStart = GcActivity.now();
        CpuUse cpuStart = CpuUse.now();
        StreamDrift d = StreamDrift.of(LoopbackLoad.streams(target.address(), request, o.streams, timeout),
            interval.toNanos(), contentEvents);
        measured.add(new DriftPass(d, CpuUse.since(cpuStart), GcActivity.since(gcStart), List.copyOf(lateness)));
      }
      printDriftPasses(out, target.name(), measured, passes, !key.equals("reference"));
    }
  }

  /**
   * The pass with the median p99 stands for the target, printed in full with its collections, CPU and (where the
   * target reports it) timer lateness; the other passes' p99 are printed beside it.
   */
  private static void printDriftPasses(PrintStream out, String name, List<DriftPass> measured, int warmupPasses,
      boolean withLateness) {
    DriftPass median = medianPass(measured);
    printDrift(out, name, median.drift(), median.gc());
    CpuUse cpu = median.cpu();
    out.printf(Locale.ROOT, "  CPU while the streams ran: load generator %.2f s, server and the rest of the JVM %.2f s"
            + " (JIT compiling %d ms) in %.2f s: %.0f%% of %d processors%n",
        cpu.clientNanos() / 1e9, cpu.restNanos() / 1e9, cpu.compilerMillis(), cpu.wallNanos() / 1e9,
        cpu.machineShare() * 100, Runtime.getRuntime().availableProcessors());
    out.printf(Locale.ROOT, "  p99 of the %d measured passes (in order): %s ms, after %d paced warm-up passes%n",
        measured.size(), String.join(", ", measured.stream().map(m -> String.format(Locale.ROOT, "%.2f",
            m.drift().absoluteDrift().percentile(99))).toList()), warmupPasses);
    if (withLateness) {
      printLateness(out, median.lateness());
    }
  }

  /** The pass whose p99 drift is the median of the passes' (the upper one of an even count). */
  static DriftPass medianPass(List<DriftPass> passes) {
    List<DriftPass> byP99 = new ArrayList<>(passes);
    byP99.sort(Comparator.comparingDouble(m -> m.drift().absoluteDrift().percentile(99)));
    return byP99.get(byP99.size() / 2);
  }

  /** One measured pass of paced streams and what the machine did meanwhile. */
  record DriftPass(StreamDrift drift, CpuUse cpu, GcActivity gc, List<Long> lateness) {
  }

  private static void printLateness(PrintStream out, java.util.Collection<Long> lateness) {
    var server = dev.llmtck.fixtures.stats.Distribution.of("ms",
        lateness.stream().mapToDouble(Long::doubleValue).toArray(), 1e-6);
    out.printf(Locale.ROOT, "  of which the server's timer: events handed to the socket late by p50 %.3f, p90 %.3f,"
        + " p99 %.3f, max %.3f ms%n", server.median(), server.percentile(90), server.percentile(99), server.max());
  }

  private static void printDrift(PrintStream out, String name, StreamDrift d, GcActivity gc) {
    out.printf(Locale.ROOT, "%s: streams complete %d/%d, gaps %d; |drift| ms p50 %.3f  p90 %.3f  p99 %.3f  max %.3f"
            + " (signed mean %+.3f); p99 target < 5 ms: %s%n", name, d.completeStreams(), d.streams(), d.gaps(),
        d.absoluteDrift().median(), d.absoluteDrift().percentile(90), d.absoluteDrift().percentile(99),
        d.absoluteDrift().max(), d.signedDrift().mean(), d.absoluteDrift().percentile(99) < 5 ? "MET"
            : String.format(Locale.ROOT, "MISSED by %.3f ms", d.absoluteDrift().percentile(99) - 5));
    out.printf(Locale.ROOT, "  garbage collections while the streams ran: %d, %d ms in all%n", gc.collections(),
        gc.millis());
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
        "                      [--drift-passes N] [--io-threads N]",
        "                      [--skip-drift | --only-drift] [--targets reference,core,wiremock,raw]",
        "  every measurement runs in a fresh JVM (as JMH forks) with this JVM's options, after a warm-up to steady",
        "  state (at least --warmup-ms, 2000)",
        "  throughput: --connections keep-alive connections (16), --rounds per target (3),",
        "              --tokens per answer (64), --raw-threads the raw server's loops (2)",
        "  drift: --streams concurrent streams (1000) of --stream-tokens tokens (50), --itl-ms (20), --ttft-ms (0),",
        "         --io-threads event loops of the bare core (default: the core's own), --drift-passes measured",
        "         passes after the warm-up (3; the median pass's p99 is reported)");
    int connections = 16;
    int rounds = 3;
    long warmupMillis = 2000;
    long measureMillis = 2000;
    int tokens = 64;
    int rawThreads = 2;
    int streams = 1000;
    int streamTokens = 50;
    int driftPasses = 3;
    int itlMillis = 20;
    int ioThreads;
    int ttftMillis = 0;
    List<String> targets = List.of("reference", "core", "wiremock", "raw");
    boolean skipDrift;
    boolean onlyDrift;
    boolean help;
    /** Set in a forked JVM: the one measurement it runs ({@code throughput:<target>} or {@code drift:<target>}). */
    String child;

    static Options parse(String[] args) {
      Options o = new Options();
      List<String> list = Arrays.asList(args);
      for (int i = 0; i < list.size(); i++) {
        String arg = list.get(i);
        switch (arg) {
          case "--help", "-h" -> o.help = true;
          case "--skip-drift" -> o.skipDrift = true;
          case "--only-drift" -> o.onlyDrift = true;
          case "--child" -> {
            if (i + 1 >= list.size()) {
              throw new IllegalArgumentException(arg + " needs a value");
            }
            o.child = list.get(++i);
          }
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
              case "--drift-passes" -> o.driftPasses = value;
              default -> throw new IllegalArgumentException("unknown option " + arg);
            }
          }
        }
      }
      return o;
    }
  }
}
