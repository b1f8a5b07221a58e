package dev.llmtck.tck.azure;

import dev.llmtck.tck.clause.ContractClauses;

/** The Azure contract's classes, as its platform declares them, for the kit's own tests. */
final class AzureClauses {
  static final ContractClauses CONTRACT = ContractClauses.of(new AzureOpenAiPlatform().contractClasses());

  private AzureClauses() {
  }
}
