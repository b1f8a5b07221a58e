package dev.llmtck.bench.fuzz;

import dev.llmtck.fixtures.http.MockHttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fuzzes the reference mocks (issues 17 and 18): each runs as a process of its own, as {@code ./llmtck serve}
 * runs it, and gets seeded random mutations of its own valid requests, HTTP framing attacks, pipelines,
 * half-closed requests, dropped streams, and slowloris connections, over raw sockets. Per mock it records the
 * cases, the statuses, every 5xx, hang (no answer within {@code --hang-seconds}), answer outside the platform's
 * error envelope, connection held past its timeouts and stack trace in the mock's output, and the process's
 * resident memory, threads and open files before, at their peak and after (after a full collection, when the
 * JDK has jcmd). Exit code 0 when every mock passes every check, 1 otherwise.
 *
 * <pre>
 * java -cp bench-all.jar dev.llmtck.bench.fuzz.MockFuzz --jar fixtures/target/llmtck-fixtures-*-all.jar \
 *     [--mocks openai,azure,bedrock] [--cases 12000] [--seed 1] [--threads 4] [--hang-seconds 5] [--slowloris 1000]
 *     [--slow-body] [--jvm "-Xmx384m"] [--work-dir target/fuzz]
 * </pre>
 */
public final class MockFuzz {
  /** What {@code ./llmtck serve} passes the JVM (the launcher's default), so the fuzz measures what users run. */
  static final String DEFAULT_JVM = "-Xmx384m";

  /** A run's settings. */
  public record Options(List<String> mocks, int cases, long seed, int threads, Duration hang, int slowloris,
      boolean slowBody, List<String> launch, List<String> jvm, Path workDir, long rssBoundKb, int fdTolerance,
      int threadTolerance) {

    /** The defaults for a mock started from {@code launch} ({@code -jar <jar>} or {@code -cp <cp> <main>}). */
    public static Options defaults(List<String> launch) {
      return new Options(List.of("openai", "azure", "bedrock"), 4_000, 1, 4, Duration.ofSeconds(5), 200, false,
          launch, List.of(DEFAULT_JVM.split(" ")), Path.of("target", "fuzz"), 900L * 1024, 5, 6);
    }

    public Options withCases(int value) {
      return new Options(mocks, value, seed, threads, hang, slowloris, slowBody, launch, jvm, workDir, rssBoundKb,
          fdTolerance, threadTolerance);
    }

    public Options withMocks(List<String> value) {
      return new Options(value, cases, seed, threads, hang, slowloris, slowBody, launch, jvm, workDir, rssBoundKb,
          fdTolerance, threadTolerance);
    }

    public Options withSlowloris(int value) {
      return new Options(mocks, cases, seed, threads, hang, value, slowBody, launch, jvm, workDir, rssBoundKb,
          fdTolerance, threadTolerance);
    }

    public Options withWorkDir(Path value) {
      return new Options(mocks, cases, seed, threads, hang, slowloris, slowBody, launch, jvm, value, rssBoundKb,
          fdTolerance, threadTolerance);
    }
  }

