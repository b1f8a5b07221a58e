package dev.llmtck.bench;

import dev.llmtck.fixtures.canned.CannedChat;
import dev.llmtck.fixtures.canned.ZeroLatencyServer;
import java.net.InetSocketAddress;

/** The minimal non-blocking server with the canned answer: the practical limit of HTTP on this machine. */
final class RawServerTarget implements SpeedTarget {
  private final ZeroLatencyServer server;

  RawServerTarget(CannedChat answer, int threads) {
    server = new ZeroLatencyServer(answer, "bench-model", threads);
  }

  @Override
  public String name() {
    return "raw NIO server";
  }

  @Override
  public InetSocketAddress address() {
    return new InetSocketAddress("127.0.0.1", server.uri().getPort());
  }

  @Override
  public void close() {
    server.close();
  }
}
