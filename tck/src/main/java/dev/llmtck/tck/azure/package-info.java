/**
 * The Azure OpenAI contract (AZ-* clauses), its target and settings, and the client the clauses use.
 */
package dev.llmtck.tck.azure;
