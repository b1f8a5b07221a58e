package dev.llmtck.tck.openai;

import dev.llmtck.tck.clause.ClauseDisplayNames;
import dev.llmtck.tck.clause.ClauseIdInFailures;
import dev.llmtck.tck.platform.PlatformContract;
import dev.llmtck.tck.platform.PlatformExtension;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a class of OpenAI contract clauses: resolves {@link OpenAiTarget} and {@link OpenAiClient} parameters,
 * skips clauses whose capability the target does not declare ({@link PlatformExtension}), names tests by clause and
 * tags them {@code openai}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@PlatformContract("openai")
@ExtendWith(PlatformExtension.class)
@ExtendWith(ClauseIdInFailures.class)
@DisplayNameGeneration(ClauseDisplayNames.class)
@Tag("openai")
public @interface OpenAiContract {}
