package dev.llmtck.tck.evidence;

import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Publishes a clause client's HTTP exchanges as {@link Evidence} (report entry {@value Evidence#KEY}) with
 * secrets masked at the source, and turns a request that got no answer into the clause's failure, published
 * too. One per client; the reporter is the running test's {@code publishReportEntry}.
 */
public final class ExchangeRecorder {
  private final Redactor redactor;
  private final Duration timeout;
  private final BiConsumer<String, String> reporter;

  /**
   * @param redactor masks the target's secrets
   * @param timeout the target's per-request timeout, named when a request times out
   * @param reporter publishes a report entry (key, value) on the running test
   */
  public ExchangeRecorder(Redactor redactor, Duration timeout, BiConsumer<String, String> reporter) {
    this.redactor = redactor;
    this.timeout = timeout;
    this.reporter = reporter;
  }

  /** Publishes a request (with the body it sent) and the response it got. */
  public void answered(HttpRequest request, String body, int status, Map<String, List<String>> headers,
      String responseBody, long timeToFirstByteMs) {
    publish(request, body, Evidence.response(redactor, status, headers, responseBody, timeToFirstByteMs), null);
  }

  /**
   * Publishes a request that failed or timed out without an answer and returns the assertion error the clause
   * fails with: why, and which request, secrets masked. An interrupt is kept (the thread is re-interrupted).
   */
  public AssertionError failed(HttpRequest request, String body, Exception e) {
    return failed(request, body, null, e);
  }

  /**
   * Like {@link #failed(HttpRequest, String, Exception)}, for a request that was answered but whose body could
   * not be read (too big, cut, too slow): the response's status and headers are published with what was read.
   *
   * @param response the status, headers and body read so far, or {@code null} when nothing was answered
   */
  public AssertionError failed(HttpRequest request, String body, Answer response, Exception e) {
    if (e instanceof InterruptedException) {
      Thread.currentThread().interrupt();
    }
    String why = why(request, e);
    Evidence.Response answer = response == null ? null
        : Evidence.response(redactor, response.status(), response.headers(), response.body(), response.millis());
    publish(request, body, answer, redactor.text(why));
    String status = response == null ? "" : " -> " + response.status();
    return new AssertionError(redactor.text(why + " (" + request.method() + " " + request.uri() + status + ")"));
  }

  /** What was answered before reading failed. */
  public record Answer(int status, Map<String, List<String>> headers, String body, long millis) {
  }

  /** Why a request failed, in words: a timeout, a bound of the kit, a TLS problem, or the exception, cut. */
  private String why(HttpRequest request, Exception e) {
    if (e instanceof TargetBody.TooLarge || e instanceof dev.llmtck.tck.sse.SseLimitExceeded) {
      return e.getMessage();
    }
    if (e instanceof HttpTimeoutException) {
      return e.getMessage() != null && e.getMessage().startsWith("the ") ? e.getMessage()
          : "no response within " + timeout.toSeconds() + " s";
    }
    String tls = TargetTls.explain(e, request.uri().getHost());
    if (tls != null) {
      return tls;
    }
    return "request failed: " + e.getClass().getSimpleName()
        + (e.getMessage() == null ? "" : ": " + SafeText.cut(e.getMessage(), 1000));
  }

  /** The failure of a clause whose client ran out of memory reading a target's answer (the kit survives). */
  public AssertionError outOfMemory(HttpRequest request, String body, OutOfMemoryError e) {
    String why = "the kit ran out of memory reading the answer (" + Runtime.getRuntime().maxMemory() / (1024 * 1024)
        + " MiB heap): the target's answer is too big to judge";
    publish(request, body, null, why);
    return new AssertionError(redactor.text(why + " (" + request.method() + " " + request.uri() + ")"));
  }

  /** Publishes a finding for the report (e.g. which API forms the target serves), secrets masked. */
  public void note(String key, String value) {
    reporter.accept(key, redactor.text(value));
  }

  /** {@code text} with the target's secrets masked. */
  public String mask(String text) {
    return redactor.text(text);
  }

  private void publish(HttpRequest request, String body, Evidence.Response response, String failure) {
    Evidence evidence = new Evidence(Evidence.request(redactor, request.method(), request.uri().toString(),
        request.headers().map(), body), response, failure);
    reporter.accept(Evidence.KEY, evidence.toJson());
  }
}
