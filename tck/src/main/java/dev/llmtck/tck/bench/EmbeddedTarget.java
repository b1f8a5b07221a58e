package dev.llmtck.tck.bench;

import java.net.URI;

/** The embedded reference platform as a bench target, when no --base-url is given. */
final class EmbeddedTarget implements AutoCloseable {

  private EmbeddedTarget() {
  }

  static EmbeddedTarget start(BenchOptions options) {
    throw new IllegalArgumentException("--base-url is required (the embedded reference platform is not wired yet)");
  }

  URI baseUrl() {
    throw new IllegalStateException();
  }

  String apiKey() {
    return null;
  }

  String describe() {
    return "";
  }

  @Override
  public void close() {
  }
}
