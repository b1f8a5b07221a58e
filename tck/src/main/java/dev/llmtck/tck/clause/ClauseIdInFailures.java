package dev.llmtck.tck.clause;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.AssertionFailedError;

/**
 * Puts the clause's identifier in front of every failure message of a clause ("OAI-STREAM-1: the stream ended
 * without data: [DONE]"), so a message read on its own, in a log or a report, still says which rule broke.
 */
public class ClauseIdInFailures implements TestExecutionExceptionHandler {

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
    Clause clause = context.getTestMethod().map(method -> method.getAnnotation(Clause.class)).orElse(null);
    if (clause == null || !(throwable instanceof AssertionError)
        || String.valueOf(throwable.getMessage()).startsWith(clause.id() + ":")) {
      throw throwable;
    }
    AssertionFailedError named = new AssertionFailedError(clause.id() + ": " + throwable.getMessage(), throwable);
    named.setStackTrace(throwable.getStackTrace());
    throw named;
  }
}
