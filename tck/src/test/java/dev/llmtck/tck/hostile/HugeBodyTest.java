package dev.llmtck.tck.hostile;

import dev.llmtck.tck.console.NoStackTraceInConsoles;
import org.junit.jupiter.api.extension.ExtendWith;
import dev.llmtck.tck.console.Consoles;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmtck.tck.cli.LlmtckMain;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.eventstream.HeaderValue;
import software.amazon.eventstream.Message;

/**
 * Issue 17, point 7: a target's body cannot exhaust the kit's memory. Before, a 2 GB {@code /v1/models} answer
 * was read whole into memory: OutOfMemoryError with a stack trace, exit code 1 (which claims a MUST clause
 * failed), and no report at all. Now every client reads at most 16 MiB of a body (the clause fails, saying so),
 * streams are read as they come, the reports are always written, and a crash of the kit itself is exit code 2
 * with one line.
 */
@ExtendWith(NoStackTraceInConsoles.class)
class HugeBodyTest {
  private static final long TWO_GIB = 2L * 1024 * 1024 * 1024;
  private static final String PREFIX = "{\"object\":\"list\",\"data\":[{\"id\":\"";

  @TempDir
  Path dir;

  @Test
  void aTwoGigabyteModelListFailsItsClausesAndTheReportsAreWritten() throws Exception {
    try (HostileServer server = HostileServer.start((request, out) -> {
      HostileServer.head(out, 200, "application/json", TWO_GIB);
      out.write(PREFIX.getBytes(StandardCharsets.UTF_8));
      HostileServer.flood(out, TWO_GIB, (byte) 'a');
    })) {
      // A heap far smaller than the body: the kit as a user runs it, with little memory to spare.
      Kit kit = Kit.fork(dir, Map.of(), List.of("-Xmx96m"), "run", "--base-url", server.baseUrl(), "--model", "m",
          "--clause", "OAI-MODELS-1", "--clause", "OAI-URL-1", "--timeout", "20");

      assertThat(kit.exitCode()).as("a MUST clause failed (1), the kit did not crash: %s", kit).isEqualTo(1);
      kit.assertNoStackTrace();
      assertThat(kit.message("OAI-MODELS-1")).contains("the body is over 16 MiB")
          .contains("Content-Length is 2147483648 bytes");
      assertThat(kit.message("OAI-URL-1")).contains("the body is over 16 MiB");
      assertThat(Files.exists(dir.resolve("report.html"))).isTrue();
      assertThat(Files.exists(dir.resolve("junit.xml"))).isTrue();
    }
  }

  @Test
  void aBodyWithoutLengthIsReadOnlyUpToTheBound() throws Exception {
    AtomicLong written = new AtomicLong();
    try (HostileServer server = HostileServer.start((request, out) -> {
      HostileServer.head(out, 200, "application/json", -1);
      out.write(PREFIX.getBytes(StandardCharsets.UTF_8));
      byte[] block = new byte[64 * 1024];
      java.util.Arrays.fill(block, (byte) 'a');
      for (long sent = 0; sent < TWO_GIB; sent += block.length) {
        out.write(block);
        written.addAndGet(block.length);
      }
    })) {
      Kit kit = Kit.run(dir, "run", "--base-url", server.baseUrl(), "--model", "m", "--clause", "OAI-MODELS-1",
          "--timeout", "20");

      assertThat(kit.exitCode()).as("%s", kit).isEqualTo(1);
      assertThat(kit.message("OAI-MODELS-1")).contains("GET " + server.baseUrl() + "/models -> 200: the body is over"
          + " 16 MiB: the kit reads at most 16 MiB of an answer");
      assertThat(kit.out()).contains("OAI-MODELS-1").contains("the body is over 16 MiB");
      // The kit stopped reading at the bound: what the server got out is the bound plus the sockets' buffers.
      assertThat(written.get()).isLessThan(64L * 1024 * 1024);
      assertThat(kit.report().at("/clauses/0/evidence/0/response/body").asText())
          .startsWith(PREFIX).contains("[truncated");
    }
  }

  @Test
  void theBoundIsASystemProperty() throws Exception {
    String body = PREFIX + "a".repeat(3 * 1024 * 1024) + "\",\"object\":\"model\",\"created\":1,\"owned_by\":\"x\"}]}";
    try (HostileServer server = HostileServer.start((request, out) ->
        HostileServer.respond(out, 200, "application/json", body))) {
      String before = System.getProperty("llmtck.maxBodyMiB");
      System.setProperty("llmtck.maxBodyMiB", "2");
      try {
        Kit kit = Kit.run(dir, "run", "--base-url", server.baseUrl(), "--model", "m", "--clause", "OAI-MODELS-1");
        assertThat(kit.message("OAI-MODELS-1")).contains("the body is over 2 MiB");
      } finally {
        if (before == null) {
          System.clearProperty("llmtck.maxBodyMiB");
        } else {
          System.setProperty("llmtck.maxBodyMiB", before);
        }
      }
      Kit kit = Kit.run(dir.resolve("default"), "run", "--base-url", server.baseUrl(), "--model", "m", "--clause",
          "OAI-MODELS-1");
      assertThat(kit.exitCode()).as("a 3 MiB model list is within the default bound: %s", kit).isZero();
    }
  }

