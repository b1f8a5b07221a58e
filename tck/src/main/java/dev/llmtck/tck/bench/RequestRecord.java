package dev.llmtck.tck.bench;

/**
 * What one benchmark request measured, as vLLM's {@code RequestFuncOutput}
 * (vllm/benchmarks/lib/endpoint_request_func.py): every time in nanoseconds on the probe's monotonic clock.
 *
 * @param startNanos when the request was sent
 * @param success whether a 200 arrived with at least one token chunk
 * @param error why it failed (never holds a secret), or empty
 * @param ttftNanos time to first token: from sending to the first chunk that carries a choice
 * @param itlNanos inter-token latencies: gaps between successive choice chunks
 * @param latencyNanos end-to-end latency: from sending to the last choice chunk
 * @param outputTokens completion tokens (the usage the server reported, else the number of content chunks)
 * @param promptTokens prompt tokens the server reported (or the probe's own count)
 */
public record RequestRecord(long startNanos, boolean success, String error, long ttftNanos, long[] itlNanos,
    long latencyNanos, int outputTokens, int promptTokens) {

  /** A request that failed before or without a token. */
  public static RequestRecord failed(long startNanos, long latencyNanos, String error) {
    return new RequestRecord(startNanos, false, error, 0, new long[0], latencyNanos, 0, 0);
  }

  /**
   * Time per output token excluding the first, vLLM's TPOT: {@code (latency - ttft) / (output_tokens - 1)};
   * {@code -1} when there is only one token (vLLM leaves those out of the TPOT statistics).
   */
  public long tpotNanos() {
    return outputTokens > 1 ? (latencyNanos - ttftNanos) / (outputTokens - 1) : -1;
  }
}
