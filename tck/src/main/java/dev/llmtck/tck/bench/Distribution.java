package dev.llmtck.tck.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Summary statistics of one metric, computed the way vLLM's benchmark does (vllm/benchmarks/serve.py,
 * {@code calculate_metrics}: {@code np.mean}, {@code np.median}, {@code np.std} (population) and
 * {@code np.percentile} with linear interpolation), so numbers from both tools compare. An empty sample
 * gives zeros, as numpy does for vLLM's {@code x or 0}.
 *
 * @param unit the unit of every value ({@code ms}, {@code s}, ...)
 * @param count how many samples
 * @param percentiles percentile (as {@code p50}, {@code p90}, {@code p99}) to value
 */
public record Distribution(String unit, int count, double mean, double median, double std, double min, double max,
    Map<String, Double> percentiles) {

  /** The percentiles every report shows. */
  public static final List<Double> REPORTED = List.of(50.0, 90.0, 99.0);

  /** The statistics of {@code samples}, each multiplied by {@code scale} (e.g. 1e-6 for nanoseconds to ms). */
  public static Distribution of(String unit, double[] samples, double scale) {
    double[] sorted = Arrays.stream(samples).map(v -> v * scale).sorted().toArray();
    Map<String, Double> percentiles = new LinkedHashMap<>();
    for (double p : REPORTED) {
      percentiles.put(label(p), percentile(sorted, p));
    }
    if (sorted.length == 0) {
      return new Distribution(unit, 0, 0, 0, 0, 0, 0, percentiles);
    }
    double mean = Arrays.stream(sorted).sum() / sorted.length;
    double squares = 0;
    for (double v : sorted) {
      squares += (v - mean) * (v - mean);
    }
    return new Distribution(unit, sorted.length, mean, percentile(sorted, 50), Math.sqrt(squares / sorted.length),
        sorted[0], sorted[sorted.length - 1], percentiles);
  }

  /** The value at percentile {@code p} (0..100) of the report's percentiles, e.g. {@code percentile(99)}. */
  public double percentile(double p) {
    Double value = percentiles.get(label(p));
    if (value == null) {
      throw new IllegalArgumentException("percentile " + p + " is not reported");
    }
    return value;
  }

  /**
   * numpy's default ("linear") percentile of an ascending array: the value at rank {@code p/100 * (n-1)},
   * interpolated between its two neighbours.
   */
  static double percentile(double[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    double rank = p / 100.0 * (sorted.length - 1);
    int below = (int) Math.floor(rank);
    int above = Math.min(below + 1, sorted.length - 1);
    double fraction = rank - below;
    return sorted[below] + (sorted[above] - sorted[below]) * fraction;
  }

  static String label(double p) {
    return p == Math.rint(p) ? "p" + (long) p : "p" + p;
  }
}
