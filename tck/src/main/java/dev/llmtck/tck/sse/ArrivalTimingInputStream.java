package dev.llmtck.tck.sse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads a network body in bulk and remembers when the bytes being served arrived, so event times reflect the
 * network and not how fast the reader parses. Also keeps the first bytes for evidence.
 */
public final class ArrivalTimingInputStream extends InputStream {

  private final InputStream in;
  private final byte[] buffer = new byte[8192];
  private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
  private final int keepLimit;
  private int position;
  private int limit;
  private long arrivalNanos = System.nanoTime();

  /**
   * @param in the body as it comes off the network
   * @param keepLimit how many leading bytes to keep for {@link #keptText()}
   */
  public ArrivalTimingInputStream(InputStream in, int keepLimit) {
    this.in = in;
    this.keepLimit = keepLimit;
  }

  @Override
  public int read() throws IOException {
    if (position == limit && !fill()) {
      return -1;
    }
    return buffer[position++] & 0xFF;
  }

  @Override
  public int read(byte[] target, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (position == limit && !fill()) {
      return -1;
    }
    int count = Math.min(length, limit - position);
    System.arraycopy(buffer, position, target, offset, count);
    position += count;
    return count;
  }

  /** {@link System#nanoTime()} when the bytes now being served arrived. */
  public long arrivalNanos() {
    return arrivalNanos;
  }

  /** The first bytes of the body. */
  public byte[] keptBytes() {
    return kept.toByteArray();
  }

  /** The first bytes of the body, as text. */
  public String keptText() {
    return kept.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  private boolean fill() throws IOException {
    int count = in.read(buffer, 0, buffer.length);
    if (count <= 0) {
      return false;
    }
    arrivalNanos = System.nanoTime();
    position = 0;
    limit = count;
    kept.write(buffer, 0, Math.min(count, Math.max(keepLimit - kept.size(), 0)));
    return true;
  }
}
