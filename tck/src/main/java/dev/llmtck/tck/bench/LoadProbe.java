package dev.llmtck.tck.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * Sends chat (or text) completion requests to a target under load and records, per request, what vLLM's
 * benchmark_serving records (see {@link StreamRecorder}). Requests go out from one dispatcher: at a fixed
 * concurrency, the next one leaves when one finishes; at a request rate, they leave at Poisson arrival times
 * (vllm/benchmarks/serve.py, {@code get_request} with burstiness 1, its gaps scaled so that N requests take
 * N/rate seconds). Responses are read asynchronously, each chunk timed when it arrives.
 */
public final class LoadProbe {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String[] WORDS = ("the quick brown fox jumps over a lazy dog while seven wise owls "
      + "count every star in the cold northern sky and write their names in a small green book").split(" ");

  private final LoadSettings settings;
  private final IntConsumer onRequestDone;

  /** A probe for {@code settings}; {@code onRequestDone} hears how many measured requests have finished. */
  public LoadProbe(LoadSettings settings, IntConsumer onRequestDone) {
    this.settings = settings;
    this.onRequestDone = onRequestDone;
  }

  /** Runs the warm-up requests, then the measured ones; returns the records and the wall-clock duration. */
  public LoadRun run() throws InterruptedException {
    ExecutorService callbacks = Executors.newFixedThreadPool(2, daemon());
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(callbacks)
        .connectTimeout(settings.requestTimeout()).build();
    try {
      int words = settings.inputTokens();
      if (settings.warmups() > 0) {
        words = calibratedWords(drive(client, settings.warmups(), -1, words, n -> { }), settings.inputTokens(),
            words);
      }
      long start = System.nanoTime();
      List<RequestRecord> records = drive(client, settings.requests(), 0, words, onRequestDone);
      long duration = System.nanoTime() - start;
      return new LoadRun(settings, records, duration, words);
    } finally {
      callbacks.shutdownNow();
    }
  }

  /**
   * The words per prompt that make the target count about {@code wantedTokens} prompt tokens, from the prompt
   * tokens its warm-up answers reported for {@code wordsSent} words. A word is one token or more depending on the
   * tokenizer (the tiny model's: about 2.6), and vLLM's benchmark sends exact token counts, so without this the two
   * would measure different loads. Unchanged when the target reports no usage.
   */
  static int calibratedWords(List<RequestRecord> warmups, int wantedTokens, int wordsSent) {
    double measured = warmups.stream().filter(RequestRecord::success).mapToInt(RequestRecord::promptTokens)
        .average().orElse(0);
    if (measured <= 0) {
      return wordsSent;
    }
    return Math.max(3, (int) Math.round(wordsSent * wantedTokens / measured));
  }

