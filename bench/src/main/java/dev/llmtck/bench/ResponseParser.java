package dev.llmtck.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * An incremental HTTP/1.1 response parser for the load client: status line and headers, then a body framed by
 * {@code Content-Length} or chunked transfer encoding. Body bytes go to a {@link Listener} as they arrive; the
 * parser then waits for the next response on the same connection. Just enough HTTP for loopback benchmarks
 * (no 1xx, no trailers beyond the blank line, no close-delimited bodies).
 */
final class ResponseParser {

  /** Hears what a response carries. */
  interface Listener {
    /** Body bytes (de-chunked) that arrived at {@code nanos}; {@code data} is only valid during the call. */
    void onBody(byte[] data, int offset, int length, long nanos);

    /** The response ended. */
    void onComplete(int status, long nanos);
  }

  private enum State { HEAD, FIXED_BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_DATA_END, TRAILER }

  private final Listener listener;
  private final StringBuilder line = new StringBuilder();
  private State state = State.HEAD;
  private int status;
  private long remaining;
  private boolean chunked;
  private long contentLength;
  private boolean headStarted;

  ResponseParser(Listener listener) {
    this.listener = listener;
  }

  /** Consumes everything readable in {@code buffer} (array-backed, in read mode). */
  void feed(ByteBuffer buffer, long nanos) {
    byte[] data = buffer.array();
    int pos = buffer.arrayOffset() + buffer.position();
    int end = buffer.arrayOffset() + buffer.limit();
    while (pos < end) {
      switch (state) {
        case HEAD, CHUNK_SIZE, TRAILER -> {
          byte b = data[pos++];
          if (b == '\n') {
            onLine(line.toString(), nanos);
            line.setLength(0);
          } else if (b != '\r') {
            line.append((char) b);
          }
        }
        case FIXED_BODY, CHUNK_DATA -> {
          int n = (int) Math.min(remaining, end - pos);
          listener.onBody(data, pos, n, nanos);
          pos += n;
          remaining -= n;
          if (remaining == 0) {
            if (state == State.FIXED_BODY) {
              complete(nanos);
            } else {
              state = State.CHUNK_DATA_END;
              remaining = 2;
            }
          }
        }
        case CHUNK_DATA_END -> {
          pos++;
          if (--remaining == 0) {
            state = State.CHUNK_SIZE;
          }
        }
        default -> throw new IllegalStateException();
      }
    }
    buffer.position(buffer.limit());
  }

  private void onLine(String text, long nanos) {
    switch (state) {
      case HEAD -> {
        if (!headStarted) {
          headStarted = true;
          status = Integer.parseInt(text.substring(9, 12));
          chunked = false;
          contentLength = 0;
        } else if (text.isEmpty()) {
          if (chunked) {
            state = State.CHUNK_SIZE;
          } else if (contentLength > 0) {
            state = State.FIXED_BODY;
            remaining = contentLength;
          } else {
            complete(nanos);
          }
        } else {
          String lower = text.toLowerCase(java.util.Locale.ROOT);
          if (lower.startsWith("content-length:")) {
            contentLength = Long.parseLong(text.substring(15).trim());
          } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
            chunked = true;
          }
        }
      }
      case CHUNK_SIZE -> {
        int semicolon = text.indexOf(';');
        long size = Long.parseLong((semicolon < 0 ? text : text.substring(0, semicolon)).trim(), 16);
        if (size == 0) {
          state = State.TRAILER;
        } else {
          state = State.CHUNK_DATA;
          remaining = size;
        }
      }
      case TRAILER -> {
        if (text.isEmpty()) {
          complete(nanos);
        }
      }
      default -> throw new IllegalStateException();
    }
  }

  private void complete(long nanos) {
    state = State.HEAD;
    headStarted = false;
    listener.onComplete(status, nanos);
  }

  static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
