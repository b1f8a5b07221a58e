package dev.llmtck.tck.hostile;

import dev.llmtck.tck.console.Consoles;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmtck.tck.cli.LlmtckMain;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code llmtck run} as a user runs it: in this JVM ({@link #run}) or, when the point is what the kit does with
 * its own memory, exit code and stderr, as a process of its own ({@link #fork}) with a small heap.
 */
record Kit(int exitCode, String out, String err, Path reportDir) {

  /** Runs {@code llmtck <args> --report-dir <reportDir>} in this JVM. */
  static Kit run(Path reportDir, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = Consoles.capture(out);
        PrintStream e = Consoles.capture(err)) {
      code = LlmtckMain.run(withReportDir(reportDir, args), o, e);
    }
    return new Kit(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), reportDir);
  }

  /**
   * Runs {@code java <jvmArgs> dev.llmtck.tck.cli.LlmtckMain <args> --report-dir <reportDir>} with the test class
   * path, {@code env} added to the environment, and waits (at most two minutes) for it to end.
   */
  static Kit fork(Path reportDir, Map<String, String> env, List<String> jvmArgs, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmArgs);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(LlmtckMain.class.getName());
    command.addAll(List.of(withReportDir(reportDir, args)));
    Path out = Files.createTempFile("llmtck-hostile-out", ".txt");
    Path err = Files.createTempFile("llmtck-hostile-err", ".txt");
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("LLMTCK_") || name.startsWith("AWS_")
        || name.startsWith("AZURE_") || name.startsWith("OPENAI_"));
    builder.environment().putAll(env);
    Process process = builder.start();
    try {
      assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the kit ended within two minutes").isTrue();
      return new Kit(process.exitValue(), Files.readString(out), Files.readString(err), reportDir);
    } finally {
      process.destroyForcibly();
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  private static String[] withReportDir(Path reportDir, String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--report-dir";
    all[args.length + 1] = reportDir.toString();
    return all;
  }

  /** {@code report.json}, parsed. */
  JsonNode report() throws IOException {
    return new ObjectMapper().readTree(reportDir.resolve("report.json").toFile());
  }

  /** The message of clause {@code id} in {@code report.json}. */
  String message(String id) throws IOException {
    for (JsonNode clause : report().path("clauses")) {
      if (clause.path("id").asText().equals(id)) {
        return clause.path("message").asText();
      }
    }
    throw new AssertionError("no clause " + id + " in report.json");
  }

  /** Every file the run wrote, and its text. */
  Map<Path, String> files() throws IOException {
    Map<Path, String> files = new java.util.TreeMap<>();
    try (Stream<Path> walk = Files.walk(reportDir)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(file, Files.readString(file));
      }
    }
    return files;
  }

  /** The console (stdout and stderr) and every report file: every text the kit produced. */
  Map<String, String> everything() throws IOException {
    Map<String, String> all = new java.util.LinkedHashMap<>();
    all.put("stdout", out);
    all.put("stderr", err);
    files().forEach((file, text) -> all.put(file.getFileName().toString(), text));
    return all;
  }

  /** The kit never prints a stack trace. */
  void assertNoStackTrace() {
    for (String text : List.of(out, err)) {
      assertThat(text).as("console of: %s", this).doesNotContain("\tat ").doesNotContain("Exception in thread")
          .doesNotContain("Caused by:");
    }
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- out\n" + cut(out) + "--- err\n" + cut(err);
  }

  private static String cut(String text) {
    return text.length() > 4000 ? text.substring(0, 4000) + "...\n" : text;
  }
}
