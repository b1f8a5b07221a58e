/**
 * {@code llmtck bench}: a load probe that measures a target's TTFT, inter-token latency, TPOT, end-to-end latency and
 * throughput under a given concurrency, with the probe's own overhead measured and reported.
 */
package dev.llmtck.tck.bench;
