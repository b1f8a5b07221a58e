package dev.llmtck.tck.runner.fake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The platform {@link FakePlatformClauses} check: conforming, broken in one way, silent (accepts connections,
 * never answers), or gone (a closed port).
 */
public final class FakePlatformServer implements AutoCloseable {

  /** How the server behaves. */
  public enum Mode {
    /** Every fake clause passes (FAKE-LEAK-1 aside, which fails whenever a key is sent). */
    CONFORMING,
    /** GET /ping answers 500: the MUST clause FAKE-PING-1 fails. */
    PING_BROKEN,
    /** GET /echo answers "bye": only the SHOULD clause FAKE-ECHO-1 fails. */
    ECHO_BROKEN
  }

  private final HttpServer http;
  private final ServerSocket silent;
  private final List<Socket> held = new ArrayList<>();
  private final int port;

  private FakePlatformServer(HttpServer http, ServerSocket silent, int port) {
    this.http = http;
    this.silent = silent;
    this.port = port;
  }

  /** An HTTP server behaving as {@code mode}. */
  public static FakePlatformServer start(Mode mode) throws IOException {
    HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    http.createContext("/", exchange -> answer(exchange, mode));
    http.start();
    return new FakePlatformServer(http, null, http.getAddress().getPort());
  }

  /** A socket that accepts connections and never says a word. */
  public static FakePlatformServer silent() throws IOException {
    ServerSocket socket = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
    FakePlatformServer server = new FakePlatformServer(null, socket, socket.getLocalPort());
    Thread acceptor = new Thread(() -> {
      try {
        while (true) {
          Socket accepted = socket.accept();
          synchronized (server.held) {
            server.held.add(accepted);
          }
        }
      } catch (IOException closed) {
        // closed: done
      }
    }, "silent-acceptor");
    acceptor.setDaemon(true);
    acceptor.start();
    return server;
  }

  /** A port nothing listens on. */
  public static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port + "/v1";
  }

  private static void answer(HttpExchange exchange, Mode mode) throws IOException {
    String path = exchange.getRequestURI().getPath();
    int status = 200;
    String body;
    if (path.endsWith("/ping")) {
      status = mode == Mode.PING_BROKEN ? 500 : 200;
      body = mode == Mode.PING_BROKEN ? "Internal Server Error" : "pong";
    } else if (path.endsWith("/echo")) {
      body = mode == Mode.ECHO_BROKEN ? "bye" : "hello";
    } else if (path.endsWith("/whoami")) {
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      body = "you are " + (auth == null ? "nobody" : auth);
    } else if (path.endsWith("/tools")) {
      body = "tools";
    } else {
      status = 404;
      body = "not found";
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() throws IOException {
    if (http != null) {
      http.stop(0);
    }
    if (silent != null) {
      silent.close();
      synchronized (held) {
        for (Socket socket : held) {
          socket.close();
        }
      }
    }
  }
}
