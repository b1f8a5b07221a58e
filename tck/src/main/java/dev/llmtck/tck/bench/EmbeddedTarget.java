package dev.llmtck.tck.bench;

import dev.llmtck.fixtures.Pacing;
import dev.llmtck.fixtures.openai.VllmSimulator;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * The embedded OpenAI/vLLM reference platform as the bench target when no {@code --base-url} is given: a
 * self-check of the probe, with a simulated time to first token and inter-token latency.
 */
final class EmbeddedTarget implements AutoCloseable {
  private final VllmSimulator platform;
  private final Duration ttft;
  private final Duration itl;

  private EmbeddedTarget(Duration ttft, Duration itl) {
    this.ttft = ttft;
    this.itl = itl;
    this.platform = VllmSimulator.builder().pacing(Pacing.of(ttft, itl)).start();
  }

  static EmbeddedTarget start(BenchOptions options) {
    return new EmbeddedTarget(Duration.ofMillis(options.simTtftMillis()), Duration.ofMillis(options.simItlMillis()));
  }

  URI baseUrl() {
    return platform.baseUrl();
  }

  /** The embedded platform is started without a key. */
  String apiKey() {
    return null;
  }

  String describe() {
    return String.format(Locale.ROOT, "simulated TTFT %d ms, ITL %d ms", ttft.toMillis(), itl.toMillis());
  }

  @Override
  public void close() {
    platform.close();
  }
}
