package dev.llmtck.tck.azure;

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
 * Marks a class of Azure OpenAI contract clauses: resolves {@link AzureTarget} and {@link AzureClient}
 * parameters (the embedded mock when no endpoint is configured), names tests and failures by clause, and tags
 * the clauses {@code azure}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@PlatformContract("azure")
@ExtendWith(PlatformExtension.class)
@ExtendWith(ClauseIdInFailures.class)
@DisplayNameGeneration(ClauseDisplayNames.class)
@Tag("azure")
public @interface AzureContract {}
