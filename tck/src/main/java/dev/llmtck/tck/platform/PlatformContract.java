package dev.llmtck.tck.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Says which platform a class of clauses belongs to. Put it on a platform's own contract annotation (as
 * {@code @OpenAiContract} does), together with {@code @ExtendWith(PlatformExtension.class)}; the extension gives
 * the clauses that platform's typed target and client.
 */
@Target({ElementType.ANNOTATION_TYPE, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface PlatformContract {

  /** The {@link Platform#id()}. */
  String value();
}
