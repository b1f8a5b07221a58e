package dev.llmtck.tck.clause;

import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGenerator;

/**
 * Shows a clause as {@code <id> <statement>}, e.g. "OAI-MODELS-1 GET /v1/models answers 200 with a list", so
 * every report lists clauses by their stable identity. Methods without {@link Clause} keep JUnit's standard
 * name.
 */
public class ClauseDisplayNames extends DisplayNameGenerator.Standard {

  @Override
  public String generateDisplayNameForMethod(List<Class<?>> enclosingInstanceTypes, Class<?> testClass,
      Method testMethod) {
    Clause clause = testMethod.getAnnotation(Clause.class);
    if (clause == null) {
      return super.generateDisplayNameForMethod(enclosingInstanceTypes, testClass, testMethod);
    }
    return clause.id() + " " + clause.statement();
  }
}