  @Test
  void runningOutOfMemoryOnAnAnswerFailsTheClauseAndTheReportsAreStillWritten() throws Exception {
    try (HostileServer server = HostileServer.start((request, out) -> {
      HostileServer.head(out, 200, "application/json", -1);
      out.write(PREFIX.getBytes(StandardCharsets.UTF_8));
      HostileServer.flood(out, 1000L * 1024 * 1024, (byte) 'a');
    })) {
      // The bound raised above what the heap holds: the kit's memory runs out while it reads.
      Kit kit = Kit.fork(dir, Map.of(), List.of("-Xmx64m", "-Dllmtck.maxBodyMiB=1000"), "run", "--base-url",
          server.baseUrl(), "--model", "m", "--clause", "OAI-MODELS-1", "--timeout", "30");

      assertThat(kit.exitCode()).as("%s", kit).isEqualTo(1);
      kit.assertNoStackTrace();
      assertThat(kit.message("OAI-MODELS-1")).contains("the kit ran out of memory reading the answer");
    }
  }

  @Test
  void anOutOfMemoryErrorInsideTheRunFailsTheUnfinishedClausesAndTheReportsAreStillWritten() throws Exception {
    // Memory runs out inside the clause run (here in the runner's listener, as it could anywhere): JUnit lets an
    // OutOfMemoryError through; the runner fails every clause that did not finish with the reason and the reports
    // are written, with no stack trace.
    PrintStream out = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8) {
      private boolean thrown;

      @Override
      public PrintStream printf(java.util.Locale l, String format, Object... args) {
        if (format.startsWith("running") && !thrown) {
          thrown = true;
          throw new OutOfMemoryError("Java heap space");
        }
        return super.printf(l, format, args);
      }
    };
    ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    int code;
    try (PrintStream err = Consoles.capture(errBytes)) {
      code = LlmtckMain.run(new String[] {"run", "--clause", "OAI-MODELS-1", "--report-dir", dir.toString()}, out,
          err);
    }
    String err = errBytes.toString(StandardCharsets.UTF_8);
    assertThat(code).as(err).isEqualTo(1);
    assertThat(err).doesNotContain("\tat ");
    String report = Files.readString(dir.resolve("report.json"));
    assertThat(report).contains("OAI-MODELS-1").contains("not run: the kit's JVM ran out of memory");
    assertThat(Files.exists(dir.resolve("report.html"))).isTrue();
  }

  @Test
  void aStackOverflowErrorIsExitCode2WithOneLineAndNoStackTrace() {
    Error error = new StackOverflowError();
    PrintStream out = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8) {
      @Override
      public void println(String line) {
        if (line.startsWith("llmtck ")) {
          throw error;
        }
        super.println(line);
      }
    };
    assertCrashLine(out, error);
  }

  private void assertCrashLine(PrintStream out, Error error) {
    ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    int code;
    try (PrintStream err = Consoles.capture(errBytes)) {
      code = LlmtckMain.run(new String[] {"run", "--report-dir", dir.toString()}, out, err);
    }
    String err = errBytes.toString(StandardCharsets.UTF_8);
    assertThat(code).as("exit code 2 (the kit failed), not 1 (a MUST clause failed): %s", err).isEqualTo(2);
    assertThat(err.lines().toList()).hasSize(1);
    assertThat(err).contains("llmtck run: the kit failed unexpectedly (" + error.getClass().getSimpleName())
        .doesNotContain("\tat ");
  }

  @Test
  void anAzureAndABedrockAnswerAreBoundedToo() throws Exception {
    Message frame = new Message(Map.of(":message-type", HeaderValue.fromString("event"), ":event-type",
        HeaderValue.fromString("contentBlockDelta"), ":content-type", HeaderValue.fromString("application/json")),
        ("{\"delta\":{\"text\":\"" + "a".repeat(1024 * 1024) + "\"}}").getBytes(StandardCharsets.UTF_8));
    java.nio.ByteBuffer encoded = frame.toByteBuffer();
    byte[] frameBytes = new byte[encoded.remaining()];
    encoded.get(frameBytes);
    try (HostileServer server = HostileServer.start((request, out) -> {
      if (request.path().endsWith("/converse-stream")) {
        HostileServer.head(out, 200, "application/vnd.amazon.eventstream", -1);
        for (long sent = 0; sent < TWO_GIB; sent += frameBytes.length) {
          out.write(frameBytes);
        }
        return;
      }
      HostileServer.head(out, 200, "application/json", -1);
      out.write("{\"choices\":[{\"message\":{\"content\":\"".getBytes(StandardCharsets.UTF_8));
      HostileServer.flood(out, TWO_GIB, (byte) 'a');
    })) {
      String endpoint = "http://127.0.0.1:" + server.port();
      Kit azure = Kit.run(dir.resolve("azure"), "run", "--platform", "azure", "--endpoint", endpoint, "--deployment",
          "d", "--api-key", "azure-key-1234567890", "--clause", "AZ-BODY-1", "--timeout", "20");
      assertThat(azure.message("AZ-BODY-1")).as("%s", azure).contains("the body is over 16 MiB");

      Kit bedrock = Kit.run(dir.resolve("bedrock"), "run", "--platform", "bedrock", "--endpoint", endpoint,
          "--region", "us-east-1", "--model", "anthropic.claude-3-haiku-20240307-v1:0",
          "--set", "llmtck.bedrock.accessKeyId=AKIAHOSTILE000000001",
          "--set", "llmtck.bedrock.secretAccessKey=hostile-secret-0123456789",
          "--clause", "BDR-CONVERSE-1", "--clause", "BDR-STREAM-1", "--timeout", "20");
      assertThat(bedrock.message("BDR-CONVERSE-1")).as("%s", bedrock).contains("the body is over 16 MiB");
      assertThat(bedrock.message("BDR-STREAM-1")).as("%s", bedrock).contains("a stream of over 64 MiB");
    }
  }
}
