package dev.llmtck.bench.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A reference mock running as a process of its own, as {@code ./llmtck serve} runs it: {@code java -jar
 * <fixtures-all.jar> serve <platform> ...} (or the same main class from a class path, in a test), with its
 * output in a file. Reads what the fuzz reports of it from {@code /proc}: resident memory, threads, open files.
 */
final class MockProcess implements AutoCloseable {
  private final Process process;
  private final int port;
  private final Path log;
  private final String healthPath;

  /** The figures of one moment. */
  record Stats(long rssKb, int threads, int fds) {
    static Stats max(Stats a, Stats b) {
      return new Stats(Math.max(a.rssKb, b.rssKb), Math.max(a.threads, b.threads), Math.max(a.fds, b.fds));
    }

    @Override
    public String toString() {
      return String.format("RSS %,d MB, %d threads, %d fds", rssKb / 1024, threads, fds);
    }
  }

  private MockProcess(Process process, int port, Path log, String healthPath) {
    this.process = process;
    this.port = port;
    this.log = log;
    this.healthPath = healthPath;
  }

  /**
   * Starts {@code serve <platform> <args>} on a free port and waits until its health path answers.
   *
   * @param launch {@code -jar <jar>} or {@code -cp <class path> dev.llmtck.fixtures.FixturesMain}
   */
  static MockProcess start(List<String> jvmOptions, List<String> launch, FuzzTarget target, Path workDir)
      throws IOException, InterruptedException {
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(launch);
    command.add("serve");
    command.add(target.name());
    command.addAll(target.serveArguments(port));
    Files.createDirectories(workDir);
    Path log = workDir.resolve(target.name() + "-mock.log");
    var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(target.environment());
    var mock = new MockProcess(builder.start(), port, log, target.healthPath());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!mock.healthy()) {
      if (!mock.process.isAlive() || System.nanoTime() > deadline) {
        mock.close();
        throw new IOException("the " + target.name() + " mock did not start: " + mock.output());
      }
      Thread.sleep(100);
    }
    return mock;
  }

  int port() {
    return port;
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process.isAlive();
  }

  /** Whether the health path answers 200 within 5 s. */
  boolean healthy() {
    return healthy(Duration.ofSeconds(5));
  }

  private boolean healthy(Duration timeout) {
    try (var socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout((int) timeout.toMillis());
      socket.getOutputStream().write(("GET " + healthPath + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
          + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      return RawHttp.read(socket.getInputStream(), false).status() == 200;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** Resident memory, threads and open files now, from {@code /proc/<pid>}. */
  Stats stats() {
    long rss = 0;
    int threads = 0;
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
        if (line.startsWith("VmRSS:")) {
          rss = Long.parseLong(line.replaceAll("\\D+", ""));
        } else if (line.startsWith("Threads:")) {
          threads = Integer.parseInt(line.replaceAll("\\D+", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      return new Stats(0, 0, 0); // not Linux, or the process is gone
    }
    int fds;
    try (Stream<Path> list = Files.list(Path.of("/proc", Long.toString(pid()), "fd"))) {
      fds = (int) list.count();
    } catch (IOException | UncheckedIOException e) {
      fds = 0;
    }
    return new Stats(rss, threads, fds);
  }

  /** A full collection in the mock ({@code jcmd <pid> GC.run}), when the JDK has jcmd; whether it ran. */
  boolean gc() {
    return jcmd("GC.run") != null;
  }

  /** The mock's live heap by class after a full collection (the first lines of it), or null without jcmd. */
  String histogram(int lines) {
    String all = jcmd("GC.class_histogram");
    if (all == null) {
      return null;
    }
    return String.join("\n", all.lines().limit(lines).toList());
  }

  private String jcmd(String command) {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    if (!Files.isExecutable(jcmd)) {
      return null;
    }
    try {
      Process run = new ProcessBuilder(jcmd.toString(), Long.toString(pid()), command).redirectErrorStream(true)
          .start();
      String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return run.waitFor(30, TimeUnit.SECONDS) && run.exitValue() == 0 ? out : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** What the mock printed (its log file). */
  String output() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  Path log() {
    return log;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
