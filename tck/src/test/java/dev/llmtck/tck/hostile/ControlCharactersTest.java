package dev.llmtck.tck.hostile;

import dev.llmtck.tck.console.NoStackTraceInConsoles;
import org.junit.jupiter.api.extension.ExtendWith;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, point 8: the kit never prints or renders what a target sends. Before, a model id or an error body
 * with ESC sequences reached the console as is (a target could clear the line and draw a green "pass" line of its
 * own into a CI log), bidi overrides reordered report.html, and a gzip body the kit never asked for was printed as
 * binary. Now every view escapes control characters, the clients ask for {@code identity} and show a compressed
 * body as "(N bytes, not text: ...)".
 */
@ExtendWith(NoStackTraceInConsoles.class)
class ControlCharactersTest {
  /** Clears the line, draws a fake coloured pass line, rings the bell, a C1 CSI, a right-to-left override. */
  private static final String FAKE_PASS = "m\u001B[2K\r  [ 1/45] pass   MUST   OAI-URL-1 \u001B[32mfaked\u001B[0m\u0007"
      + "\u009B31m\u202Egnissap\u202C\u2066x\u2069\u007F\u0085";
  private static final String BODY = "boom \u001B]0;pwned\u0007 \u001B[1;32mPASS\u001B[0m \u202E txet \u202C\u0001";

  @TempDir
  Path dir;

  @Test
  void controlCharactersFromATargetAreEscapedOnTheConsoleAndInEveryReport() throws Exception {
    String models = new ObjectMapper().writeValueAsString(Map.of("object", "list", "data", List.of(Map.of("id",
        FAKE_PASS, "object", "model", "created", 1, "owned_by", "x"))));
    try (HostileServer server = HostileServer.start((request, out) -> {
      if (request.path().endsWith("/models")) {
        HostileServer.respond(out, 200, "application/json", models);
      } else {
        HostileServer.respond(out, 500, "text/plain", BODY);
      }
    })) {
      Kit kit = Kit.run(dir, "run", "--base-url", server.baseUrl(), "--model", "m", "--clause", "OAI-MODELS-3",
          "--clause", "OAI-HEALTH-2");

      assertThat(kit.exitCode()).as("%s", kit).isEqualTo(1);
      assertThat(kit.out()).as("the target's text is there, escaped").contains("\\x1B[32mfaked")
          .contains("\\u202Egnissap").contains("\\x1B]0;pwned\\x07");
      for (Map.Entry<String, String> text : kit.everything().entrySet()) {
        assertNothingRendered(text.getKey(), text.getValue());
      }
      // report.json keeps the data: the same characters, JSON-escaped.
      assertThat(kit.report().at("/clauses/0/message").asText() + kit.report().at("/clauses/1/message").asText())
          .contains("\u001B[32mfaked").contains("\u202E");
    }
  }

  @Test
  void aGzipBodyTheKitDidNotAskForIsShownAsBytesNeverPrinted() throws Exception {
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
      byte[] zeros = new byte[1024 * 1024];
      for (int i = 0; i < 64; i++) {
        gzip.write(zeros); // a bomb: 64 MiB of zeros in about 64 KiB
      }
    }
    byte[] bomb = zipped.toByteArray();
    List<String> acceptEncodings = new CopyOnWriteArrayList<>();
    try (HostileServer server = HostileServer.start((request, out) -> {
      acceptEncodings.add(String.valueOf(request.header("accept-encoding")));
      HostileServer.respond(out, 200, "application/json", bomb, "Content-Encoding: gzip");
    })) {
      Kit kit = Kit.run(dir, "run", "--base-url", server.baseUrl(), "--model", "m", "--clause", "OAI-MODELS-1");

      assertThat(acceptEncodings).isNotEmpty().allMatch("identity"::equals);
      assertThat(kit.message("OAI-MODELS-1")).contains("(" + bomb.length + " bytes, not text: Content-Encoding gzip");
      assertThat(kit.report().at("/clauses/0/evidence/0/response/body").asText())
          .startsWith("(" + bomb.length + " bytes, not text");
      for (Map.Entry<String, String> text : kit.everything().entrySet()) {
        assertNothingRendered(text.getKey(), text.getValue());
        assertThat(text.getValue()).as(text.getKey()).doesNotContain("\u001F\uFFFD"); // gzip's magic, as text
      }
    }
  }

  private static String visible(String text) {
    StringBuilder out = new StringBuilder();
    text.chars().forEach(c -> out.append(c < 0x20 || (c >= 0x7F && c <= 0x9F) || c >= 0x2000
        ? String.format("<%04X>", c) : String.valueOf((char) c)));
    return out.toString();
  }

  /** No C0 (but tab, LF, and CR between lines), no DEL, no C1, no bidi control: nothing a viewer would act on. */
  static void assertNothingRendered(String where, String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean lineBreak = c == '\n' || c == '\t' || (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n');
      boolean rendered = c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || (c >= 0x202A && c <= 0x202E)
          || (c >= 0x2066 && c <= 0x2069);
      assertThat(lineBreak || !rendered).as("%s: raw U+%04X at %d: ...%s...", where, (int) c, i,
          visible(text.substring(Math.max(0, i - 40), Math.min(text.length(), i + 40)))).isTrue();
    }
  }
}
