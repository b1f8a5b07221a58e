package dev.llmtck.bench;

import dev.llmtck.fixtures.http.MockHttpServer;
import dev.llmtck.fixtures.canned.CannedChat;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * The reference platforms' HTTP core ({@link MockHttpServer}) serving the canned answer with no platform logic:
 * separates what the core costs from what the platform's own work (validation, answer generation) costs.
 */
final class HttpCoreTarget implements SpeedTarget {
  private static final byte[] STREAM_FLAG = ResponseParser.ascii("\"stream\":true");
  private final MockHttpServer server;

  /** Streams are paced: the first event after {@code firstEvent}, each next one {@code interval} later. */
  HttpCoreTarget(CannedChat answer, Duration firstEvent, Duration interval) {
    this(answer, firstEvent, interval, null, 0);
  }

  /**
   * As above; {@code lateness}, when given, hears for every paced event how late (ns) the server's timer
   * handed it to the socket, measured against its due time: the server's share of the drift. The core runs
   * {@code ioThreads} event loops (0: the core's default).
   */
  HttpCoreTarget(CannedChat answer, Duration firstEvent, Duration interval, java.util.function.LongConsumer lateness,
      int ioThreads) {
    var builder = MockHttpServer.builder().name("bench-core");
    if (ioThreads > 0) {
      builder.ioThreads(ioThreads);
    }
    byte[] json = answer.json();
    server = builder
        .route("POST", "/v1/chat/completions", exchange -> {
          if (contains(exchange.body(), STREAM_FLAG)) {
            var stream = exchange.openStream(200, "text/event-stream");
            var events = answer.events().iterator();
            long start = System.nanoTime() + firstEvent.toNanos();
            stream.sendPaced(lateness == null ? events : new java.util.Iterator<>() {
              private long due = start;

              @Override
              public boolean hasNext() {
                return events.hasNext();
              }

              @Override
              public byte[] next() {
                lateness.accept(System.nanoTime() - due);
                due += interval.toNanos();
                return events.next();
              }
            }, firstEvent, interval);
          } else {
            exchange.respond(200, "application/json", json);
          }
        }).start();
  }

  @Override
  public String name() {
    return "HTTP core (canned)";
  }

  @Override
  public InetSocketAddress address() {
    return new InetSocketAddress(server.uri().getHost(), server.port());
  }

  @Override
  public void close() {
    server.close();
  }

  static boolean contains(byte[] data, byte[] needle) {
    outer:
    for (int i = 0; i <= data.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (data[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
