package dev.llmtck.tck.bench;

import java.net.URI;
import java.time.Duration;

/**
 * What to send and how hard: a target's chat completions (or text completions) endpoint, a model, and either a fixed number of
 * requests in flight ({@code concurrency}) or an arrival rate ({@code requestRate}, Poisson arrivals as vLLM's
 * benchmark, unlimited concurrency).
 *
 * @param baseUrl the target's base URL, ending in {@code /v1}
 * @param model the model name sent in every request
 * @param apiKey the bearer key, or {@code null}; never printed
 * @param concurrency requests in flight at once (used when {@code requestRate} is infinite)
 * @param requestRate requests per second, or {@link Double#POSITIVE_INFINITY} for a fixed concurrency
 * @param requests how many requests are measured
 * @param warmups requests sent first and not measured
 * @param inputTokens the length of each prompt, in the kit's stand-in tokens
 * @param outputTokens {@code max_tokens} of each request
 * @param stream whether to ask for a streamed answer (TTFT and ITL need one)
 * @param ignoreEos whether to send vLLM's {@code ignore_eos} so every answer has {@code outputTokens} tokens
 * @param requestTimeout how long one request may take before it counts as failed
 * @param textCompletions whether to call {@code /completions} with a {@code prompt} (what GitLab's code
 *     completion uses) instead of {@code /chat/completions}
 */
public record LoadSettings(URI baseUrl, String model, String apiKey, int concurrency, double requestRate,
    int requests, int warmups, int inputTokens, int outputTokens, boolean stream, boolean ignoreEos,
    Duration requestTimeout, boolean textCompletions) {

  public LoadSettings {
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1");
    }
    if (!(requestRate > 0)) {
      throw new IllegalArgumentException("the request rate must be positive");
    }
    if (requests < 1 || warmups < 0 || inputTokens < 1 || outputTokens < 1) {
      throw new IllegalArgumentException("requests, input and output tokens must be at least 1");
    }
  }

  /** The endpoint under the base URL, taken as given (no path is guessed). */
  public URI endpointUrl() {
    String base = baseUrl.toString();
    return URI.create((base.endsWith("/") ? base : base + "/") + (textCompletions ? "completions" : "chat/completions"));
  }

  /** Whether requests arrive at a rate rather than at a fixed concurrency. */
  public boolean rateLimited() {
    return requestRate != Double.POSITIVE_INFINITY;
  }

  /** The same load against another target (for the probe's overhead against a zero-latency server). */
  public LoadSettings withTarget(URI otherBaseUrl, String otherModel, String otherApiKey) {
    return new LoadSettings(otherBaseUrl, otherModel, otherApiKey, concurrency, requestRate, requests, warmups,
        inputTokens, outputTokens, stream, ignoreEos, requestTimeout, textCompletions);
  }
}
