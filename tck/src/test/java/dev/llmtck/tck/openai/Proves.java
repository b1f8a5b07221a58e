package dev.llmtck.tck.openai;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test that proves a clause can fail: it runs the clause against a platform broken in one way and
 * asserts the failure names the defect. {@link ClauseCatalogueTest} checks every clause has at least one.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@interface Proves {

  /** The clause identifier, e.g. {@code OAI-STREAM-1}. */
  String value();
}
