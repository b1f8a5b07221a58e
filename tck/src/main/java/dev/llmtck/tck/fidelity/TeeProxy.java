package dev.llmtck.tck.fidelity;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * A local HTTP proxy that sends every request it receives to two servers: the primary (the platform under test,
 * whose answer goes back to the caller as it arrives, so streams stay streams) and the secondary (the reference
 * platform being compared with it, whose answer is only recorded). Every exchange is kept with both answers and
 * the label of what sent it (the running clause), for {@link ShapeDiff}.
 */
final class TeeProxy implements AutoCloseable {
  /** Hop-by-hop headers, and the ones Java's HttpClient sets itself. */
  private static final Set<String> NOT_FORWARDED = Set.of("connection", "content-length", "host", "expect",
      "upgrade", "transfer-encoding", "keep-alive", "te", "trailer", "proxy-connection", "http2-settings");
  private static final int MAX_RECORDED_BYTES = 4 * 1024 * 1024;

  private final URI primary;
  private final URI secondary;
  private final Supplier<String> label;
  private final HttpServer server;
  private final ExecutorService workers;
  private final HttpClient client;
  private final Duration timeout;
  private final List<TeeExchange> exchanges = Collections.synchronizedList(new ArrayList<>());

  /**
   * A proxy on a free loopback port.
   *
   * @param primary the root URL of the platform under test (scheme, host, port)
   * @param secondary the root URL of the platform compared with it
   * @param label what the caller is doing when a request arrives (the running clause)
   * @param timeout the longest one request may take on either side
   */
  TeeProxy(URI primary, URI secondary, Supplier<String> label, Duration timeout) throws IOException {
    this.primary = primary;
    this.secondary = secondary;
    this.label = label;
    this.timeout = timeout;
    this.workers = Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, "llmtck-tee-proxy");
      thread.setDaemon(true);
      return thread;
    });
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).executor(workers).build();
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.createContext("/", this::handle);
    server.setExecutor(workers);
    server.start();
  }

  /** Where to send requests: {@code http://127.0.0.1:<port>}. */
  URI root() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Every exchange so far, in arrival order. */
  List<TeeExchange> exchanges() {
    synchronized (exchanges) {
      return List.copyOf(exchanges);
    }
  }

  /** Sends one request through the proxy itself (as a caller would), for requests no clause makes. */
  void send(String method, String pathAndQuery, Map<String, String> headers, byte[] body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root() + pathAndQuery)).timeout(timeout)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    try {
      client.send(request.build(), HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      // recorded by the proxy side; the caller only needs the exchange
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    String what = label.get();
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    String pathAndQuery = exchange.getRequestURI().getRawPath()
        + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
    Map<String, List<String>> requestHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    exchange.getRequestHeaders().forEach((name, values) -> requestHeaders.put(name, List.copyOf(values)));
    String method = exchange.getRequestMethod();

    CompletableFuture<Observed> second = client.sendAsync(request(secondary, method, pathAndQuery,
        requestHeaders, body), HttpResponse.BodyHandlers.ofByteArray())
        .thenApply(r -> new Observed(r.statusCode(), headers(r.headers().map()), cap(r.body()), null))
        .exceptionally(e -> Observed.failed(e.getCause() == null ? e : e.getCause()));
    Observed first = relayPrimary(exchange, request(primary, method, pathAndQuery, requestHeaders, body));
    Observed compared;
    try {
      compared = second.get(timeout.toMillis() + 5_000, java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      compared = Observed.failed(e);
    }
    exchanges.add(new TeeExchange(what, method, pathAndQuery, requestHeaders, body, first, compared));
  }

  /** Sends the request to the primary and copies its answer back as it arrives; returns what was seen. */
  private Observed relayPrimary(HttpExchange exchange, HttpRequest request) throws IOException {
    HttpResponse<InputStream> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      exchange.sendResponseHeaders(502, -1);
      exchange.close();
      return Observed.failed(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      exchange.sendResponseHeaders(502, -1);
      exchange.close();
      return Observed.failed(e);
    }
    response.headers().map().forEach((name, values) -> {
      if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
        exchange.getResponseHeaders().put(name, values);
      }
    });
    ByteArrayOutputStream seen = new ByteArrayOutputStream();
    String failure = null;
    long length = response.headers().firstValueAsLong("content-length").orElse(-1);
    boolean noBody = length == 0 || exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(response.statusCode(), noBody ? -1 : length > 0 ? length : 0);
    try (InputStream in = response.body(); OutputStream out = exchange.getResponseBody()) {
      byte[] buffer = new byte[8192];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        if (seen.size() < MAX_RECORDED_BYTES) {
          seen.write(buffer, 0, Math.min(n, MAX_RECORDED_BYTES - seen.size()));
        }
        if (!noBody) {
          out.write(buffer, 0, n);
          out.flush(); // a streamed event goes on at once
        }
      }
    } catch (IOException e) {
      failure = e.getClass().getSimpleName() + ": " + e.getMessage();
    } finally {
      exchange.close();
    }
    return new Observed(response.statusCode(), headers(response.headers().map()), seen.toByteArray(), failure);
  }

  private HttpRequest request(URI root, String method, String pathAndQuery, Map<String, List<String>> headers,
      byte[] body) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(root.toString().replaceAll("/+$", "")
        + pathAndQuery)).timeout(timeout).method(method, body.length == 0 && !method.equals("POST")
        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach((name, values) -> {
      if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
        values.forEach(value -> builder.header(name, value));
      }
    });
    return builder.build();
  }

  private static Map<String, List<String>> headers(Map<String, List<String>> map) {
    Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    map.forEach((name, values) -> {
      if (!name.startsWith(":")) {
        copy.put(name, List.copyOf(values));
      }
    });
    return copy;
  }

  private static byte[] cap(byte[] body) {
    return body.length <= MAX_RECORDED_BYTES ? body : java.util.Arrays.copyOf(body, MAX_RECORDED_BYTES);
  }

  @Override
  public void close() {
    server.stop(0);
    workers.shutdownNow();
  }

  /**
   * One request and both answers.
   *
   * @param label the running clause, or what else sent it
   * @param method the HTTP method
   * @param pathAndQuery the raw path and query
   * @param requestHeaders the request's headers as they arrived (secrets among them: never print these)
   * @param requestBody the request's body
   * @param primary the platform under test's answer
   * @param secondary the compared platform's answer
   */
  record TeeExchange(String label, String method, String pathAndQuery, Map<String, List<String>> requestHeaders,
      byte[] requestBody, Observed primary, Observed secondary) {
  }

  /**
   * An answer as one side gave it.
   *
   * @param status the HTTP status, 0 when none came
   * @param headers the response headers
   * @param body the body, cut at 4 MiB
   * @param failure why the answer is incomplete (connection error, cut stream), or {@code null}
   */
  record Observed(int status, Map<String, List<String>> headers, byte[] body, String failure) {
    static Observed failed(Throwable e) {
      return new Observed(0, Map.of(), new byte[0], e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }
}
