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
 * <p>It reads within {@link Limits bounds}, so a hostile stream cannot exhaust the kit's memory: a line over
 * {@link Limits#lineBytes()} (1 MiB unless the system property {@value #MAX_LINE_PROPERTY} gives another number
 * of MiB), an event whose data is over {@link Limits#eventBytes()}, a stream over {@link Limits#streamBytes()}
 * ({@value #MAX_STREAM_PROPERTY}, 64 MiB) or of more than {@link Limits#events()} events stops the reading with
 * {@link SseLimitExceeded}, which says which bound; only the first {@value #MAX_KEPT} violations and comments are
 * kept (the rest are counted).
 *
 * <p>Not thread-safe; read from one thread. Events carry their arrival time so callers can judge streaming.
 */
public final class SseReader {
  /** System property: the longest line read, in MiB. */
  public static final String MAX_LINE_PROPERTY = "llmtck.maxSseLineMiB";
  /** System property: the most bytes of one stream read, in MiB. */
  public static final String MAX_STREAM_PROPERTY = "llmtck.maxStreamMiB";
  /** How many violations and comments are kept. */
  public static final int MAX_KEPT = 1000;

  private static final Set<String> FIELDS = Set.of("event", "data", "id", "retry");

  /**
   * The bounds of one stream.
   *
   * @param lineBytes the longest line
   * @param eventBytes the most data of one event (its {@code data:} lines together)
   * @param streamBytes the most bytes of the whole stream
   * @param events the most events
   */
  public record Limits(long lineBytes, long eventBytes, long streamBytes, long events) {

    /** The kit's bounds: 1 MiB lines, 16 MiB events, 64 MiB streams, 200,000 events (or the properties). */
    public static Limits defaults() {
      return new Limits(mib(MAX_LINE_PROPERTY, 1), 16L * 1024 * 1024, mib(MAX_STREAM_PROPERTY, 64), 200_000);
    }
  }

  private final PushbackInputStream in;
  private final LongSupplier arrivalClock;
  private final Limits limits;
  private final List<SseViolation> violations = new ArrayList<>();
  private final List<String> comments = new ArrayList<>();
  private int violationsLeftOut;
  private int lineNumber;
  private long bytesRead;
  private long eventCount;
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
    this(in, arrivalClock, Limits.defaults());
  }

  /** Reads events from {@code in} within {@code limits}; the caller closes it. */
  public SseReader(InputStream in, LongSupplier arrivalClock, Limits limits) {
    this.in = new PushbackInputStream(in, 1);
    this.arrivalClock = arrivalClock;
    this.limits = limits;
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
          violation(lineNumber, "stream ended inside an event (no blank line after it)");
        }
        return Optional.empty();
      }
      if (lineNumber == 1 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      if (line.isEmpty()) {
        if (data != null) {
          if (++eventCount > limits.events()) {
            throw new SseLimitExceeded("a stream of over " + limits.events() + " events: the kit reads at most "
                + limits.events() + " events of a stream");
          }
          return Optional.of(new SseEvent(type == null ? "message" : type, data.toString(), lastEventId,
              arrivalClock.getAsLong()));
        }
        fieldSeen = false;
        type = null;
        continue;
      }
      if (line.startsWith(":")) {
        if (comments.size() < MAX_KEPT) {
          comments.add(line.substring(1));
        }
        continue;
      }
      int colon = line.indexOf(':');
      if (colon < 0) {
        violation(lineNumber, "line without a colon: " + abbreviate(line));
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
        violation(lineNumber, "unknown field '" + abbreviate(field) + "'");
        continue;
      }
      switch (field) {
        case "data" -> {
          if (data == null) {
            data = new StringBuilder(value);
          } else {
            data.append('\n').append(value);
          }
          if (data.length() > limits.eventBytes()) {
            throw new SseLimitExceeded("an SSE event with over " + size(limits.eventBytes()) + " of data (line "
                + lineNumber + "): the kit reads at most " + size(limits.eventBytes()) + " of one event");
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
            violation(lineNumber, "retry is not a number: " + abbreviate(value));
          }
        }
      }
    }
  }

  /** Framing problems seen so far, in order (the first {@value #MAX_KEPT}, then how many more). */
  public List<SseViolation> violations() {
    if (violationsLeftOut == 0) {
      return List.copyOf(violations);
    }
    List<SseViolation> all = new ArrayList<>(violations);
    all.add(new SseViolation(lineNumber, violationsLeftOut + " more violations, not listed"));
    return List.copyOf(all);
  }

  /** How many bytes of the stream have been read. */
  public long bytesRead() {
    return bytesRead;
  }

  private void violation(int line, String problem) {
    if (violations.size() < MAX_KEPT) {
      violations.add(new SseViolation(line, problem));
    } else {
      violationsLeftOut++;
    }
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
        violation(lineNumber + 1, "last line has no line ending");
        break;
      }
      if (++bytesRead > limits.streamBytes()) {
        throw new SseLimitExceeded("a stream of over " + size(limits.streamBytes()) + ": the kit reads at most "
            + size(limits.streamBytes()) + " of a stream (-D" + MAX_STREAM_PROPERTY + "=<MiB> to change)");
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
      if (bytes.size() >= limits.lineBytes()) {
        throw new SseLimitExceeded("an SSE line over " + size(limits.lineBytes()) + " (line " + (lineNumber + 1)
            + "): the kit reads at most " + size(limits.lineBytes()) + " of one line (-D" + MAX_LINE_PROPERTY
            + "=<MiB> to change)");
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
      violation(lineNumber, "invalid UTF-8");
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private static long mib(String property, int defaultMib) {
    String value = System.getProperty(property);
    if (value != null) {
      try {
        long mib = Long.parseLong(value.strip());
        if (mib > 0 && mib <= 1024) {
          return mib * 1024 * 1024;
        }
      } catch (NumberFormatException e) {
        // the default below
      }
    }
    return defaultMib * 1024L * 1024L;
  }

  private static String size(long bytes) {
    return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB"
        : bytes % 1024 == 0 ? bytes / 1024 + " KiB" : bytes + " bytes";
  }

  private static String abbreviate(String text) {
    return text.length() <= 60 ? text : text.substring(0, 60) + "...";
  }
}
