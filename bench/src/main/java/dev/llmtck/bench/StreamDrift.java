package dev.llmtck.bench;

import dev.llmtck.fixtures.stats.Distribution;
import java.util.List;

/**
 * How far observed inter-token gaps drift from the configured inter-token latency, over many concurrent
 * streams: every gap between two successive content events of one stream, measured at the client, minus the
 * configured interval.
 *
 * @param streams streams opened
 * @param completeStreams streams that delivered every expected content event
 * @param gaps gaps measured
 * @param absoluteDrift |gap - interval| (ms)
 * @param signedDrift gap - interval (ms): positive is late
 */
record StreamDrift(int streams, int completeStreams, int gaps, Distribution absoluteDrift,
    Distribution signedDrift) {

  static StreamDrift of(List<long[]> contentTimes, long intervalNanos, int expectedTokens) {
    int complete = 0;
    int count = 0;
    for (long[] times : contentTimes) {
      complete += times.length == expectedTokens ? 1 : 0;
      count += Math.max(0, times.length - 1);
    }
    double[] absolute = new double[count];
    double[] signed = new double[count];
    int i = 0;
    for (long[] times : contentTimes) {
      for (int t = 1; t < times.length; t++) {
        long drift = times[t] - times[t - 1] - intervalNanos;
        signed[i] = drift;
        absolute[i++] = Math.abs(drift);
      }
    }
    return new StreamDrift(contentTimes.size(), complete, count, Distribution.of("ms", absolute, 1e-6),
        Distribution.of("ms", signed, 1e-6));
  }
}
