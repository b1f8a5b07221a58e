package dev.llmtck.tck.clause;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * A platform's contract for the kit's own tests: its contract classes, the clauses found on them by their
 * {@link Clause} annotation, and runs of one clause or all of them through the JUnit Platform against a target
 * given by configuration parameters (how the proofs show a clause fails on a broken platform).
 */
public final class ContractClauses {
  private final List<Class<?>> contracts;

  private ContractClauses(List<Class<?>> contracts) {
    this.contracts = contracts;
  }

  /** The contract made of these classes. */
  public static ContractClauses of(Class<?>... contracts) {
    return new ContractClauses(List.of(contracts));
  }

  /** The contract made of these classes (a platform's {@code contractClasses()}). */
  public static ContractClauses of(List<Class<?>> contracts) {
    return new ContractClauses(List.copyOf(contracts));
  }

  /** Clause id to the method that checks it. */
  public Map<String, Method> byId() {
    Map<String, Method> clauses = new TreeMap<>();
    for (Class<?> contract : contracts) {
      Arrays.stream(contract.getDeclaredMethods()).filter(m -> m.isAnnotationPresent(Clause.class))
          .forEach(m -> clauses.put(m.getAnnotation(Clause.class).id(), m));
    }
    return clauses;
  }

  /** Selects every contract class. */
  public DiscoverySelector[] selectors() {
    return contracts.stream().map(c -> selectClass(c)).toArray(DiscoverySelector[]::new);
  }

  /** Runs the whole contract with these configuration parameters. */
  public EngineExecutionResults runAll(Map<String, String> configuration) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectors()).configurationParameters(configuration)
        .execute();
  }

  /** Runs the one clause {@code clauseId} with these configuration parameters. */
  public EngineExecutionResults run(String clauseId, Map<String, String> configuration) {
    Method method = byId().get(clauseId);
    if (method == null) {
      throw new IllegalArgumentException("no clause " + clauseId);
    }
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectMethod(method.getDeclaringClass(), method))
        .configurationParameters(configuration)
        .execute();
  }
}
