package dev.llmtck.tck.sse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * A strict reader of a {@code text/event-stream} body. It follows the WHATWG parsing rules (lines end in CRLF,
 * LF or CR; a blank line dispatches an event; {@code :} starts a comment; one space after the colon is dropped;
 * several {@code data:} lines join with {@code \n}), and where a browser would silently ignore a mistake it
 * records an {@link SseViolation}: unknown field names, lines without a colon, invalid UTF-8, and a stream that
 * ends in the middle of an event (no closing blank line).
 *
 * <p>Not thread-safe; read from one thread. Events carry their arrival time so callers can judge streaming.
 */
public final class SseReader {

  private static final Set<String> FIELDS = Set.of("event", "data", "id", "retry");

  private final PushbackInputStream in;
  private final LongSupplier arrivalClock;
  private final List<SseViolation> violations = new ArrayList<>();
  private final List<String> comments = new ArrayList<>();
  private int lineNumber;
  private String lastEventId;
  private boolean ended;

  /** Reads events from {@code in}, timing them by {@link System#nanoTime()} as they are parsed. */
  public SseReader(InputStream in) {
    this(in, System::nanoTime);
  }

  /**
   * Reads events from {@code in}; the caller closes it.
   *
   * @param arrivalClock gives an event's {@link SseEvent#receivedNanos()} when its closing blank line has been
   *     read: pass the time the bytes arrived (see {@link ArrivalTimingInputStream}) so that a slow reader does
   *     not make a burst look spread out
   */
  public SseReader(InputStream in, LongSupplier arrivalClock) {
    this.in = new PushbackInputStream(in, 1);
    this.arrivalClock = arrivalClock;
  }

  /**
   * Reads up to and including the next event.
   *
   * @return the event, or empty at the end of the stream
   * @throws IOException when reading fails (for example a timeout closed the stream)
   */
  public Optional<SseEvent> next() throws IOException {
    StringBuilder data = null;
    String type = null;
    boolean fieldSeen = false;
    while (true) {
      String line = readLine();
      if (line == null) {
        if (fieldSeen) {
          violations.add(new SseViolation(lineNumber, "stream ended inside an event (no blank line after it)"));
        }
        return Optional.empty();
      }
      if (lineNumber == 1 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      if (line.isEmpty()) {
        if (data != null) {
          return Optional.of(new SseEvent(type == null ? "message" : type, data.toString(), lastEventId,
              arrivalClock.getAsLong()));
        }
        fieldSeen = false;
        type = null;
        continue;
      }
      if (line.startsWith(":")) {
        comments.add(line.substring(1));
        continue;
      }
      int colon = line.indexOf(':');
      if (colon < 0) {
        violations.add(new SseViolation(lineNumber, "line without a colon: " + abbreviate(line)));
        fieldSeen = true;
        continue;
      }
      String field = line.substring(0, colon);
      String value = line.substring(colon + 1);
      if (value.startsWith(" ")) {
        value = value.substring(1);
      }
      fieldSeen = true;
      if (!FIELDS.contains(field)) {
        violations.add(new SseViolation(lineNumber, "unknown field '" + abbreviate(field) + "'"));
        continue;
      }
      switch (field) {
        case "data" -> {
          if (data == null) {
            data = new StringBuilder(value);
          } else {
            data.append('\n').append(value);
          }
        }
        case "event" -> type = value;
        case "id" -> {
          if (value.indexOf('\0') < 0) {
            lastEventId = value;
          }
        }
        default -> {
          if (!value.chars().allMatch(Character::isDigit)) {
            violations.add(new SseViolation(lineNumber, "retry is not a number: " + abbreviate(value)));
          }
        }
      }
    }
  }

  /** Framing problems seen so far, in order. */
  public List<SseViolation> violations() {
    return List.copyOf(violations);
  }

  /** Comment lines seen so far, without their leading colon (keep-alives such as {@code : ping}). */
  public List<String> comments() {
    return List.copyOf(comments);
  }

  private String readLine() throws IOException {
    if (ended) {
      return null;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    while (true) {
      int b = in.read();
      if (b == -1) {
        ended = true;
        if (bytes.size() == 0) {
          return null;
        }
        violations.add(new SseViolation(lineNumber + 1, "last line has no line ending"));
        break;
      }
      if (b == '\n') {
        break;
      }
      if (b == '\r') {
        int following = in.read();
        if (following != '\n' && following != -1) {
          in.unread(following);
        }
        break;
      }
      bytes.write(b);
    }
    lineNumber++;
    return decode(bytes.toByteArray());
  }

  private String decode(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      violations.add(new SseViolation(lineNumber, "invalid UTF-8"));
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 60 ? text : text.substring(0, 60) + "...";
  }
}
