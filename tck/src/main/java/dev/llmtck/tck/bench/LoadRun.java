package dev.llmtck.tck.bench;

import java.util.List;

/**
 * The outcome of one {@link LoadProbe} run: the settings, one record per measured request, and the wall-clock
 * duration from the first request sent to the last one finished.
 */
public record LoadRun(LoadSettings settings, List<RequestRecord> records, long durationNanos) {

  /** The run's metrics. */
  public BenchMetrics metrics() {
    return BenchMetrics.of(records, durationNanos);
  }
}
