package dev.llmtck.tck.azure;

import dev.llmtck.tck.clause.ContractClauses;

/** The Azure contract's classes, whose clauses the kit's own tests run and prove. */
final class AzureClauses {
  static final ContractClauses CONTRACT = ContractClauses.of(AzurePathClauses.class,
      AzureAuthClauses.class, AzureBodyClauses.class, AzureErrorClauses.class);

  private AzureClauses() {
  }
}
