package dev.llmtck.tck.cli;

import dev.llmtck.tck.console.NoStackTraceInConsoles;
import org.junit.jupiter.api.extension.ExtendWith;
import dev.llmtck.tck.console.Consoles;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The command dispatcher: subcommands, help, version, and usage errors with exit code 2. */
@ExtendWith(NoStackTraceInConsoles.class)
class LlmtckMainTest {

  @Test
  void versionIsTheBuiltVersion() {
    Output output = run("--version");
    assertThat(output.code).isZero();
    assertThat(output.out).matches("llmtck \\d+\\.\\d+\\.\\d+.*\\s*");
  }

  @Test
  void helpListsTheCommands() {
    Output output = run("--help");
    assertThat(output.code).isZero();
    assertThat(output.out).contains("run [options]", "serve openai|bedrock|azure", "bench [options]");
  }

  @Test
  void noCommandAndUnknownCommandAreUsageErrors() {
    assertThat(run().code).isEqualTo(2);
    Output unknown = run("certify");
    assertThat(unknown.code).isEqualTo(2);
    assertThat(unknown.err).contains("unknown command 'certify'");
  }

  @Test
  void subcommandsAreDispatched() {
    assertThat(run("run", "--help").out).contains("usage: llmtck run");
    assertThat(run("bench", "--help").out).contains("usage: llmtck bench");
    Output serve = run("serve", "nothing");
    assertThat(serve.code).isEqualTo(2);
    assertThat(serve.err).contains("serve openai|bedrock|azure");
  }

  private static Output run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = Consoles.capture(out);
        PrintStream e = Consoles.capture(err)) {
      code = LlmtckMain.run(args, o, e);
    }
    return new Output(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private record Output(int code, String out, String err) {
  }
}
