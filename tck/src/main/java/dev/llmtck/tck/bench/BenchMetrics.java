package dev.llmtck.tck.bench;

import dev.llmtck.fixtures.stats.Distribution;
import java.util.ArrayList;
import java.util.List;

/**
 * The metrics of one benchmark run, defined as vLLM's {@code calculate_metrics} (vllm/benchmarks/serve.py):
 * only successful requests count; TTFT, TPOT, ITL and E2EL in milliseconds; TPOT leaves out requests with a
 * single output token; every ITL of every request is one sample; throughputs divide by the wall-clock duration
 * of the whole run.
 *
 * @param completed successful requests
 * @param failed failed requests
 * @param durationSeconds wall-clock time from the first request sent to the last one finished
 * @param totalInputTokens prompt tokens of the successful requests
 * @param totalOutputTokens output tokens of the successful requests
 * @param requestThroughput completed requests per second
 * @param outputThroughput output tokens per second
 * @param totalTokenThroughput prompt plus output tokens per second
 * @param ttft time to first token (ms)
 * @param tpot time per output token, excluding the first (ms)
 * @param itl inter-token latency (ms)
 * @param e2el end-to-end request latency (ms)
 * @param peakConcurrency the most requests in flight at one instant
 */
public record BenchMetrics(int completed, int failed, double durationSeconds, long totalInputTokens,
    long totalOutputTokens, double requestThroughput, double outputThroughput, double totalTokenThroughput,
    Distribution ttft, Distribution tpot, Distribution itl, Distribution e2el, int peakConcurrency) {

  private static final double NANOS_TO_MS = 1e-6;

  /** Computes the metrics of {@code records} from a run that lasted {@code durationNanos}. */
  public static BenchMetrics of(List<RequestRecord> records, long durationNanos) {
    List<RequestRecord> ok = records.stream().filter(RequestRecord::success).toList();
    double seconds = durationNanos / 1e9;
    long input = 0;
    long output = 0;
    int itlCount = 0;
    List<Long> tpots = new ArrayList<>();
    for (RequestRecord r : ok) {
      input += r.promptTokens();
      output += r.outputTokens();
      itlCount += r.itlNanos().length;
      if (r.tpotNanos() >= 0) {
        tpots.add(r.tpotNanos());
      }
    }
    double[] itls = new double[itlCount];
    int i = 0;
    for (RequestRecord r : ok) {
      for (long gap : r.itlNanos()) {
        itls[i++] = gap;
      }
    }
    return new BenchMetrics(ok.size(), records.size() - ok.size(), seconds, input, output,
        perSecond(ok.size(), seconds), perSecond(output, seconds), perSecond(input + output, seconds),
        Distribution.of("ms", ok.stream().mapToDouble(RequestRecord::ttftNanos).toArray(), NANOS_TO_MS),
        Distribution.of("ms", tpots.stream().mapToDouble(Long::doubleValue).toArray(), NANOS_TO_MS),
        Distribution.of("ms", itls, NANOS_TO_MS),
        Distribution.of("ms", ok.stream().mapToDouble(RequestRecord::latencyNanos).toArray(), NANOS_TO_MS),
        peakConcurrency(ok));
  }

  private static double perSecond(double amount, double seconds) {
    return seconds > 0 ? amount / seconds : 0;
  }

  /** vLLM's sweep over half-open intervals [start, end): an end at the same instant as a start comes first. */
  static int peakConcurrency(List<RequestRecord> records) {
    long[][] events = new long[records.size() * 2][];
    int i = 0;
    for (RequestRecord r : records) {
      events[i++] = new long[] {r.startNanos(), 1};
      events[i++] = new long[] {r.startNanos() + r.latencyNanos(), -1};
    }
    java.util.Arrays.sort(events, (a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
    int current = 0;
    int peak = 0;
    for (long[] event : events) {
      current += (int) event[1];
      peak = Math.max(peak, current);
    }
    return peak;
  }
}
