package dev.llmtck.tck.engines;

import dev.llmtck.tck.console.Consoles;
import static org.junit.jupiter.api.Assertions.fail;

import dev.llmtck.tck.cli.LlmtckMain;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * One {@code llmtck} command against a real engine the kit launches (vLLM for CPU, llama.cpp's server), its console
 * shown as it happens (CI logs carry the verdict) and kept for the assertions. Real engines take minutes to install
 * and start, so they run only where the environment asks for them ({@code LLMTCK_REAL_ENGINES=true}, or
 * {@code CI=true}); where they run, a machine without a Python 3.11+ fails, never skips.
 *
 * @param exitCode the command's exit code
 * @param out what it printed on standard output
 * @param err what it printed on standard error
 */
record RealEngineRun(int exitCode, String out, String err) {
  /** The repository root (the tests run in tck/). */
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  /** Skips unless real engines are asked for; fails when they are and no Python 3.11+ with venv is there. */
  static void requireRealEngines(String what) {
    boolean wanted = "true".equals(System.getenv("LLMTCK_REAL_ENGINES")) || "true".equals(System.getenv("CI"));
    Assumptions.assumeTrue(wanted, "real engines are not asked for: set LLMTCK_REAL_ENGINES=true (CI=true implies it)"
        + " to " + what);
    if (!pythonOk()) {
      fail("real engines are asked for, but no Python 3.11+ with the venv module is on PATH (ci/python/venv.sh needs"
          + " one; as root on Debian it installs python3-venv itself)");
    }
  }

  /** Runs {@code llmtck args...} in this JVM, teeing its console. */
  static RealEngineRun of(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit;
    try (PrintStream console = Consoles.capture(new Tee(out, System.out));
        PrintStream errors = Consoles.capture(new Tee(err, System.err))) {
      exit = LlmtckMain.run(args, console, errors);
    }
    return new RealEngineRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
  }

  private static boolean pythonOk() {
    for (String python : new String[] {"python3.12", "python3.11", "python3.13", "python3"}) {
      try {
        Process process = new ProcessBuilder(python, "-c", "import sys, venv; sys.exit(0 if sys.version_info >="
            + " (3, 11) else 1)").redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        if (process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0) {
          return true;
        }
      } catch (IOException e) {
        // not this one
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return "0".equals(runAs("id", "-u")) && new java.io.File("/usr/bin/apt-get").canExecute();
  }

  private static String runAs(String... command) {
    try {
      Process process = new ProcessBuilder(command).start();
      String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      process.waitFor(10, TimeUnit.SECONDS);
      return text;
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  /** Writes to both streams. */
  private static final class Tee extends OutputStream {
    private final OutputStream kept;
    private final OutputStream shown;

    Tee(OutputStream kept, OutputStream shown) {
      this.kept = kept;
      this.shown = shown;
    }

    @Override
    public void write(int b) throws IOException {
      kept.write(b);
      shown.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      kept.write(b, off, len);
      shown.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
      shown.flush();
    }
  }
}
