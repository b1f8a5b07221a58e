package dev.llmtck.tck.sse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SseReaderTest {

  @Test
  void readsOpenAiStyleEventsUpToDone() throws IOException {
    Read read = read("data: {\"a\":1}\n\ndata: {\"a\":2}\n\ndata: [DONE]\n\n");

    assertThat(read.events).extracting(SseEvent::data).containsExactly("{\"a\":1}", "{\"a\":2}", "[DONE]");
    assertThat(read.events.get(2).isDone()).isTrue();
    assertThat(read.events).extracting(SseEvent::type).containsOnly("message");
    assertThat(read.reader.violations()).isEmpty();
  }

  @Test
  void acceptsCrLfAndLoneCrLineEndings() throws IOException {
    assertThat(read("data: x\r\n\r\ndata: y\r\rdata: z\n\n").events).extracting(SseEvent::data)
        .containsExactly("x", "y", "z");
  }

  @Test
  void joinsMultiLineDataWithNewlines() throws IOException {
    assertThat(read("data: first\ndata:second\ndata:  third\n\n").events).extracting(SseEvent::data)
        .containsExactly("first\nsecond\n third");
  }

  @Test
  void keepsCommentsApartFromEvents() throws IOException {
    Read read = read(": keep-alive\n\ndata: x\n: ping\n\n");

    assertThat(read.events).extracting(SseEvent::data).containsExactly("x");
    assertThat(read.reader.comments()).containsExactly(" keep-alive", " ping");
    assertThat(read.reader.violations()).isEmpty();
  }

  @Test
  void readsEventTypeAndLastEventId() throws IOException {
    Read read = read("event: error\nid: 7\ndata: oops\n\ndata: next\n\n");

    assertThat(read.events.get(0)).extracting(SseEvent::type, SseEvent::id).containsExactly("error", "7");
    assertThat(read.events.get(1)).extracting(SseEvent::type, SseEvent::id).containsExactly("message", "7");
  }

  @Test
  void blankLineWithoutDataDispatchesNothing() throws IOException {
    assertThat(read("event: nothing\n\n\n\ndata: x\n\n").events).extracting(SseEvent::data).containsExactly("x");
  }

  @Test
  void reportsAStreamThatEndsInsideAnEvent() throws IOException {
    Read read = read("data: x\n\ndata: [DONE]\n");

    assertThat(read.events).extracting(SseEvent::data).containsExactly("x");
    assertThat(read.reader.violations()).singleElement().asString().contains("ended inside an event");
  }

  @Test
  void reportsAMissingFinalLineEnding() throws IOException {
    assertThat(read("data: x\n\ndata: y").reader.violations()).extracting(SseViolation::problem)
        .contains("last line has no line ending", "stream ended inside an event (no blank line after it)");
  }

  @Test
  void reportsUnknownFieldsAndLinesWithoutColon() throws IOException {
    Read read = read("dat: x\n\n[DONE]\n\ndata: y\n\n");

    assertThat(read.events).extracting(SseEvent::data).containsExactly("y");
    assertThat(read.reader.violations()).extracting(SseViolation::line).containsExactly(1, 3);
    assertThat(read.reader.violations().get(0).problem()).contains("unknown field 'dat'");
    assertThat(read.reader.violations().get(1).problem()).contains("without a colon");
  }

  @Test
  void reportsInvalidUtf8() throws IOException {
    byte[] bytes = {'d', 'a', 't', 'a', ':', ' ', (byte) 0xC3, (byte) 0x28, '\n', '\n'};
    SseReader reader = new SseReader(new ByteArrayInputStream(bytes));

    assertThat(reader.next()).isPresent();
    assertThat(reader.violations()).singleElement().asString().contains("invalid UTF-8");
  }

  @Test
  void emptyBodyHasNoEvents() throws IOException {
    Read read = read("");

    assertThat(read.events).isEmpty();
    assertThat(read.reader.violations()).isEmpty();
  }

  @Test
  void skipsAByteOrderMarkAtTheStart() throws IOException {
    assertThat(read("\uFEFFdata: x\n\n").events).extracting(SseEvent::data).containsExactly("x");
  }

  private static Read read(String body) throws IOException {
    SseReader reader = new SseReader(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    List<SseEvent> events = new ArrayList<>();
    for (Optional<SseEvent> event = reader.next(); event.isPresent(); event = reader.next()) {
      events.add(event.get());
    }
    return new Read(reader, events);
  }

  private record Read(SseReader reader, List<SseEvent> events) {}
}
