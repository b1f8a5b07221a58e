package dev.llmtck.tck.hostile;

import dev.llmtck.tck.console.NoStackTraceInConsoles;
import org.junit.jupiter.api.extension.ExtendWith;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, point 10: what the kit's readers say when a target goes past what they read. Before, 10,000 levels of
 * valid JSON were "expected a JSON object body" (the parser's depth limit, unsaid), a 100 MB SSE line cost the kit
 * a gigabyte (read byte by byte into a growing buffer, then decoded), and a 7 MB model name was echoed whole into
 * every failure message and report.
 */
@ExtendWith(NoStackTraceInConsoles.class)
class ReaderLimitsTest {
  private static final int DEPTH = 10_000;

  @TempDir
  Path dir;

  @Test
  void jsonNestedTooDeepIsSaidToBeSoWithItsDepth() throws Exception {
    String deep = "{\"object\":\"list\",\"data\":" + "[".repeat(DEPTH) + "]".repeat(DEPTH) + "}";
    try (HostileServer server = HostileServer.start((request, out) ->
        HostileServer.respond(out, 200, "application/json", deep))) {
      Kit kit = Kit.run(dir, "run", "--base-url", server.baseUrl(), "--model", "m", "--clause", "OAI-MODELS-1",
          "--clause", "OAI-URL-1");

      assertThat(kit.message("OAI-MODELS-1")).contains("the body is JSON nested " + (DEPTH + 1) + " levels deep,"
          + " deeper than the kit's parser reads (1000 levels)").doesNotContain("expected a JSON object body (");
      assertThat(kit.message("OAI-URL-1")).contains("nested " + (DEPTH + 1) + " levels deep")
          .doesNotContain("something other than a JSON object");
    }
  }

  @Test
  void aHundredMegabyteSseLineFailsTheClauseAfterOneMebibyte() throws Exception {
    AtomicLong written = new AtomicLong();
    try (HostileServer server = HostileServer.start((request, out) -> {
      HostileServer.head(out, 200, "text/event-stream", -1);
      out.write("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"".getBytes(StandardCharsets.UTF_8));
      byte[] block = "a".repeat(64 * 1024).getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < 1600; i++) { // 100 MiB on one line
        out.write(block);
        written.addAndGet(block.length);
      }
      out.write("\"}}]}\n\ndata: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
    })) {
      Kit kit = Kit.run(dir, "run", "--base-url", server.baseUrl(), "--model", "m", "--clause", "OAI-STREAM-1");

      assertThat(kit.message("OAI-STREAM-1")).as("%s", kit).contains("an SSE line over 1 MiB (line 1)");
      assertThat(written.get()).as("the kit stopped reading").isLessThan(32L * 1024 * 1024);
    }
  }

  @Test
  void aSevenMegabyteModelNameIsCutInEveryMessageAndReport() throws Exception {
    String name = "M".repeat(7 * 1024 * 1024);
    try (HostileServer server = HostileServer.start((request, out) -> {
      if (request.path().endsWith("/models")) {
        HostileServer.respond(out, 200, "application/json", "{\"object\":\"list\",\"data\":[{\"id\":\"" + name
            + "\",\"object\":\"model\",\"created\":1,\"owned_by\":\"x\"}]}", "X-Model: " + name.substring(0, 100_000));
      } else {
        HostileServer.respond(out, 404, "application/json", "{\"error\":{\"message\":\"The model `" + name
            + "` does not exist.\",\"type\":\"NotFoundError\",\"code\":404}}");
      }
    })) {
      Kit kit = Kit.run(dir, "run", "--base-url", server.baseUrl(), "--model", "m", "--clause", "OAI-MODELS-3",
          "--clause", "OAI-CHAT-1", "--clause", "OAI-ERR-1");

      assertThat(kit.message("OAI-MODELS-3")).as("a message quoting the name").hasSizeLessThan(9000)
          .contains("...[cut: ");
      for (var file : kit.files().entrySet()) {
        assertThat(Files.size(file.getKey())).as(file.getKey().toString()).isLessThan(200_000);
      }
      assertThat(kit.out().length() + kit.err().length()).isLessThan(20_000);
      kit.out().lines().forEach(line -> assertThat(line).hasSizeLessThan(400));
    }
  }
}
