package dev.llmtck.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one measurement in a fresh JVM with this JVM's options and class path, as JMH forks: targets that share
 * code (the reference platform and its bare core share the HTTP core) would otherwise train the JIT for each
 * other, and whichever runs second in a JVM is measured with the other's type profiles. The child's lines
 * are passed through; the one starting with {@link #RESULT} is returned.
 */
final class ForkedRun {
  static final String RESULT = "platform-speed-result ";

  private ForkedRun() {
  }

  /** Runs {@code PlatformSpeedBench args... --child job} and returns its result line's fields (may be empty). */
  static List<String> run(List<String> args, String job, PrintStream out) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(PlatformSpeedBench.class.getName());
    command.addAll(args);
    command.add("--child");
    command.add(job);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    List<String> result = List.of();
    try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.startsWith(RESULT)) {
          result = List.of(line.substring(RESULT.length()).split("\t"));
        } else if (!line.startsWith("SLF4J")) {
          out.println(line);
        }
      }
    }
    try {
      if (process.waitFor() != 0) {
        throw new IOException("the measurement of " + job + " failed (exit " + process.exitValue() + ")");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    return result;
  }
}
