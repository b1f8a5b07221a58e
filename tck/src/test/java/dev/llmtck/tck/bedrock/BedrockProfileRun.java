package dev.llmtck.tck.bedrock;

import dev.llmtck.tck.clause.Clause;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.support.descriptor.MethodSource;

/** Runs the whole Bedrock contract against a configured target and says which clauses failed. */
final class BedrockProfileRun {

  private BedrockProfileRun() {
  }

  /** The clauses that failed, by id. */
  static List<Clause> failedClauses(Map<String, String> config) {
    return BedrockClauses.CONTRACT.runAll(config).testEvents().failed().list().stream()
        .map(e -> ((MethodSource) e.getTestDescriptor().getSource().orElseThrow()).getJavaMethod()
            .getAnnotation(Clause.class))
        .toList();
  }
}
