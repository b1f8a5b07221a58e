/**
 * Vendor base classes: extend one (OpenAI, Azure, Bedrock) in your own build and each clause is a test your IDE runs
 * on its own, named by id and statement.
 */
package dev.llmtck.tck.junit;
