package dev.llmtck.tck.runner.fakebroken;

import dev.llmtck.tck.clause.Clause;
import dev.llmtck.tck.clause.Level;
import org.junit.jupiter.api.BeforeAll;

/** A contract class whose set-up fails before any clause runs (as when a target cannot be set up). */
public class UnstartableClauses {

  @BeforeAll
  static void setUp() {
    throw new IllegalStateException("the target could not be set up");
  }

  @Clause(id = "FAKE-SETUP-1", level = Level.MUST, statement = "never reached", source = "runner tests")
  void neverReached() {
  }
}
