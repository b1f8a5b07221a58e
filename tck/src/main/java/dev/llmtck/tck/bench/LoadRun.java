package dev.llmtck.tck.bench;

import java.util.List;

/**
 * The outcome of one {@link LoadProbe} run: the settings, one record per measured request, the wall-clock
 * duration from the first request sent to the last one finished, and how many words each prompt had (calibrated
 * on the warm-ups so that the target counts about {@code inputTokens} prompt tokens).
 */
public record LoadRun(LoadSettings settings, List<RequestRecord> records, long durationNanos, int promptWords) {

  /** A run whose prompts were {@code settings.inputTokens()} words each (no calibration). */
  public LoadRun(LoadSettings settings, List<RequestRecord> records, long durationNanos) {
    this(settings, records, durationNanos, settings.inputTokens());
  }

  /** The run's metrics. */
  public BenchMetrics metrics() {
    return BenchMetrics.of(records, durationNanos);
  }
}
