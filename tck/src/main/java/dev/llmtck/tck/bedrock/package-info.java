/**
 * The Bedrock Runtime contract (BDR-* clauses), its target and settings, and the SigV4/API-key client the clauses use;
 * the SDK clauses drive the AWS SDK for Java itself.
 */
package dev.llmtck.tck.bedrock;
