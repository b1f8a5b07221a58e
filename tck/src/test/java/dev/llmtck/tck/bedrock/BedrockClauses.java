package dev.llmtck.tck.bedrock;

import dev.llmtck.tck.clause.Clause;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;

/** The Bedrock contract's clauses, found by their {@link Clause} annotation. */
final class BedrockClauses {
  static final List<Class<?>> CONTRACTS = List.of(BedrockAuthContractTest.class, BedrockEndpointContractTest.class,
      BedrockConverseContractTest.class, BedrockStreamContractTest.class, BedrockInvokeContractTest.class,
      BedrockErrorContractTest.class, BedrockSdkContractTest.class);

  private BedrockClauses() {
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

  static DiscoverySelector[] all() {
    return CONTRACTS.stream().map(DiscoverySelectors::selectClass).toArray(DiscoverySelector[]::new);
  }
}
