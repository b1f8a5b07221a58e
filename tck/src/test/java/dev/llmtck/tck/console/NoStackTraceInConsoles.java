package dev.llmtck.tck.console;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.AssertionFailedError;

/**
 * Fails a test when a console it made with {@link Consoles#capture} shows a Java stack trace (a frame line
 * {@code at pkg.Class.method(...)} or {@code Exception in thread}), whatever else the test asserts.
 */
public final class NoStackTraceInConsoles implements BeforeEachCallback, AfterEachCallback {
  static final Pattern TRACE = Pattern.compile("(?m)^\\s+at [\\w$./]+\\.[\\w$<>]+\\(|Exception in thread \"");

  @Override
  public void beforeEach(ExtensionContext context) {
    Consoles.begin();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    List<String> texts = Consoles.end();
    if (context.getExecutionException().isPresent()) {
      return; // the test already failed; its own failure says more
    }
    for (String text : texts) {
      Matcher trace = TRACE.matcher(text);
      if (trace.find()) {
        int from = Math.max(0, text.lastIndexOf('\n', Math.max(0, trace.start() - 1) - 1) - 600);
        throw new AssertionFailedError("a command printed a stack trace to its console (a run must print sentences,"
            + " never a trace):\n" + text.substring(from, Math.min(text.length(), trace.end() + 600)));
      }
    }
  }
}
