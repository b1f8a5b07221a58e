package dev.llmtck.tck.azure;

import dev.llmtck.tck.clause.Clause;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The Azure contract's clauses, found by their {@link Clause} annotation. */
final class AzureClauses {
  static final List<Class<?>> CONTRACTS = List.of(AzurePathContractTest.class, AzureAuthContractTest.class,
      AzureBodyContractTest.class, AzureErrorContractTest.class);

  private AzureClauses() {
  }

  /** Clause id to the method that checks it. */
  static Map<String, Method> byId() {
    Map<String, Method> clauses = new TreeMap<>();
    for (Class<?> contract : CONTRACTS) {
      Arrays.stream(contract.getDeclaredMethods()).filter(m -> m.isAnnotationPresent(Clause.class))
          .forEach(m -> clauses.put(m.getAnnotation(Clause.class).id(), m));
    }
    return clauses;
  }
}
