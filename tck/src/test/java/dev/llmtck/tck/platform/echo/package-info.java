/**
 * A platform defined only in test code, to show what adding a platform takes: this package (its settings, target,
 * client, clauses, embedded server and {@code Platform}) and one line in {@code META-INF/services}; nothing in the
 * runner, the reports or the command line. It serves {@code GET /echo?text=...}.
 */
package dev.llmtck.tck.platform.echo;
