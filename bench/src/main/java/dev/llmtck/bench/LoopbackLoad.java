package dev.llmtck.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * A lean load generator: many keep-alive HTTP/1.1 connections driven by one selector thread, so that on a
 * small machine the client costs far less than the servers it measures (the JDK's HttpClient costs several
 * times more per request). Two uses: closed-loop throughput (each connection sends the next request as soon as
 * its answer ended) and a burst of long streams whose server-sent events are timed on arrival.
 */
final class LoopbackLoad {

  private static final long DRAIN_NANOS = 30_000_000_000L;

  private LoopbackLoad() {
  }

  /** Completed answers and events counted inside the measured window. */
  record Throughput(long responses, long events, long badResponses, double seconds) {
    double responsesPerSecond() {
      return responses / seconds;
    }
  }

  /**
   * Sends {@code request} over {@code connections} connections back to back for {@code warmupMillis} (not
   * counted) and then {@code measureMillis}; an answer counts when its request went out inside the measured
   * window and it is a 200 carrying {@code expectedEvents} server-sent events (0: any body). The window opens
   * when the first request is sent, and every answer to a request sent inside it is waited for: with no warm-up
   * the first answer always counts, however long a cold server on a busy machine takes to give it.
   */
  static Throughput throughput(InetSocketAddress address, byte[] request, int connections, long warmupMillis,
      long measureMillis, int expectedEvents) throws IOException {
    var window = new Window(warmupMillis, measureMillis);
    long[] counts = new long[3];
    List<Connection> all = new ArrayList<>();
    try (Selector selector = Selector.open()) {
      for (int i = 0; i < connections; i++) {
        var connection = new Connection(request, false) {
          @Override
          void send() {
            window.openAt(System.nanoTime());
            super.send();
          }

          @Override
          void onResponse(int status, int events, long nanos) {
            if (window.contains(sentNanos)) {
              boolean good = status == 200 && (expectedEvents == 0 || events == expectedEvents);
              counts[good ? 0 : 2]++;
              counts[1] += good ? events : 0;
            }
            if (window.isOpenAt(nanos)) {
              send();
            } else {
              finished = true;
            }
          }
        };
        connection.open(selector, address);
        all.add(connection);
      }
      // What waits here: the answers to requests sent inside the window (a run normally ends as soon as the last
      // one arrives). The bound only ends a run against a server that stopped answering; it is far above a cold
      // WireMock's first answer on a loaded 2-core machine (seconds).
      loop(selector, all, System.nanoTime() + (warmupMillis + measureMillis) * 1_000_000 + DRAIN_NANOS);
    }
    return new Throughput(counts[0], counts[1], counts[2], measureMillis / 1000.0);
  }

  /** The measured window of a throughput run, opened by its first request. Used by the selector thread only. */
  private static final class Window {
    private final long warmupNanos;
    private final long measureNanos;
    private long countFrom = Long.MAX_VALUE;
    private long stopAt = Long.MAX_VALUE;

    Window(long warmupMillis, long measureMillis) {
      this.warmupNanos = warmupMillis * 1_000_000;
      this.measureNanos = measureMillis * 1_000_000;
    }

    void openAt(long now) {
      if (countFrom == Long.MAX_VALUE) {
        countFrom = now + warmupNanos;
        stopAt = countFrom + measureNanos;
      }
    }

    /** Whether a request sent at {@code nanos} is counted. */
    boolean contains(long nanos) {
      return nanos >= countFrom && nanos < stopAt;
    }

    /** Whether requests are still sent at {@code nanos} (warm-up or measured window). */
    boolean isOpenAt(long nanos) {
      return nanos < stopAt;
    }
  }

  /**
   * Opens {@code connections} streams at once with {@code request} and returns, per stream, the arrival times
   * (ns) of its content events (events whose delta carries non-empty content), or an empty array for a stream
   * that failed. Waits at most {@code timeoutMillis}.
   */
  static List<long[]> streams(InetSocketAddress address, byte[] request, int connections, long timeoutMillis)
      throws IOException {
    List<Connection> all = new ArrayList<>();
    try (Selector selector = Selector.open()) {
      for (int i = 0; i < connections; i++) {
        var connection = new Connection(request, true) {
          @Override
          void onResponse(int status, int events, long nanos) {
            ok = status == 200;
            finished = true;
          }
        };
        connection.open(selector, address);
        all.add(connection);
      }
      loop(selector, all, System.nanoTime() + timeoutMillis * 1_000_000);
    }
    List<long[]> times = new ArrayList<>();
    for (Connection c : all) {
      times.add(c.ok ? c.contentTimes() : new long[0]);
    }
    return times;
  }

