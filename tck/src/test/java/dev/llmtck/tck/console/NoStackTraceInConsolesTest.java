package dev.llmtck.tck.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The check tells a trace from a sentence that merely contains "at". */
class NoStackTraceInConsolesTest {

  @Test
  void recognisesFramesAndUncaughtExceptions() {
    assertThat(NoStackTraceInConsoles.TRACE.matcher("java.lang.IllegalStateException: boom\n\tat dev.llmtck.tck.cli"
        + ".RunCommand.run(RunCommand.java:80)\n").find()).isTrue();
    assertThat(NoStackTraceInConsoles.TRACE.matcher("    at java.base/java.lang.Thread.run(Thread.java:840)")
        .find()).as("a module-qualified frame").isTrue();
    assertThat(NoStackTraceInConsoles.TRACE.matcher("Exception in thread \"main\" java.lang.Error").find()).isTrue();
  }

  @Test
  void sentencesAreNoTrace() {
    assertThat(NoStackTraceInConsoles.TRACE.matcher("  [ 3/46] FAIL   MUST   OAI-ERR-3  answered at once\n"
        + "  look at the evidence in report.html\nverdict: FAILED at 12:00").find()).isFalse();
  }
}
