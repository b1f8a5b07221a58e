/**
 * The mocks' fuzz suite: malformed and mutated bodies, HTTP framing attacks and aborted streams sent to a served mock
 * in its own process, each answer checked to be a 4xx in the platform's own error format, with RSS, threads and health
 * compared before and after.
 */
package dev.llmtck.bench.fuzz;