  private List<RequestRecord> drive(HttpClient client, int count, int idOffset, int words, IntConsumer progress)
      throws InterruptedException {
    List<RequestRecord> records = Collections.synchronizedList(new ArrayList<>(count));
    Semaphore inFlight = new Semaphore(settings.rateLimited() ? Integer.MAX_VALUE : settings.concurrency());
    long[] arrivals = settings.rateLimited() ? arrivalOffsets(count, settings.requestRate(), new Random(0)) : null;
    var finished = new java.util.concurrent.atomic.AtomicInteger();
    List<CompletableFuture<Void>> all = new ArrayList<>(count);
    long t0 = System.nanoTime();
    for (int i = 0; i < count; i++) {
      if (arrivals != null) {
        long wait = t0 + arrivals[i] - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
      }
      inFlight.acquire();
      all.add(send(client, i + idOffset, words).thenAccept(record -> {
        records.add(record);
        inFlight.release();
        progress.accept(finished.incrementAndGet());
      }));
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
    return new ArrayList<>(records);
  }

  /**
   * Poisson arrival offsets (ns from the first request), scaled so the last one is due at {@code count/rate}
   * seconds, as vLLM does to keep throughput comparable across seeds.
   */
  static long[] arrivalOffsets(int count, double rate, Random random) {
    double[] at = new double[count];
    double sum = 0;
    for (int i = 0; i < count; i++) {
      sum += -Math.log(1 - random.nextDouble()) / rate;
      at[i] = sum;
    }
    double scale = sum > 0 ? (count / rate) / sum : 0;
    long[] offsets = new long[count];
    for (int i = 0; i < count; i++) {
      offsets[i] = (long) (at[i] * scale * 1e9);
    }
    return offsets;
  }

  private CompletableFuture<RequestRecord> send(HttpClient client, int id, int words) {
    String prompt = prompt(id, words);
    HttpRequest.Builder request = HttpRequest.newBuilder(settings.endpointUrl())
        .timeout(settings.requestTimeout())
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body(prompt)));
    if (settings.apiKey() != null) {
      request.header("Authorization", "Bearer " + settings.apiKey());
    }
    long start = System.nanoTime();
    HttpResponse.BodyHandler<RequestRecord> handler = info -> {
      if (info.statusCode() != 200) {
        return BodySubscribers.mapping(BodySubscribers.discarding(),
            none -> RequestRecord.failed(start, System.nanoTime() - start, "HTTP " + info.statusCode()));
      }
      return settings.stream() ? new TimedStream(new StreamRecorder(start), settings.inputTokens())
          : BodySubscribers.mapping(BodySubscribers.ofByteArray(), bytes -> whole(start, bytes));
    };
    return client.sendAsync(request.build(), handler).handle((response, failure) -> {
      if (failure == null) {
        return response.body();
      }
      Throwable cause = failure instanceof CompletionException && failure.getCause() != null
          ? failure.getCause() : failure;
      String why = cause instanceof HttpTimeoutException ? "timed out after " + settings.requestTimeout()
          : cause.getClass().getSimpleName();
      return RequestRecord.failed(start, System.nanoTime() - start, why);
    });
  }

  /** A non-streamed answer: its first token is its last, so TTFT equals the latency. */
  private RequestRecord whole(long start, byte[] bytes) {
    long latency = System.nanoTime() - start;
    try {
      JsonNode usage = MAPPER.readTree(bytes).path("usage");
      int output = usage.path("completion_tokens").asInt(0);
      int prompt = usage.path("prompt_tokens").asInt(settings.inputTokens());
      return new RequestRecord(start, true, "", latency, new long[0], latency, Math.max(output, 1), prompt);
    } catch (IOException e) {
      return RequestRecord.failed(start, latency, "the answer is not JSON");
    }
  }

  private byte[] body(String prompt) {
    ObjectNode body = MAPPER.createObjectNode();
    body.put("model", settings.model());
    if (settings.textCompletions()) {
      body.put("prompt", prompt);
    } else {
      body.putArray("messages").addObject().put("role", "user").put("content", prompt);
    }
    body.put("max_tokens", settings.outputTokens());
    body.put("stream", settings.stream());
    if (settings.stream()) {
      body.putObject("stream_options").put("include_usage", true);
    }
    if (settings.ignoreEos()) {
      body.put("ignore_eos", true);
    }
    try {
      return MAPPER.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A prompt of {@code tokens} words, different for every request so no cache answers it. */
  static String prompt(int id, int tokens) {
    StringBuilder text = new StringBuilder("Request ").append(Math.abs(id)).append(':');
    for (int i = 2; i < tokens; i++) {
      text.append(' ').append(WORDS[(i * 7 + id) % WORDS.length]);
    }
    return text.toString();
  }

  private static java.util.concurrent.ThreadFactory daemon() {
    return runnable -> {
      Thread thread = new Thread(runnable, "llmtck-bench-client");
      thread.setDaemon(true);
      return thread;
    };
  }

  /** Feeds each arriving piece of a streamed body to a {@link StreamRecorder}, timed on arrival. */
  private static final class TimedStream implements BodySubscriber<RequestRecord> {
    private final StreamRecorder recorder;
    private final int promptTokens;
    private final CompletableFuture<RequestRecord> result = new CompletableFuture<>();

    TimedStream(StreamRecorder recorder, int promptTokens) {
      this.recorder = recorder;
      this.promptTokens = promptTokens;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      long now = System.nanoTime();
      for (ByteBuffer item : items) {
        recorder.onBytes(item, now);
      }
    }

    @Override
    public void onError(Throwable throwable) {
      result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
      recorder.onEnd(System.nanoTime());
      result.complete(recorder.finish(promptTokens));
    }

    @Override
    public java.util.concurrent.CompletionStage<RequestRecord> getBody() {
      return result;
    }
  }
}
