package dev.llmtck.tck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The independent OpenAI-compatible server in {@code src/test/node/openai-server.mjs} (plain Node.js, written
 * apart from our reference platform), started as a process, optionally broken in one way. Without Node.js the
 * tests that need it are skipped, except in CI ({@code CI=true}), where they fail.
 */
final class IndependentOpenAiServer implements AutoCloseable {
  static final String MODEL = "independent-model";
  static final String KEY = "sk-independent-7c1d2e3f";
  private static final Path SCRIPT = Path.of("src", "test", "node", "openai-server.mjs");

  private final Process process;
  private final String baseUrl;

  private IndependentOpenAiServer(Process process, String baseUrl) {
    this.process = process;
    this.baseUrl = baseUrl;
  }

  /** Starts the server with {@code defect} ({@code null}: conforming), bearer key {@link #KEY}. */
  static IndependentOpenAiServer start(String defect) throws Exception {
    requireNode();
    List<String> command = new ArrayList<>(List.of("node", SCRIPT.toString(), "--port", "0", "--api-key", KEY,
        "--model", MODEL));
    if (defect != null) {
      command.addAll(List.of("--break", defect));
    }
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String first = CompletableFuture.supplyAsync(() -> {
      try {
        return out.readLine();
      } catch (IOException e) {
        return null;
      }
    }).get(30, TimeUnit.SECONDS);
    if (first == null || !first.startsWith("http://")) {
      process.destroyForcibly();
      throw new IllegalStateException("the independent server did not start: " + first);
    }
    return new IndependentOpenAiServer(process, first.strip());
  }

  String baseUrl() {
    return baseUrl;
  }

  static void requireNode() {
    boolean present;
    try {
      Process version = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      present = version.waitFor(20, TimeUnit.SECONDS) && version.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      present = false;
    }
    if (!present) {
      assertThat(System.getenv("CI")).as("CI=true needs Node.js (.ci/run installs nodejs)").isNotEqualTo("true");
      Assumptions.abort("Node.js is not installed: the independent OpenAI-compatible server needs it");
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
