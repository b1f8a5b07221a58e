package dev.llmtck.tck.bench;

import dev.llmtck.fixtures.canned.CannedChat;
import dev.llmtck.fixtures.canned.ZeroLatencyServer;

/**
 * The probe's own cost per request: the same load against an in-process {@link ZeroLatencyServer} that answers
 * at once with an answer of the same length. Its TTFT and E2EL are what the probe (and loopback, and the
 * simplest server) add to every measured number; they bound the probe's error from above.
 */
final class ProbeOverhead {

  private ProbeOverhead() {
  }

  static BenchMetrics measure(LoadSettings settings) throws InterruptedException {
    String model = "zero-latency";
    try (var server = new ZeroLatencyServer(CannedChat.of(model, settings.outputTokens(), settings.inputTokens()),
        model, 1)) {
      LoadSettings same = settings.withTarget(java.net.URI.create(server.uri() + "/v1"), model, null);
      return new LoadProbe(same, n -> { }).run().metrics();
    }
  }
}
