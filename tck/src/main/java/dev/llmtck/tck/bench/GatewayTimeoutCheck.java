package dev.llmtck.tck.bench;

/**
 * GitLab's AI gateway gives up on a model call after 60 s by default (configurable from 60 to 600 s, error
 * A1000): how the measured completion times compare with that timeout (contract clause GL-TIMEOUT-1).
 *
 * @param timeoutSeconds the gateway timeout compared against
 * @param p99Seconds the 99th percentile of the end-to-end latency
 * @param maxSeconds the slowest successful request
 * @param measured whether any request succeeded (without one there is nothing to compare)
 * @param withinTimeout whether every successful request finished inside the timeout
 * @param p99ShareOfTimeout the p99 latency as a share of the timeout (0.5 = half of it)
 */
public record GatewayTimeoutCheck(double timeoutSeconds, double p99Seconds, double maxSeconds, boolean measured,
    boolean withinTimeout, double p99ShareOfTimeout) {

  /** The AI gateway's default timeout. */
  public static final double DEFAULT_TIMEOUT_SECONDS = 60;

  static GatewayTimeoutCheck of(BenchMetrics metrics, double timeoutSeconds) {
    double p99 = metrics.e2el().percentile(99) / 1000;
    double max = metrics.e2el().max() / 1000;
    boolean measured = metrics.completed() > 0;
    return new GatewayTimeoutCheck(timeoutSeconds, p99, max, measured, measured && max < timeoutSeconds,
        p99 / timeoutSeconds);
  }

  /** One line for the terminal. */
  String summary() {
    if (!measured) {
      return String.format(java.util.Locale.ROOT, "GitLab AI gateway timeout %.0f s: no request succeeded, nothing to"
          + " compare", timeoutSeconds);
    }
    return String.format(java.util.Locale.ROOT,
        "GitLab AI gateway timeout %.0f s: slowest request %.2f s, p99 %.2f s (%.1f%% of the timeout) -> %s",
        timeoutSeconds, maxSeconds, p99Seconds, p99ShareOfTimeout * 100,
        withinTimeout ? "within" : "EXCEEDS");
  }
}
