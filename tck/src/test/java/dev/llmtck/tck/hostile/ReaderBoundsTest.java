package dev.llmtck.tck.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmtck.tck.evidence.SafeText;
import dev.llmtck.tck.evidence.TargetBody;
import dev.llmtck.tck.sse.SseLimitExceeded;
import dev.llmtck.tck.sse.SseReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The bounded readers and the escaping on their own, without a network: each bound, each message. */
class ReaderBoundsTest {

  @Test
  void aWholeBodyIsReadUpToTheBoundAndNoFurther() throws Exception {
    AtomicLong served = new AtomicLong();
    InputStream endless = new InputStream() {
      @Override
      public int read() {
        served.incrementAndGet();
        return 'a';
      }

      @Override
      public int read(byte[] b, int off, int len) {
        java.util.Arrays.fill(b, off, off + len, (byte) 'a');
        served.addAndGet(len);
        return len;
      }
    };
    assertThatThrownBy(() -> TargetBody.read(endless, 1024 * 1024, -1)).isInstanceOf(TargetBody.TooLarge.class)
        .hasMessageStartingWith("the body is over 1 MiB: the kit reads at most 1 MiB of an answer");
    assertThat(served.get()).isLessThanOrEqualTo(1024 * 1024 + 1);
    assertThatThrownBy(() -> TargetBody.read(endless, 1024, 2L * 1024 * 1024 * 1024))
        .hasMessageContaining("its Content-Length is 2147483648 bytes");
    assertThat(TargetBody.read(new ByteArrayInputStream(new byte[1024]), 1024, -1)).hasSize(1024);
  }

  @Test
  void aBodyThatIsNotTextIsShownAsItsSize() {
    assertThat(TargetBody.text(new byte[] {0x1f, (byte) 0x8b, 8, 0}, Map.of("Content-Encoding", List.of("gzip"))))
        .startsWith("(4 bytes, not text: Content-Encoding gzip, which the kit did not ask for");
    assertThat(TargetBody.text(new byte[] {'a', (byte) 0xC3}, Map.of())).isEqualTo("(2 bytes, not text: it is not"
        + " UTF-8)");
    assertThat(TargetBody.text("h\u00E9".getBytes(StandardCharsets.UTF_8), Map.of("content-encoding",
        List.of("identity")))).isEqualTo("h\u00E9");
    byte[] cut = "h\u00E9".getBytes(StandardCharsets.UTF_8);
    assertThat(TargetBody.headText(java.util.Arrays.copyOf(cut, 2), Map.of())).as("a character cut by the bound")
        .isEqualTo("h");
  }

  @Test
  void jsonBeyondTheParserSaysWhatItIs() {
    String deep = "[".repeat(10_000) + "]".repeat(10_000);
    assertThat(TargetBody.parse(deep).beyondKit()).isEqualTo("the body is JSON nested 10000 levels deep, deeper than"
        + " the kit's parser reads (1000 levels), so the kit cannot judge it");
    assertThat(TargetBody.parse("[" + "{\"a\":".repeat(998) + "1" + "}".repeat(998) + "]").node()).isNotNull();
    assertThat(TargetBody.parse("[" + "0,".repeat(1_000_001) + "0]").beyondKit()).contains("over 1000000 tokens");
    assertThat(TargetBody.parse("not json").beyondKit()).isNull();
    assertThat(TargetBody.depth("{\"a\":\"[[[[\",\"b\":[[1]]}")).isEqualTo(3);
  }

  @Test
  void theSseReaderStopsAtEachOfItsBoundsWithoutReadingFurther() {
    AtomicLong served = new AtomicLong();
    InputStream endlessLine = new InputStream() {
      @Override
      public int read() {
        served.incrementAndGet();
        return 'a';
      }
    };
    SseReader.Limits limits = new SseReader.Limits(1024, 4096, 1 << 20, 100);
    SseReader line = new SseReader(endlessLine, System::nanoTime, limits);
    assertThatThrownBy(line::next).isInstanceOf(SseLimitExceeded.class).hasMessageContaining("an SSE line over 1 KiB");
    assertThat(served.get()).isLessThanOrEqualTo(1025);

    SseReader events = new SseReader(repeat("data: x\n\n"), System::nanoTime, limits);
    assertThatThrownBy(() -> {
      while (events.next().isPresent()) {
        // read on
      }
    }).isInstanceOf(SseLimitExceeded.class).hasMessageContaining("a stream of over 100 events");

    SseReader event = new SseReader(repeat("data: 0123456789\n"), System::nanoTime, limits);
    assertThatThrownBy(event::next).isInstanceOf(SseLimitExceeded.class)
        .hasMessageContaining("an SSE event with over 4 KiB of data");

    SseReader comments = new SseReader(repeat(": ping\n"), System::nanoTime, limits);
    assertThatThrownBy(comments::next).isInstanceOf(SseLimitExceeded.class)
        .hasMessageContaining("a stream of over 1 MiB");
    assertThat(comments.comments()).hasSize(SseReader.MAX_KEPT);

    SseReader violations = new SseReader(repeat("nonsense\n"), System::nanoTime, limits);
    assertThatThrownBy(violations::next).isInstanceOf(SseLimitExceeded.class);
    assertThat(violations.violations()).hasSize(SseReader.MAX_KEPT + 1);
    assertThat(violations.violations().get(SseReader.MAX_KEPT).problem()).endsWith("more violations, not listed");
  }

  @Test
  void safeTextEscapesWhatATerminalOrABrowserWouldRender() {
    assertThat(SafeText.line("a\u001B[31mb\u0007c\td\ne\u007F\u0085\u202E\u2066\u200F\uD800"))
        .isEqualTo("a\\x1B[31mb\\x07c\\x09d\\x0Ae\\x7F\\x85\\u202E\\u2066\\u200F\\uD800");
    assertThat(SafeText.multiline("tab\tline\nCR\r")).isEqualTo("tab\tline\nCR\\x0D");
    assertThat(SafeText.multiline("a\r\nb\rc")).isEqualTo("a\r\nb\\x0Dc");
    assertThat(SafeText.line("plain text, \u00E9t\u00E9, \uD83D\uDE00")).isEqualTo("plain text, \u00E9t\u00E9,"
        + " \uD83D\uDE00");
    assertThat(SafeText.cut("x".repeat(100), 10)).isEqualTo("xxxxxxxxxx...[cut: 90 more chars]");
  }

  private static InputStream repeat(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return new InputStream() {
      private long position;

      @Override
      public int read() {
        return bytes[(int) (position++ % bytes.length)];
      }
    };
  }
}
