package dev.llmtck.bench;

import java.net.InetSocketAddress;

/** A server under the speed benchmark, listening on loopback until closed. */
interface SpeedTarget extends AutoCloseable {

  /** A short name for the results table. */
  String name();

  /** Where it listens. */
  InetSocketAddress address();

  @Override
  void close();
}
