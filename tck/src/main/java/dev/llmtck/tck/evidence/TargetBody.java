package dev.llmtck.tck.evidence;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How much of a target's answer the kit reads, and how it reads it: a hostile or broken target must not be able
 * to exhaust the kit's memory, nor make it print binary, nor hide what is wrong behind a parser's limit.
 *
 * <ul>
 *   <li>A whole (non-streamed) body is read up to {@link #maxBodyBytes()} (16 MiB unless the system property
 *   {@value #MAX_BODY_PROPERTY} gives another number of MiB); a longer one fails the clause with
 *   {@link TooLarge}, "the body is over 16 MiB", without reading the rest (a declared {@code Content-Length}
 *   over the bound is refused before reading anything).</li>
 *   <li>A body that is not text (a {@code Content-Encoding} the kit did not ask for, such as gzip: the kit asks
 *   for {@code identity} and never inflates; bytes that are not UTF-8; NUL bytes) is shown as
 *   {@code (N bytes, not text: ...)}, never as its bytes.</li>
 *   <li>JSON is parsed with bounds ({@value #MAX_JSON_DEPTH} levels of nesting, {@value #MAX_JSON_TOKENS}
 *   tokens); a body beyond them is said to be so, with its real depth, not "not JSON".</li>
 * </ul>
 */
public final class TargetBody {
  /** System property: the most a whole body may have, in MiB. */
  public static final String MAX_BODY_PROPERTY = "llmtck.maxBodyMiB";
  /** The default bound of a whole body, in MiB. */
  public static final int DEFAULT_MAX_BODY_MIB = 16;
  /** The deepest nesting the kit parses (Jackson's default). */
  public static final int MAX_JSON_DEPTH = StreamReadConstraints.DEFAULT_MAX_DEPTH;
  /** The most JSON tokens the kit parses in one document (a tree of more would cost the kit its memory). */
  public static final long MAX_JSON_TOKENS = 1_000_000;
  /** The {@code Accept-Encoding} every client sends: the kit never decompresses a target's answer. */
  public static final String ACCEPT_ENCODING = "identity";

  private static final int HEAD_KEPT = 16 * 1024;
  private static final String NOT_UTF8 = "it is not UTF-8";

  private static final ObjectMapper LENIENT = new ObjectMapper(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_JSON_DEPTH)
          .maxTokenCount(MAX_JSON_TOKENS).build())
      .build());
  private static final ObjectMapper STRICT = LENIENT.copy().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread thread = new Thread(task, "llmtck-body-deadlines");
    thread.setDaemon(true);
    return thread;
  });

  private TargetBody() {
  }

  /**
   * Closes {@code body} when {@code nanos} have passed (cancel the returned future once read), so a target that
   * trickles a body cannot hold a clause beyond its timeout; {@code timedOut} is set when it fired.
   */
  public static ScheduledFuture<?> closeAfter(InputStream body, long nanos, AtomicBoolean timedOut) {
    return DEADLINES.schedule(() -> {
      timedOut.set(true);
      try {
        body.close();
      } catch (IOException ignored) {
        // the reader sees the closed stream
      }
    }, Math.max(nanos, 0), TimeUnit.NANOSECONDS);
  }

  /**
   * {@link #read} within a deadline.
   *
   * @throws HttpTimeoutException when the body had not arrived within {@code timeout}
   */
  public static byte[] readWithin(InputStream in, long limit, long declaredLength, Duration timeout)
      throws IOException {
    AtomicBoolean timedOut = new AtomicBoolean();
    ScheduledFuture<?> deadline = closeAfter(in, timeout.toNanos(), timedOut);
    try (in) {
      return read(in, limit, declaredLength);
    } catch (IOException e) {
      if (timedOut.get()) {
        throw new HttpTimeoutException("the body did not arrive within " + timeout.toSeconds() + " s");
      }
      throw e;
    } finally {
      deadline.cancel(false);
    }
  }

  /** The most bytes of a whole body the kit reads. */
  public static long maxBodyBytes() {
    return mibProperty(MAX_BODY_PROPERTY, DEFAULT_MAX_BODY_MIB);
  }

  /** A system property holding a positive number of MiB, in bytes, or the default. */
  public static long mibProperty(String name, int defaultMib) {
    String value = System.getProperty(name);
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

  /** {@code bytes} as the kit says it: {@code 16 MiB}, {@code 512 KiB}, {@code 20 bytes}. */
  public static String size(long bytes) {
    if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
      return bytes / (1024 * 1024) + " MiB";
    }
    if (bytes >= 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }
    if (bytes >= 1024 && bytes % 1024 == 0) {
      return bytes / 1024 + " KiB";
    }
    return bytes + " bytes";
  }

  /** A body longer than the kit reads: the clause fails with this message; the first bytes are kept. */
  public static final class TooLarge extends IOException {
    private final transient byte[] head;

    TooLarge(String message, byte[] head) {
      super(message);
      this.head = head;
    }

    /** The first bytes read, for evidence. */
    public byte[] head() {
      return head.clone();
    }
  }

  /**
   * Reads a whole body, at most {@code limit} bytes.
   *
   * @param declaredLength the {@code Content-Length}, or -1
   * @throws TooLarge when the body is longer (or says it is)
   */
  public static byte[] read(InputStream in, long limit, long declaredLength) throws IOException {
    if (declaredLength > limit) {
      throw new TooLarge(overMessage(limit, "its Content-Length is " + declaredLength + " bytes"), new byte[0]);
    }
    byte[] buffer = new byte[(int) Math.min(declaredLength >= 0 ? declaredLength + 1 : 8192, limit + 1)];
    int size = 0;
    while (true) {
      if (size == buffer.length) {
        if (size > limit) {
          throw new TooLarge(overMessage(limit, null), Arrays.copyOf(buffer, HEAD_KEPT));
        }
        buffer = Arrays.copyOf(buffer, (int) Math.min(Math.max(buffer.length * 2L, 8192), limit + 1));
      }
      int count = in.read(buffer, size, buffer.length - size);
      if (count < 0) {
        return size == buffer.length ? buffer : Arrays.copyOf(buffer, size);
      }
      size += count;
      if (size > limit) {
        throw new TooLarge(overMessage(limit, null), Arrays.copyOf(buffer, HEAD_KEPT));
      }
    }
  }

  private static String overMessage(long limit, String why) {
    return "the body is over " + size(limit) + (why == null ? "" : " (" + why + ")") + ": the kit reads at most "
        + size(limit) + " of an answer and judges nothing bigger (-D" + MAX_BODY_PROPERTY + "=<MiB> to change)";
  }

  /** The {@code Content-Length} a response declares, or -1. */
  public static long declaredLength(Map<String, List<String>> headers) {
    return header(headers, "content-length").map(value -> {
      try {
        return Long.parseLong(value.strip());
      } catch (NumberFormatException e) {
        return -1L;
      }
    }).orElse(-1L);
  }

  /** Why a body with these headers and bytes is not text, or empty when it is UTF-8 text. */
  public static Optional<String> notText(byte[] body, Map<String, List<String>> headers) {
    Optional<String> encoding = header(headers, "content-encoding").map(String::strip)
        .filter(value -> !value.isEmpty() && !value.equalsIgnoreCase("identity") && !value.equalsIgnoreCase("none"));
    if (encoding.isPresent()) {
      return Optional.of("Content-Encoding " + SafeText.line(SafeText.cut(encoding.get(), 40))
          + ", which the kit did not ask for (it sends Accept-Encoding: " + ACCEPT_ENCODING + ") and does not"
          + " decode");
    }
    for (byte b : body) {
      if (b == 0) {
        return Optional.of("it holds NUL bytes");
      }
    }
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
      return Optional.empty();
    } catch (CharacterCodingException e) {
      return Optional.of(NOT_UTF8);
    }
  }

  /** A body as the kit shows and checks it: its text, or {@code (N bytes, not text: why)}. */
  public static String text(byte[] body, Map<String, List<String>> headers) {
    Optional<String> why = notText(body, headers);
    return why.map(reason -> binary(body.length, reason)).orElseGet(() -> new String(body, StandardCharsets.UTF_8));
  }

  /**
   * The first bytes of a longer body (a stream, a body over the bound) as the kit shows them: like {@link #text},
   * but a character cut in two at the end does not make it "not text".
   */
  public static String headText(byte[] head, Map<String, List<String>> headers) {
    Optional<String> why = notText(head, headers);
    for (int drop = 1; why.isPresent() && why.get().equals(NOT_UTF8) && drop <= 3 && drop < head.length; drop++) {
      Optional<String> shorter = notText(Arrays.copyOf(head, head.length - drop), headers);
      if (shorter.isEmpty()) {
        return new String(head, 0, head.length - drop, StandardCharsets.UTF_8);
      }
    }
    return why.map(reason -> binary(head.length, reason)).orElseGet(() -> new String(head, StandardCharsets.UTF_8));
  }

  /** How a body that is not text is shown. */
  public static String binary(long bytes, String why) {
    return "(" + bytes + " bytes, not text: " + why + ")";
  }

  /** Whether {@code text} is how {@link #binary} shows a body that is not text. */
  public static boolean isBinaryMarker(String text) {
    return text != null && text.startsWith("(") && text.contains(" bytes, not text") && text.endsWith(")");
  }

  /**
   * A body parsed as JSON.
   *
   * @param node the tree, or {@code null} when the body is not JSON (or is beyond the kit's parser)
   * @param beyondKit why the kit could not judge the body although it may be JSON (nested too deep, too many
   *     tokens, too big for the kit's memory), or {@code null}
   */
  public record Json(JsonNode node, String beyondKit) {
  }

  /** Parses a body, refusing anything after the JSON value; never throws. */
  public static Json parse(String text) {
    return parse(text, true);
  }

  /**
   * Parses a body; never throws.
   *
   * @param strict whether text after the first JSON value makes the body "not JSON"
   */
  public static Json parse(String text, boolean strict) {
    if (text == null || text.isBlank() || isBinaryMarker(text)) {
      return new Json(null, null);
    }
    try {
      return new Json((strict ? STRICT : LENIENT).readTree(text), null);
    } catch (StreamConstraintsException e) {
      return new Json(null, beyond(text, e));
    } catch (JsonProcessingException e) {
      return new Json(null, null);
    } catch (OutOfMemoryError e) {
      return new Json(null, "the body (" + text.length() + " chars of JSON) is too big for the kit's memory"
          + " (" + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB heap; give the kit more with"
          + " LLMTCK_JAVA_OPTS=-Xmx...)");
    }
  }

  private static String beyond(String text, StreamConstraintsException e) {
    String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    if (message.contains("nesting depth")) {
      return "the body is JSON nested " + depth(text) + " levels deep, deeper than the kit's parser reads ("
          + MAX_JSON_DEPTH + " levels), so the kit cannot judge it";
    }
    if (message.contains("Token count")) {
      return "the body is JSON of over " + MAX_JSON_TOKENS + " tokens, more than the kit's parser reads, so the"
          + " kit cannot judge it";
    }
    return "the body is beyond the kit's JSON parser (" + SafeText.cut(message, 200) + ")";
  }

  /** The deepest nesting of arrays and objects in a JSON text (strings skipped). */
  public static int depth(String text) {
    int depth = 0;
    int deepest = 0;
    boolean inString = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '[' || c == '{') {
        deepest = Math.max(deepest, ++depth);
      } else if (c == ']' || c == '}') {
        depth--;
      }
    }
    return deepest;
  }

  private static Optional<String> header(Map<String, List<String>> headers, String name) {
    return headers.entrySet().stream().filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase(name))
        .flatMap(e -> e.getValue().stream()).findFirst();
  }
}
