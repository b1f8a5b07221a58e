/**
 * The clause catalogue as API: {@code @Clause} (id, level, statement, source), {@code @RequiresCapability}, and {@link
 * dev.llmtck.tck.clause.ClauseCatalogue}, which finds a platform's clauses by id, level or area.
 */
package dev.llmtck.tck.clause;
