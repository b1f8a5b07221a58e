package dev.llmtck.tck.bedrock;

import dev.llmtck.tck.clause.ContractClauses;

/** The Bedrock contract's classes, whose clauses the kit's own tests run and prove. */
final class BedrockClauses {
  static final ContractClauses CONTRACT = ContractClauses.of(BedrockAuthClauses.class,
      BedrockEndpointClauses.class, BedrockConverseClauses.class, BedrockStreamClauses.class,
      BedrockInvokeClauses.class, BedrockErrorClauses.class, BedrockSdkClauses.class);

  private BedrockClauses() {
  }
}
