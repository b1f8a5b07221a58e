package dev.llmtck.tck.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A minimal HTTP/1.1 server on non-blocking sockets that answers at once with a {@link CannedChat}: every
 * POST gets the answer (streamed, one chunk per event, when the body asks for {@code "stream":true}), every
 * GET a one-model list; each answer goes out in one socket write. It does nothing else (no routing, no validation, no
 * pacing), which makes it the practical limit of an HTTP server on this machine and a zero-latency target for
 * measuring a client's own overhead.
 */
public final class ZeroLatencyServer implements AutoCloseable {
  private final ServerSocketChannel listener;
  private final List<Loop> loops = new ArrayList<>();
  private final byte[] jsonResponse;
  private final byte[] streamResponse;
  private final byte[] modelsResponse;
  private volatile boolean running = true;

  /** Starts on a free loopback port with {@code threads} selector loops. */
  public ZeroLatencyServer(CannedChat answer, String model, int threads) {
    this.jsonResponse = withHeaders("application/json", answer.json());
    this.modelsResponse = withHeaders("application/json", ("{\"object\":\"list\",\"data\":[{\"id\":\"" + model
        + "\",\"object\":\"model\",\"created\":1700000000,\"owned_by\":\"llmtck\"}]}")
        .getBytes(StandardCharsets.UTF_8));
    var chunks = new java.io.ByteArrayOutputStream();
    chunks.writeBytes(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n"
        + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    answer.chunkedEvents().forEach(chunks::writeBytes);
    chunks.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    this.streamResponse = chunks.toByteArray();
    try {
      listener = ServerSocketChannel.open();
      listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
      for (int i = 0; i < Math.max(1, threads); i++) {
        loops.add(new Loop());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread acceptor = new Thread(this::accept, "zero-latency-accept");
    acceptor.setDaemon(true);
    acceptor.start();
    for (int i = 0; i < loops.size(); i++) {
      Thread thread = new Thread(loops.get(i), "zero-latency-loop-" + i);
      thread.setDaemon(true);
      thread.start();
    }
  }

  /** {@code http://127.0.0.1:<port>}. */
  public URI uri() {
    try {
      return URI.create("http://127.0.0.1:" + ((InetSocketAddress) listener.getLocalAddress()).getPort());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    running = false;
    try {
      listener.close();
    } catch (IOException e) {
      // closing anyway
    }
    loops.forEach(Loop::stop);
  }

  private void accept() {
    int next = 0;
    while (running) {
      try {
        SocketChannel channel = listener.accept();
        channel.configureBlocking(false);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        loops.get(next++ % loops.size()).adopt(channel);
      } catch (IOException e) {
        if (!running) {
          return;
        }
      }
    }
  }

  private static byte[] withHeaders(String contentType, byte[] body) {
    byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: " + contentType + "\r\nContent-Length: " + body.length
        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] all = new byte[head.length + body.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(body, 0, all, head.length, body.length);
    return all;
  }

  /** One selector thread serving its share of the connections. */
  private final class Loop implements Runnable {
    private final Selector selector;
    private final Queue<SocketChannel> adopted = new ConcurrentLinkedQueue<>();

    Loop() throws IOException {
      selector = Selector.open();
    }

    void adopt(SocketChannel channel) {
      adopted.add(channel);
      selector.wakeup();
    }

    void stop() {
      selector.wakeup();
    }

    @Override
    public void run() {
      try {
        while (running) {
          selector.select();
          SocketChannel channel;
          while ((channel = adopted.poll()) != null) {
            channel.register(selector, SelectionKey.OP_READ, new Connection(channel));
          }
          for (SelectionKey key : selector.selectedKeys()) {
            Connection connection = (Connection) key.attachment();
            try {
              if (!key.isValid()) {
                continue;
              }
              if (key.isWritable()) {
                connection.flush(key);
              }
              if (key.isValid() && key.isReadable()) {
                connection.read(key);
              }
            } catch (IOException e) {
              key.cancel();
              connection.channel.close();
            }
          }
          selector.selectedKeys().clear();
        }
        selector.close();
      } catch (IOException e) {
        // the server is going away
      }
    }
  }

  /** One keep-alive connection: parses requests as they complete and queues their answers. */
  private final class Connection {
    private final SocketChannel channel;
    private ByteBuffer in = ByteBuffer.allocate(16 * 1024);
    private final Queue<ByteBuffer> out = new ArrayDeque<>();

    Connection(SocketChannel channel) {
      this.channel = channel;
    }

    void read(SelectionKey key) throws IOException {
      if (!in.hasRemaining()) {
        in = ByteBuffer.allocate(in.capacity() * 2).put(in.flip());
      }
      int n = channel.read(in);
      if (n < 0) {
        key.cancel();
        channel.close();
        return;
      }
      int consumed;
      while ((consumed = answerOne()) > 0) {
        in.flip().position(consumed);
        in.compact();
      }
      flush(key);
    }

    /** Answers the first complete request in the buffer; returns its length, or 0 if none is complete. */
    private int answerOne() {
      byte[] data = in.array();
      int limit = in.position();
      int headerEnd = indexOf(data, limit, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
      if (headerEnd < 0) {
        return 0;
      }
      String head = new String(data, 0, headerEnd, StandardCharsets.ISO_8859_1);
      int length = contentLength(head);
      int total = headerEnd + 4 + length;
      if (total > limit) {
        return 0;
      }
      if (head.startsWith("POST")) {
        boolean stream = indexOf(data, total, "\"stream\":true".getBytes(StandardCharsets.US_ASCII), headerEnd) >= 0
            || indexOf(data, total, "\"stream\": true".getBytes(StandardCharsets.US_ASCII), headerEnd) >= 0;
        out.add(ByteBuffer.wrap(stream ? streamResponse : jsonResponse));
      } else {
        out.add(ByteBuffer.wrap(modelsResponse));
      }
      return total;
    }

    /** Writes the queued answers; waits for room if the socket is full. */
    void flush(SelectionKey key) throws IOException {
      while (!out.isEmpty()) {
        ByteBuffer next = out.peek();
        channel.write(next);
        if (next.hasRemaining()) {
          key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
          return;
        }
        out.poll();
      }
      key.interestOps(SelectionKey.OP_READ);
    }

    private int contentLength(String head) {
      for (String line : head.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("content-length")) {
          return Integer.parseInt(line.substring(colon + 1).trim());
        }
      }
      return 0;
    }
  }

  private static int indexOf(byte[] data, int limit, byte[] needle, int from) {
    outer:
    for (int i = from; i <= limit - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (data[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