  /** What one mock went through, and how it came out of it. */
  public record Report(String mock, int cases, Map<String, Integer> statuses, int serverErrors, int hangs,
      int noAnswer, int badEnvelopes, int slowlorisOpened, int slowlorisHeld, int stackTraces,
      MockProcess.Stats before, MockProcess.Stats peak, MockProcess.Stats after, boolean gcRan, boolean healthyAfter,
      long millis, List<String> examples, String histogram, String timings, Options options) {

    /** Every check this mock failed, in words; empty when it passed. */
    public List<String> failures() {
      List<String> failures = new ArrayList<>();
      if (serverErrors > 0) {
        failures.add(serverErrors + " answers were 5xx");
      }
      if (hangs > 0) {
        failures.add(hangs + " requests got no answer within " + options.hang().toSeconds() + " s");
      }
      if (noAnswer > 0) {
        failures.add(noAnswer + " requests were dropped without an answer (or pipelined ones lost)");
      }
      if (badEnvelopes > 0) {
        failures.add(badEnvelopes + " error answers were not in the platform's envelope");
      }
      if (slowlorisHeld > 0) {
        failures.add(slowlorisHeld + " of " + slowlorisOpened + " slowloris connections were still held");
      }
      if (stackTraces > 0) {
        failures.add("the mock logged " + stackTraces + " stack trace lines");
      }
      if (after.fds() > before.fds() + options.fdTolerance()) {
        failures.add("open files did not come back: " + before.fds() + " before, " + after.fds() + " after");
      }
      if (after.threads() > before.threads() + options.threadTolerance()) {
        failures.add("threads did not come back: " + before.threads() + " before, " + after.threads() + " after");
      }
      if (peak.rssKb() > options.rssBoundKb()) {
        failures.add("resident memory peaked at " + peak.rssKb() / 1024 + " MB, over the bound of "
            + options.rssBoundKb() / 1024 + " MB");
      }
      if (!healthyAfter) {
        failures.add("the health path did not answer 200 after the run");
      }
      return failures;
    }

    /** The figures, for a log or a commit message. */
    public String summary() {
      var text = new StringBuilder();
      text.append(String.format(Locale.ROOT, "%s: %,d cases in %.1f s; statuses %s; 5xx %d; hangs %d; no answer %d; "
          + "bad envelopes %d; slowloris held %d of %d; stack trace lines %d%n", mock, cases, millis / 1000.0, statuses,
          serverErrors, hangs, noAnswer, badEnvelopes, slowlorisHeld, slowlorisOpened, stackTraces));
      text.append("  before: ").append(before).append(" | peak: ").append(peak).append(" | after")
          .append(gcRan ? " (after a full GC): " : ": ").append(after).append(" | healthy after: ")
          .append(healthyAfter ? "yes" : "NO").append('\n');
      text.append("  time per case: ").append(timings).append('\n');
      for (String example : examples) {
        text.append("  ! ").append(example).append('\n');
      }
      return text.toString();
    }
  }

  private MockFuzz() {
  }

  public static void main(String[] args) throws Exception {
    if (args.length == 4 && args[0].equals("--dump")) { // --dump MOCK INDEX FILE: one case's bytes, to replay
      var cases = new Cases(FuzzTarget.byName(args[1]), 8000, Options.defaults(List.of()).seed());
      Files.write(Path.of(args[3]), cases.make(Integer.parseInt(args[2])).wire());
      return;
    }
    if (args.length == 3 && args[0].equals("--labels")) { // --labels MOCK N: what the first N cases are
      var cases = new Cases(FuzzTarget.byName(args[1]), 8000, Options.defaults(List.of()).seed());
      for (int i = 0; i < Integer.parseInt(args[2]); i++) {
        System.out.println(cases.make(i).label());
      }
      return;
    }
    Options options;
    try {
      options = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("fuzz-mocks: " + e.getMessage());
      System.exit(2);
      return;
    }
    List<Report> reports = run(options, System.out);
    writeSummary(reports, options.workDir().resolve("fuzz-summary.txt"));
    boolean failed = false;
    for (Report report : reports) {
      for (String failure : report.failures()) {
        System.out.println("FAILED " + report.mock() + ": " + failure);
        failed = true;
      }
    }
    System.out.println(failed ? "fuzz-mocks: FAILED" : "fuzz-mocks: every mock passed");
    System.exit(failed ? 1 : 0);
  }

