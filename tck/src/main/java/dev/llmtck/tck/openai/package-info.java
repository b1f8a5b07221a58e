/**
 * The OpenAI-compatible contract (OAI-* clauses) and GitLab's AI gateway's requests (GL-* clauses), the target and
 * settings, and the client and schemas the clauses use.
 */
package dev.llmtck.tck.openai;
