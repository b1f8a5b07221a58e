package dev.llmtck.tck.hostile;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.net.ServerSocketFactory;

/**
 * A target that misbehaves on purpose, on a raw {@link ServerSocket}: each connection gets one request parsed
 * (request line, headers, a {@code Content-Length} body) and the handler writes whatever bytes it likes, then
 * the connection is closed. Nothing here is polite: no framing is checked, a write to a client that gave up is
 * simply dropped.
 */
final class HostileServer implements AutoCloseable {

  /** One request as received. */
  record Request(String method, String path, Map<String, String> headers, String body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /** Writes a response to the raw socket. */
  @FunctionalInterface
  interface Handler {
    void handle(Request request, OutputStream out) throws IOException;
  }

  private final ServerSocket socket;
  private final Handler handler;
  private final Thread acceptor;

  private HostileServer(ServerSocket socket, Handler handler) {
    this.socket = socket;
    this.handler = handler;
    this.acceptor = new Thread(this::accept, "hostile-server-" + socket.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  static HostileServer start(Handler handler) throws IOException {
    return start(ServerSocketFactory.getDefault(), handler);
  }

  /** A server on sockets of {@code factory} (e.g. a TLS server socket factory). */
  static HostileServer start(ServerSocketFactory factory, Handler handler) throws IOException {
    return new HostileServer(factory.createServerSocket(0, 50, InetAddress.getLoopbackAddress()), handler);
  }

  int port() {
    return socket.getLocalPort();
  }

  /** {@code http://127.0.0.1:PORT/v1}. */
  String baseUrl() {
    return "http://127.0.0.1:" + port() + "/v1";
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket connection = socket.accept();
        Thread worker = new Thread(() -> serve(connection), "hostile-connection");
        worker.setDaemon(true);
        worker.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket connection) {
    try (connection) {
      InputStream in = new BufferedInputStream(connection.getInputStream());
      Request request = read(in);
      if (request != null) {
        OutputStream out = connection.getOutputStream();
        handler.handle(request, out);
        out.flush();
      }
    } catch (IOException | RuntimeException e) {
      // the kit gave up on us (that is the point) or the handshake failed
    }
  }

  private static Request read(InputStream in) throws IOException {
    String requestLine = line(in);
    if (requestLine == null || requestLine.isEmpty()) {
      return null;
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
      }
    }
    int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
    byte[] body = in.readNBytes(length);
    String[] parts = requestLine.split(" ");
    return new Request(parts[0], parts.length > 1 ? parts[1] : "/", headers, new String(body,
        StandardCharsets.UTF_8));
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int b = in.read(); b != -1; b = in.read()) {
      if (b == '\n') {
        String text = bytes.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
      }
      bytes.write(b);
    }
    return bytes.size() == 0 ? null : bytes.toString(StandardCharsets.ISO_8859_1);
  }

  /** Writes a whole response with a {@code Content-Length}. */
  static void respond(OutputStream out, int status, String contentType, byte[] body, String... extraHeaders)
      throws IOException {
    head(out, status, contentType, body.length, extraHeaders);
    out.write(body);
  }

  /** Writes a whole UTF-8 response with a {@code Content-Length}. */
  static void respond(OutputStream out, int status, String contentType, String body, String... extraHeaders)
      throws IOException {
    respond(out, status, contentType, body.getBytes(StandardCharsets.UTF_8), extraHeaders);
  }

  /**
   * Writes the status line and headers; {@code length} -1 sends no {@code Content-Length} (the body then ends when
   * the connection closes). {@code extraHeaders} are {@code "Name: value"} lines, written as given (raw bytes).
   */
  static void head(OutputStream out, int status, String contentType, long length, String... extraHeaders)
      throws IOException {
    StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(" Hostile\r\n")
        .append("Content-Type: ").append(contentType).append("\r\n");
    if (length >= 0) {
      head.append("Content-Length: ").append(length).append("\r\n");
    }
    for (String header : extraHeaders) {
      head.append(header).append("\r\n");
    }
    head.append("Connection: close\r\n\r\n");
    out.write(head.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** Writes {@code total} bytes of {@code fill}, as fast as the kit reads them (or until it stops reading). */
  static void flood(OutputStream out, long total, byte fill) throws IOException {
    byte[] block = new byte[64 * 1024];
    java.util.Arrays.fill(block, fill);
    for (long left = total; left > 0; left -= block.length) {
      out.write(block, 0, (int) Math.min(left, block.length));
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
