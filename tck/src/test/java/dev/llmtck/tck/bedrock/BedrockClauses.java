package dev.llmtck.tck.bedrock;

import dev.llmtck.tck.clause.ContractClauses;

/** The Bedrock contract's classes, as its platform declares them, for the kit's own tests. */
final class BedrockClauses {
  static final ContractClauses CONTRACT = ContractClauses.of(new BedrockRuntimePlatform().contractClasses());

  private BedrockClauses() {
  }
}
