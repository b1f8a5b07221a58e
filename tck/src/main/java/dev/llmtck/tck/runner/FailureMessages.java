package dev.llmtck.tck.runner;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Turns what a clause threw into one readable message: the assertion's own text, or for a transport problem
 * a sentence that says what happened (refused, no answer in time) and the chain of causes. Never a stack trace.
 */
final class FailureMessages {
  private static final int MAX_CAUSES = 4;

  private FailureMessages() {
  }

  static String of(Throwable thrown) {
    if (thrown == null) {
      return null;
    }
    if (thrown instanceof AssertionError || thrown instanceof org.opentest4j.TestAbortedException) {
      return textOf(thrown);
    }
    Set<String> parts = new LinkedHashSet<>();
    String hint = hint(thrown);
    if (hint != null) {
      parts.add(hint);
    }
    Throwable current = thrown;
    for (int i = 0; current != null && i < MAX_CAUSES; i++, current = current.getCause()) {
      parts.add(current.getClass().getSimpleName() + (current.getMessage() == null ? "" : ": "
          + current.getMessage().strip()));
    }
    return String.join("; ", parts);
  }

  private static String hint(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof TimeoutException && t.getMessage() != null && t.getMessage().contains("timed out after")) {
        return "the clause did not finish in time and was stopped (the platform did not answer)";
      }
      if (t instanceof HttpConnectTimeoutException) {
        return "could not connect within the timeout";
      }
      if (t instanceof HttpTimeoutException) {
        return "no answer within the timeout";
      }
      if (t instanceof ConnectException) {
        return "could not connect (connection refused: is the platform running, and is the URL right?)";
      }
      if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
        return "unknown host";
      }
    }
    return null;
  }

  private static String textOf(Throwable thrown) {
    String message = thrown.getMessage();
    if (message == null || message.isBlank()) {
      return thrown.getClass().getSimpleName();
    }
    // JUnit's Assumptions prefix their reason; for a skipped clause the reason alone reads better.
    return message.strip().replaceFirst("^Assumption failed: ", "");
  }
}
