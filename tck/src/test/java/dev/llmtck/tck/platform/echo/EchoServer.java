package dev.llmtck.tck.platform.echo;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The echo platform's server: {@code GET /echo?text=x} answers {@code x}, or upper case when told to shout. */
public final class EchoServer implements AutoCloseable {
  private final HttpServer server;

  private EchoServer(boolean shouting) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/echo", exchange -> {
      String query = exchange.getRequestURI().getRawQuery();
      String text = query != null && query.startsWith("text=")
          ? URLDecoder.decode(query.substring(5), StandardCharsets.UTF_8) : "";
      byte[] body = (shouting ? text.toUpperCase(Locale.ROOT) : text).getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
  }

  /** A server that echoes faithfully, or one that shouts (breaks ECHO-CASE-1). */
  public static EchoServer start(boolean shouting) {
    try {
      return new EchoServer(shouting);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
