package dev.llmtck.tck.bedrock;

import dev.llmtck.tck.clause.ContractClauses;

/** The Bedrock contract's classes, whose clauses the kit's own tests run and prove. */
final class BedrockClauses {
  static final ContractClauses CONTRACT = ContractClauses.of(BedrockAuthContractTest.class,
      BedrockEndpointContractTest.class, BedrockConverseContractTest.class, BedrockStreamContractTest.class,
      BedrockInvokeContractTest.class, BedrockErrorContractTest.class, BedrockSdkContractTest.class);

  private BedrockClauses() {
  }
}
