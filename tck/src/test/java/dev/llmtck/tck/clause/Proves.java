package dev.llmtck.tck.clause;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test that proves clauses can fail: it runs a clause against a platform broken in one way and asserts the
 * clause fails (naming the defect). The one mechanism for every platform: on a plain test, {@code value} names the
 * clause; on a parameterized test whose rows are broken platforms, leave {@code value} empty and make each row's
 * first argument the clause id (its {@code @MethodSource} is read). {@link ClauseCatalogueTest} checks every clause
 * of every installed platform has at least one proof.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Proves {

  /** The clause identifiers, e.g. {@code OAI-STREAM-1}; empty when the rows of the method's source name them. */
  String[] value() default {};
}
