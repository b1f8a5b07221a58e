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
    if (e instanceof InterruptedException) {
      Thread.currentThread().interrupt();
    }
    String why = e instanceof HttpTimeoutException
        ? "no response within " + timeout.toSeconds() + " s"
        : "request failed: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    publish(request, body, null, redactor.text(why));
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
