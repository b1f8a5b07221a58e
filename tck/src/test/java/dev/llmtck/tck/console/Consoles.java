package dev.llmtck.tck.console;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The consoles the kit's own tests hand to its commands ({@code run}, {@code bench}, {@code fidelity}, ...). Each
 * one copies what it is given, so that {@link NoStackTraceInConsoles} can check, when the test ends, that no run
 * printed a stack trace: a platform engineer gets sentences, never a Java trace. A console can only be made in a
 * test class that registers that extension, so no command's output escapes the check.
 */
public final class Consoles {
  // The current test's consoles. Not per thread: a test may run its command on another thread (a preemptive
  // timeout); the kit's tests run one at a time per JVM.
  private static volatile List<Copy> active;

  private Consoles() {
  }

  /** A UTF-8 console writing to {@code sink}, checked when the current test ends. */
  public static PrintStream capture(OutputStream sink) {
    List<Copy> copies = active;
    if (copies == null) {
      throw new IllegalStateException("a console made outside a test checked for stack traces: annotate the test "
          + "class with @ExtendWith(NoStackTraceInConsoles.class)");
    }
    Copy copy = new Copy(sink);
    copies.add(copy);
    return new PrintStream(copy, true, StandardCharsets.UTF_8);
  }

  static void begin() {
    active = java.util.Collections.synchronizedList(new ArrayList<>());
  }

  /** What every console made since {@link #begin()} received, and forgets them. */
  static List<String> end() {
    List<Copy> copies = active;
    active = null;
    List<String> texts = new ArrayList<>();
    if (copies != null) {
      synchronized (copies) {
        copies.forEach(copy -> texts.add(copy.text()));
      }
    }
    return texts;
  }

  /** Writes through to the sink and keeps a copy. */
  private static final class Copy extends OutputStream {
    private final OutputStream sink;
    private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

    Copy(OutputStream sink) {
      this.sink = sink;
    }

    @Override
    public synchronized void write(int b) throws IOException {
      sink.write(b);
      copy.write(b);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
      sink.write(bytes, offset, length);
      copy.write(bytes, offset, length);
    }

    @Override
    public void flush() throws IOException {
      sink.flush();
    }

    synchronized String text() {
      return copy.toString(StandardCharsets.UTF_8);
    }
  }
}
