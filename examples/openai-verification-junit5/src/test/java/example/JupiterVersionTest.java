package example;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The proof that this project runs llmtck on JUnit 5.10, not on the JUnit 6 llmtck itself is built with. */
class JupiterVersionTest {

  @Test
  void runsOnJupiter510() {
    String api = Test.class.getPackage().getImplementationVersion();
    String engine = org.junit.jupiter.engine.JupiterTestEngine.class.getPackage().getImplementationVersion();
    assertTrue(api != null && api.startsWith("5.10."), "junit-jupiter-api " + api);
    assertTrue(engine != null && engine.startsWith("5.10."), "junit-jupiter-engine " + engine);
  }
}