  private static void loop(Selector selector, List<Connection> all, long deadline) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(256 * 1024);
    int open = all.size();
    while (open > 0 && System.nanoTime() < deadline) {
      selector.select(100);
      for (SelectionKey key : selector.selectedKeys()) {
        long now = System.nanoTime(); // per read: a burst of ready connections takes a while to go through
        Connection c = (Connection) key.attachment();
        try {
          if (key.isConnectable()) {
            c.channel.finishConnect();
            key.interestOps(SelectionKey.OP_READ);
            c.send();
          } else if (key.isReadable()) {
            buffer.clear();
            int n = c.channel.read(buffer);
            if (n < 0) {
              c.finished = true;
            } else {
              buffer.flip();
              c.parser.feed(buffer, now);
            }
          }
        } catch (IOException | RuntimeException e) {
          c.finished = true;
        }
        if (c.finished && key.isValid()) {
          key.cancel();
          c.channel.close();
          open--;
        }
      }
      selector.selectedKeys().clear();
    }
    for (Connection c : all) {
      c.channel.close();
    }
  }

  /** One connection: writes its request, counts the events of each answer, optionally times content events. */
  private abstract static class Connection implements ResponseParser.Listener {
    private static final byte[] CONTENT = ResponseParser.ascii("\"content\":\"");
    final byte[] request;
    final boolean timed;
    final ResponseParser parser = new ResponseParser(this);
    SocketChannel channel;
    boolean finished;
    boolean ok;
    /** When the request being answered went out. */
    long sentNanos;
    private int events;
    private byte last;
    private byte[] event = new byte[1024];
    private int eventLength;
    private long[] times = new long[16];
    private int timeCount;

    /** {@code timed}: keep each event's bytes to time the content events. */
    Connection(byte[] request, boolean timed) {
      this.request = request;
      this.timed = timed;
    }

    void open(Selector selector, InetSocketAddress address) throws IOException {
      channel = SocketChannel.open();
      channel.configureBlocking(false);
      channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
      channel.connect(address);
      channel.register(selector, SelectionKey.OP_CONNECT, this);
    }

    void send() {
      sentNanos = System.nanoTime();
      try {
        ByteBuffer out = ByteBuffer.wrap(request);
        while (out.hasRemaining()) {
          if (channel.write(out) == 0) {
            Thread.onSpinWait(); // a request is small: the socket buffer has room almost at once
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    abstract void onResponse(int status, int events, long nanos);

    @Override
    public void onBody(byte[] data, int offset, int length, long nanos) {
      for (int i = offset; i < offset + length; i++) {
        byte b = data[i];
        if (timed) {
          if (eventLength == event.length) {
            event = java.util.Arrays.copyOf(event, event.length * 2);
          }
          event[eventLength++] = b;
        }
        if (b == '\n' && last == '\n') {
          events++;
          if (timed) {
            if (hasContent()) {
              if (timeCount == times.length) {
                times = java.util.Arrays.copyOf(times, times.length * 2);
              }
              times[timeCount++] = nanos;
            }
            eventLength = 0;
          }
        }
        last = b;
      }
    }

    private boolean hasContent() {
      outer:
      for (int i = 0; i + CONTENT.length < eventLength; i++) {
        for (int j = 0; j < CONTENT.length; j++) {
          if (event[i + j] != CONTENT[j]) {
            continue outer;
          }
        }
        return event[i + CONTENT.length] != '"';
      }
      return false;
    }

    @Override
    public void onComplete(int status, long nanos) {
      int counted = events;
      events = 0;
      last = 0;
      onResponse(status, counted, nanos);
    }

    long[] contentTimes() {
      return java.util.Arrays.copyOf(times, timeCount);
    }
  }
}
