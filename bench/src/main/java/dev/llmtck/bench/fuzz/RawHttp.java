package dev.llmtck.bench.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a raw socket, as the fuzz needs it: requests are bytes it builds itself (so they can be as
 * broken as it likes), responses are read by a small strict parser that knows where a response ends
 * (Content-Length, chunked, or the connection closing) and how long it may take.
 */
final class RawHttp {
  /** The most of a response body the fuzz keeps (the rest is read and counted, not kept). */
  private static final int KEEP = 16 * 1024 * 1024;

  private RawHttp() {
  }

  /** One response as read from the wire. */
  record Response(int status, Map<String, List<String>> headers, byte[] body, long bodyLength) {
    String header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null || values.isEmpty() ? null : values.get(0);
    }

    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }

    boolean closes() {
      String connection = header("connection");
      return connection != null && connection.toLowerCase(Locale.ROOT).contains("close");
    }
  }

  /** A request in wire bytes: the request line, the headers in order, then the body. */
  static byte[] request(String method, String target, List<String[]> headers, byte[] body) {
    var out = new ByteArrayOutputStream(256 + (body == null ? 0 : body.length));
    out.writeBytes((method + " " + target + " HTTP/1.1\r\n").getBytes(StandardCharsets.ISO_8859_1));
    for (String[] header : headers) {
      out.writeBytes((header[0] + ": " + header[1] + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    }
    out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
    if (body != null) {
      out.writeBytes(body);
    }
    return out.toByteArray();
  }

  /** Thrown when the connection ended before a whole response. */
  static final class Closed extends IOException {
    private static final long serialVersionUID = 1L;

    Closed(String message) {
      super(message);
    }
  }

  /**
   * Reads the next response (skipping {@code 100 Continue}); {@code in} must have a read timeout set. Throws
   * {@link Closed} when the connection ends first, {@link SocketTimeoutException} when the server stalls.
   */
  static Response read(InputStream in, boolean headRequest) throws IOException {
    while (true) {
      String statusLine = line(in, true);
      if (!statusLine.startsWith("HTTP/1.")) {
        throw new IOException("not an HTTP response: " + printable(statusLine));
      }
      int status = Integer.parseInt(statusLine.substring(9, 12));
      Map<String, List<String>> headers = new LinkedHashMap<>();
      int size = 0;
      for (String header; !(header = line(in, false)).isEmpty(); ) {
        size += header.length();
        if (size > 64 * 1024) {
          throw new IOException("response headers too long");
        }
        int colon = header.indexOf(':');
        if (colon <= 0) {
          throw new IOException("malformed response header: " + printable(header));
        }
        headers.computeIfAbsent(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
            .add(header.substring(colon + 1).trim());
      }
      if (status == 100) {
        continue;
      }
      var body = new ByteArrayOutputStream();
      long length = 0;
      List<String> te = headers.get("transfer-encoding");
      List<String> cl = headers.get("content-length");
      if (headRequest || status == 204 || status == 304 || status < 200) {
        length = 0;
      } else if (te != null && te.get(0).equalsIgnoreCase("chunked")) {
        while (true) {
          String sizeLine = line(in, false);
          int semicolon = sizeLine.indexOf(';');
          long chunk = Long.parseLong((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
          if (chunk == 0) {
            while (!line(in, false).isEmpty()) {
              // trailers
            }
            break;
          }
          length += copy(in, chunk, body);
          if (!line(in, false).isEmpty()) {
            throw new IOException("chunk not followed by CRLF");
          }
        }
      } else if (cl != null) {
        length = copy(in, Long.parseLong(cl.get(0).trim()), body);
      } else {
        length = copy(in, Long.MAX_VALUE, body); // to the end of the connection
      }
      return new Response(status, headers, body.toByteArray(), length);
    }
  }

  private static long copy(InputStream in, long n, ByteArrayOutputStream keep) throws IOException {
    byte[] buffer = new byte[8192];
    long copied = 0;
    while (copied < n) {
      int read = in.read(buffer, 0, (int) Math.min(buffer.length, n - copied));
      if (read < 0) {
        if (n == Long.MAX_VALUE) {
          return copied;
        }
        throw new Closed("connection closed inside a response body");
      }
      if (keep.size() < KEEP) {
        keep.write(buffer, 0, Math.min(read, KEEP - keep.size()));
      }
      copied += read;
    }
    return copied;
  }

  private static String line(InputStream in, boolean first) throws IOException {
    var line = new StringBuilder();
    while (true) {
      int b = in.read();
      if (b < 0) {
        if (first && line.length() == 0) {
          throw new Closed("connection closed before a response");
        }
        throw new Closed("connection closed inside a response head");
      }
      if (b == '\n') {
        int end = line.length();
        return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
      }
      line.append((char) b);
      if (line.length() > 70_000) {
        throw new EOFException("response line too long");
      }
    }
  }

  static String printable(String text) {
    String cut = text.length() > 80 ? text.substring(0, 80) : text;
    var out = new StringBuilder();
    cut.chars().forEach(c -> out.append(c >= 0x20 && c < 0x7f ? (char) c : '?'));
    return out.toString();
  }
}
