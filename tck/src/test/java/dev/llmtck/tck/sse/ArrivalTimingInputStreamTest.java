package dev.llmtck.tck.sse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ArrivalTimingInputStreamTest {

  @Test
  void eventsCarryTheTimeTheirBytesArrivedNotWhenTheyWereParsed() throws IOException {
    InputStream network = new SequenceInputStream(bytes("data: a\n\ndata: b\n\n"), new SlowPart("data: c\n\n", 30));
    ArrivalTimingInputStream timed = new ArrivalTimingInputStream(network, 1024);
    SseReader reader = new SseReader(timed, timed::arrivalNanos);

    SseEvent a = reader.next().orElseThrow();
    sleep(20);
    SseEvent b = reader.next().orElseThrow();
    SseEvent c = reader.next().orElseThrow();

    assertThat(b.receivedNanos()).as("b came in the same read as a").isEqualTo(a.receivedNanos());
    assertThat((c.receivedNanos() - b.receivedNanos()) / 1_000_000).isGreaterThanOrEqualTo(25);
    assertThat(reader.next()).isEqualTo(Optional.empty());
    assertThat(timed.keptText()).isEqualTo("data: a\n\ndata: b\n\ndata: c\n\n");
  }

  @Test
  void keepsOnlyTheFirstBytes() throws IOException {
    ArrivalTimingInputStream timed = new ArrivalTimingInputStream(bytes("0123456789"), 4);
    assertThat(timed.readAllBytes()).hasSize(10);
    assertThat(timed.keptText()).isEqualTo("0123");
  }

  private static InputStream bytes(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A part of the body that arrives only after a pause. */
  private static final class SlowPart extends InputStream {
    private final InputStream body;
    private final long delayMillis;
    private boolean waited;

    SlowPart(String text, long delayMillis) {
      this.body = bytes(text);
      this.delayMillis = delayMillis;
    }

    @Override
    public int read() throws IOException {
      pause();
      return body.read();
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
      pause();
      return body.read(target, offset, length);
    }

    private void pause() {
      if (!waited) {
        waited = true;
        sleep(delayMillis);
      }
    }
  }
}
