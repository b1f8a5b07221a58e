package dev.llmtck.tck.clause;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A clause that applies only when the target declares an optional capability (such as {@code tools}). On a
 * target that does not declare it, the clause is skipped with a reason that names the capability, never
 * failed.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RequiresCapability {

  /** The capability's name as declared on the target, e.g. {@code tools}. */
  String value();
}