  static Options parse(String[] args) {
    List<String> launch = null;
    Options options = Options.defaults(List.of());
    List<String> mocks = options.mocks();
    int cases = options.cases();
    long seed = options.seed();
    int threads = options.threads();
    Duration hang = options.hang();
    int slowloris = options.slowloris();
    boolean slowBody = false;
    List<String> jvm = options.jvm();
    Path workDir = options.workDir();
    long rss = options.rssBoundKb();
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (option.equals("--slow-body")) {
        slowBody = true;
        continue;
      }
      if (option.equals("--help")) {
        throw new IllegalArgumentException("options: --jar JAR | --classpath CP, --mocks openai,azure,bedrock, "
            + "--cases N (per mock), --seed S, --threads N, --hang-seconds N, --slowloris N, --slow-body, "
            + "--jvm \"OPTIONS\", --work-dir DIR, --rss-bound-mb N");
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("missing value for " + option);
      }
      String value = args[++i];
      switch (option) {
        case "--jar" -> launch = List.of("-jar", value);
        case "--classpath" -> launch = List.of("-cp", value, "dev.llmtck.fixtures.FixturesMain");
        case "--mocks" -> mocks = List.of(value.split(","));
        case "--cases" -> cases = Integer.parseInt(value);
        case "--seed" -> seed = Long.parseLong(value);
        case "--threads" -> threads = Integer.parseInt(value);
        case "--hang-seconds" -> hang = Duration.ofSeconds(Long.parseLong(value));
        case "--slowloris" -> slowloris = Integer.parseInt(value);
        case "--jvm" -> jvm = value.isBlank() ? List.of() : List.of(value.trim().split("\\s+"));
        case "--work-dir" -> workDir = Path.of(value);
        case "--rss-bound-mb" -> rss = Long.parseLong(value) * 1024;
        default -> throw new IllegalArgumentException("unknown option " + option);
      }
    }
    if (launch == null) {
      throw new IllegalArgumentException("--jar or --classpath is required");
    }
    return new Options(mocks, cases, seed, threads, hang, slowloris, slowBody, launch, jvm, workDir, rss,
        options.fdTolerance(), options.threadTolerance());
  }

  /** Fuzzes each mock in turn and prints each one's figures as it finishes. */
  public static List<Report> run(Options options, PrintStream out) throws IOException, InterruptedException {
    List<Report> reports = new ArrayList<>();
    for (String mock : options.mocks()) {
      Report report = fuzz(FuzzTarget.byName(mock), options);
      out.print(report.summary());
      out.flush();
      reports.add(report);
    }
    return reports;
  }

  /** One mock: start it, measure, fuzz it, measure again, stop it. */
  static Report fuzz(FuzzTarget target, Options options) throws IOException, InterruptedException {
    long started = System.nanoTime();
    try (MockProcess mock = MockProcess.start(options.jvm(), options.launch(), target, options.workDir())) {
      warmUp(mock);
      Thread.sleep(500);
      MockProcess.Stats before = mock.stats();
      var peak = new java.util.concurrent.atomic.AtomicReference<>(before);
      var sampling = new AtomicBoolean(true);
      Thread sampler = new Thread(() -> {
        while (sampling.get()) {
          peak.accumulateAndGet(mock.stats(), MockProcess.Stats::max);
          try {
            Thread.sleep(100);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "fuzz-sampler");
      sampler.setDaemon(true);
      sampler.start();

      var slowloris = new Slowloris(mock.port(), options.slowloris(), options.slowBody());
      slowloris.open();
      Map<String, Integer> statuses = Collections.synchronizedMap(new TreeMap<>());
      var tally = new Tally(options.hang());
      var cases = new Cases(target, mock.port(), options.seed());
      ScheduledExecutorService killer = Executors.newSingleThreadScheduledExecutor(daemon("fuzz-deadline"));
      ExecutorService pool = Executors.newFixedThreadPool(options.threads(), daemon("fuzz-client"));
      try {
        List<Future<?>> running = new ArrayList<>();
        var next = new AtomicInteger();
        for (int t = 0; t < options.threads(); t++) {
          running.add(pool.submit(() -> {
            for (int index; (index = next.getAndIncrement()) < options.cases(); ) {
              execute(cases.make(index), mock.port(), target, statuses, tally, killer);
            }
            return null;
          }));
        }
        for (Future<?> future : running) {
          future.get();
        }
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IllegalStateException("the fuzz itself failed", e.getCause());
      } finally {
        pool.shutdownNow();
        killer.shutdownNow();
      }
      int held = slowloris.check();
      Thread.sleep(1_000); // the server's side of the connections the fuzz closed
      sampling.set(false);
      sampler.join();
      boolean gc = mock.gc();
      Thread.sleep(1_000);
      String histogram = mock.histogram(14);
      MockProcess.Stats after = mock.stats();
      boolean healthy = mock.healthy();
      int traces = (int) mock.output().lines().filter(line -> line.matches("\\s+at .*")
          || line.contains("Exception") || line.contains("WARNING")).count();
      if (traces > 0) {
        tally.example("mock output: " + RawHttp.printable(mock.output().lines()
            .filter(line -> line.contains("Exception") || line.contains("WARNING")).findFirst().orElse("")));
      }
      return new Report(target.name(), options.cases() + slowloris.opened(), new TreeMap<>(statuses),
          tally.serverErrors.get(), tally.hangs.get(), tally.noAnswer.get(), tally.badEnvelopes.get(),
          slowloris.opened(), held, traces, before, peak.get(), after, gc, healthy,
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), tally.examples(), histogram, tally.timings(),
          options);
    }
  }

  /** A few ordinary requests, so the mock's event loops and first classes are up before "before" is taken. */
  private static void warmUp(MockProcess mock) {
    for (int i = 0; i < 20; i++) {
      mock.healthy();
    }
  }

  /** What went wrong, counted, with the first examples of each kind kept. */
  private static final class Tally {
    final AtomicInteger serverErrors = new AtomicInteger();
    final AtomicInteger hangs = new AtomicInteger();
    final AtomicInteger noAnswer = new AtomicInteger();
    final AtomicInteger badEnvelopes = new AtomicInteger();
    private final List<String> examples = Collections.synchronizedList(new ArrayList<>());
    final Duration hang;

    Tally(Duration hang) {
      this.hang = hang;
    }

    final Map<String, long[]> times = new java.util.concurrent.ConcurrentHashMap<>();

    void time(String kind, long nanos) {
      long[] slot = times.computeIfAbsent(kind, k -> new long[2]);
      synchronized (slot) {
        slot[0]++;
        slot[1] += nanos;
      }
    }

    String timings() {
      var text = new StringBuilder();
      new TreeMap<>(times).forEach((kind, slot) -> text.append(text.length() == 0 ? "" : ", ").append(kind)
          .append(' ').append(slot[0]).append(" x ").append(String.format(Locale.ROOT, "%.1f", slot[1] / 1e6 / Math.max(1,
              slot[0]))).append(" ms"));
      return text.toString();
    }

    void example(String text) {
      if (examples.size() < 12) {
        examples.add(text);
      }
    }

    List<String> examples() {
      synchronized (examples) {
        return List.copyOf(examples);
      }
    }
  }

  private static void execute(Cases.Case c, int port, FuzzTarget target, Map<String, Integer> statuses, Tally tally,
      ScheduledExecutorService killer) {
    long start = System.nanoTime();
    try {
      send(c, port, target, statuses, tally, killer);
    } finally {
      tally.time(c.kind(), System.nanoTime() - start);
    }
  }

  private static void send(Cases.Case c, int port, FuzzTarget target, Map<String, Integer> statuses, Tally tally,
      ScheduledExecutorService killer) {
    var socket = new Socket();
    var timedOut = new AtomicBoolean();
    ScheduledFuture<?> deadline = killer.schedule(() -> {
      timedOut.set(true);
      closeQuietly(socket);
    }, tally.hang.toMillis() + 2_000, TimeUnit.MILLISECONDS);
    try {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
      socket.setSoTimeout((int) tally.hang.toMillis());
      socket.setTcpNoDelay(true);
      try {
        socket.getOutputStream().write(c.wire());
        socket.getOutputStream().flush();
        if (c.halfClose() || c.h2()) {
          socket.shutdownOutput();
        }
      } catch (IOException e) {
        // the server answered early and closed (a refused body, say): the answer is read below
      }
      InputStream in = socket.getInputStream();
      if (c.abort()) {
        try {
          if (c.answers() > 0) {
            in.read(); // the first byte of the answer, then away
          }
        } catch (IOException e) {
          // dropped already
        }
        if ((c.wire().length & 1) == 0) {
          socket.setSoLinger(true, 0); // a reset rather than a close, half of the time
        }
        count(statuses, "aborted");
        return;
      }
      if (c.h2()) {
        while (in.read(new byte[4096]) >= 0) {
          // GOAWAY and the like, until the server closes
        }
        count(statuses, "h2-closed");
        return;
      }
      int answered = 0;
      boolean closing = false;
      try {
        while (answered < c.answers()) {
          RawHttp.Response response = RawHttp.read(in, c.headRequest());
          answered++;
          count(statuses, Integer.toString(response.status()));
          if (response.status() >= 500) {
            tally.serverErrors.incrementAndGet();
            tally.example(response.status() + " for " + c.kind() + " '" + c.label() + "': "
                + RawHttp.printable(response.bodyText()));
          }
          if (response.status() >= 400 && !c.headRequest()) { // a HEAD answer has no body to hold an envelope
            String problem = target.envelopeProblem(response);
            if (problem != null) {
              tally.badEnvelopes.incrementAndGet();
              tally.example("envelope (" + problem + ") of a " + response.status() + " for " + c.kind() + " '"
                  + c.label() + "': " + RawHttp.printable(response.bodyText()));
            }
          }
          if (response.closes()) {
            closing = true;
            break;
          }
        }
      } catch (RawHttp.Closed | SocketException e) {
        if (timedOut.get()) {
          tally.hangs.incrementAndGet();
          count(statuses, "hang");
          tally.example("hang (deadline) after " + answered + " answers for " + c.kind() + " '" + c.label() + "'");
        } else if (!closing && answered == 0) {
          tally.noAnswer.incrementAndGet();
          count(statuses, "no answer");
          tally.example("no answer (" + e.getMessage() + ") for " + c.kind() + " '" + c.label() + "'");
        } else if (!closing) {
          tally.noAnswer.incrementAndGet();
          count(statuses, "lost pipelined");
          tally.example("only " + answered + " of " + c.answers() + " answers for " + c.kind() + " '" + c.label()
              + "'");
        }
      } catch (SocketTimeoutException e) {
        tally.hangs.incrementAndGet();
        count(statuses, "hang");
        tally.example("hang after " + answered + " answers for " + c.kind() + " '" + c.label() + "'");
      }
    } catch (IOException e) {
      if (timedOut.get()) {
        tally.hangs.incrementAndGet();
        count(statuses, "hang");
        tally.example("hang (deadline) for " + c.kind() + " '" + c.label() + "'");
      } else {
        tally.noAnswer.incrementAndGet();
        count(statuses, "no answer");
        tally.example("I/O error " + e + " for " + c.kind() + " '" + c.label() + "'");
      }
    } finally {
      deadline.cancel(false);
      closeQuietly(socket);
    }
  }

  private static void count(Map<String, Integer> statuses, String key) {
    statuses.merge(key, 1, Integer::sum);
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // closed
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  /**
   * Connections that never finish their request: heads that stop midway (some trickling a byte a second),
   * connections that say nothing, and with {@code slowBody} bodies that stop coming. After the server's
   * timeouts every one must have been answered or closed.
   */
  private static final class Slowloris {
    /** How long every fifth connection keeps trickling a byte a second. */
    static final Duration TRICKLE = Duration.ofSeconds(20);
    /** The server's check runs at most a second apart; the rest is for a busy machine. */
    static final Duration MARGIN = Duration.ofSeconds(4);

    private final int port;
    private final int count;
    private final boolean slowBody;
    private final List<Socket> sockets = Collections.synchronizedList(new ArrayList<>());
    private final long openedAt = System.nanoTime();
    private Thread trickle;

    Slowloris(int port, int count, boolean slowBody) {
      this.port = port;
      this.count = count;
      this.slowBody = slowBody;
    }

    void open() throws IOException {
      for (int i = 0; i < count; i++) {
        var socket = new Socket("127.0.0.1", port);
        String start = switch (i % 5) {
          case 0 -> ""; // says nothing at all
          case 1, 2 -> "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ";
          case 3 -> "GET /health HTTP/1.1\r\nHo";
          default -> slowBody ? "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000\r\n"
              + "Content-Type: application/json\r\n\r\n{\"messages\":" : "GET / HTTP/1.1\r\nX-Trickle: ";
        };
        socket.getOutputStream().write(start.getBytes(StandardCharsets.US_ASCII));
        sockets.add(socket);
      }
      trickle = new Thread(() -> {
        // every fifth connection sends one more byte a second, as a slowloris client does to look alive
        for (int second = 0; second < TRICKLE.toSeconds() && !Thread.currentThread().isInterrupted(); second++) {
          synchronized (sockets) {
            for (int i = 4; i < sockets.size(); i += 5) {
              try {
                sockets.get(i).getOutputStream().write('a');
              } catch (IOException e) {
                // closed by the server: what should happen
              }
            }
          }
          try {
            Thread.sleep(1_000);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "fuzz-slowloris");
      trickle.setDaemon(true);
      trickle.start();
    }

    int opened() {
      return count;
    }

    /**
     * When, from their opening, the serve command's defaults must have closed every connection: a head that never
     * ends gets the header-read timeout; a body whose bytes stop after the trickle gets the idle timeout from its
     * last byte, or the body-read timeout in all, whichever comes first. (Checked at a fixed 34 s before, the
     * slow bodies, which close at 50 s, counted as held whenever the fuzz itself finished sooner.)
     */
    Duration closedBy() {
      Duration head = MockHttpServer.DEFAULT_HEADER_READ_TIMEOUT;
      Duration body = TRICKLE.plus(MockHttpServer.DEFAULT_IDLE_TIMEOUT);
      if (body.compareTo(MockHttpServer.DEFAULT_BODY_READ_TIMEOUT) > 0) {
        body = MockHttpServer.DEFAULT_BODY_READ_TIMEOUT;
      }
      return (slowBody && body.compareTo(head) > 0 ? body : head).plus(MARGIN);
    }

    /** Waits until {@link #closedBy()} from their opening, then counts the connections still held open. */
    int check() throws InterruptedException {
      long wait = closedBy().toNanos() - (System.nanoTime() - openedAt);
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      trickle.interrupt();
      int held = 0;
      synchronized (sockets) {
        for (Socket socket : sockets) {
          try {
            socket.setSoTimeout(200);
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            while (in.read(buffer) >= 0) {
              // the 408, until the close
            }
          } catch (SocketTimeoutException e) {
            held++;
          } catch (IOException e) {
            // reset: closed
          } finally {
            closeQuietly(socket);
          }
        }
      }
      return held;
    }
  }

  /** Writes the reports as lines a shell can grep, next to the mocks' logs. */
  static void writeSummary(List<Report> reports, Path file) throws IOException {
    var text = new StringBuilder();
    for (Report report : reports) {
      text.append(report.summary());
      if (report.histogram() != null) {
        text.append("  heap after GC (jcmd GC.class_histogram, top):\n");
        report.histogram().lines().forEach(line -> text.append("    ").append(line).append('\n'));
      }
    }
    Files.createDirectories(file.getParent());
    Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
  }
}
