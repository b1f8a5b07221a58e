package dev.llmtck.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import dev.llmtck.fixtures.canned.CannedChat;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.LongConsumer;

/**
 * The other design for paced streams, for comparison with the HTTP core's: one selector loop that owns its
 * connections and their timers (a priority queue of due events), writes every event due in one pass without
 * handing anything to another thread, and never blocks on a socket. It answers every request with the same
 * event stream, paced; nothing else (no routing, no keep-alive after a stream).
 */
final class PacedNioServer implements SpeedTarget {
  private static final byte[] HEAD = ("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n"
      + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
  private static final byte[] END = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  private final ServerSocketChannel listener;
  private final Selector selector;
  private final List<byte[]> chunks;
  private final long firstNanos;
  private final long intervalNanos;
  private final LongConsumer lateness;
  private final PriorityQueue<Stream> due = new PriorityQueue<>((a, b) -> Long.compare(a.nextDue, b.nextDue));
  private volatile boolean running = true;

  PacedNioServer(CannedChat answer, long firstNanos, long intervalNanos, LongConsumer lateness) {
    this.chunks = answer.chunkedEvents();
    this.firstNanos = firstNanos;
    this.intervalNanos = intervalNanos;
    this.lateness = lateness;
    try {
      selector = Selector.open();
      listener = ServerSocketChannel.open();
      listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 2048);
      listener.configureBlocking(false);
      listener.register(selector, SelectionKey.OP_ACCEPT);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread loop = new Thread(this::loop, "paced-nio-loop");
    loop.setDaemon(true);
    loop.start();
  }

  @Override
  public String name() {
    return "paced NIO loop";
  }

  @Override
  public InetSocketAddress address() {
    try {
      return (InetSocketAddress) listener.getLocalAddress();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    running = false;
    selector.wakeup();
  }

  private void loop() {
    ByteBuffer in = ByteBuffer.allocate(64 * 1024);
    try (selector; listener) {
      while (running) {
        Stream head = due.peek();
        long wait = head == null ? 0 : head.nextDue - System.nanoTime();
        if (head == null) {
          selector.select();
        } else if (wait > 0) {
          selector.select(Math.max(1, wait / 1_000_000));
        } else {
          selector.selectNow();
        }
        for (SelectionKey key : selector.selectedKeys()) {
          if (key.isAcceptable()) {
            SocketChannel channel = listener.accept();
            if (channel != null) {
              channel.configureBlocking(false);
              channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
              channel.register(selector, SelectionKey.OP_READ, new Stream(channel));
            }
          } else if (key.isReadable()) {
            Stream stream = (Stream) key.attachment();
            in.clear();
            if (stream.channel.read(in) < 0) {
              key.cancel();
              stream.channel.close();
            } else if (!stream.started && containsRequestEnd(in)) {
              stream.started = true;
              stream.write(HEAD);
              stream.nextDue = System.nanoTime() + firstNanos;
              due.add(stream);
            }
          }
        }
        selector.selectedKeys().clear();
        long now = System.nanoTime();
        while (!due.isEmpty() && due.peek().nextDue <= now) {
          Stream stream = due.poll();
          lateness.accept(now - stream.nextDue);
          try {
            stream.write(chunks.get(stream.sent++));
            if (stream.sent == chunks.size()) {
              stream.write(END);
              stream.channel.close();
            } else {
              stream.nextDue += intervalNanos;
              due.add(stream);
            }
          } catch (IOException e) {
            stream.channel.close(); // the client went away: drop its stream
          }
          now = System.nanoTime();
        }
      }
    } catch (IOException e) {
      // the benchmark is over
    }
  }

  /** The benchmark's requests are small and come whole: the end of the headers (and body) is enough. */
  private static boolean containsRequestEnd(ByteBuffer in) {
    return in.position() >= 4;
  }

  /** One paced stream. */
  private static final class Stream {
    final SocketChannel channel;
    boolean started;
    int sent;
    long nextDue;

    Stream(SocketChannel channel) {
      this.channel = channel;
    }

    /** A non-blocking write; the benchmark's events are far smaller than a socket buffer. */
    void write(byte[] bytes) throws IOException {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        if (channel.write(buffer) == 0) {
          Thread.onSpinWait();
        }
      }
    }
  }
}
