package dev.llmtck.tck.platform.echo;

import dev.llmtck.tck.clause.ClauseDisplayNames;
import dev.llmtck.tck.clause.ClauseIdInFailures;
import dev.llmtck.tck.platform.PlatformContract;
import dev.llmtck.tck.platform.PlatformExtension;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.extension.ExtendWith;

/** Marks the echo platform's clause classes, as every platform's contract annotation does. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@PlatformContract("echo")
@ExtendWith(PlatformExtension.class)
@ExtendWith(ClauseIdInFailures.class)
@DisplayNameGeneration(ClauseDisplayNames.class)
@interface EchoContract {
}
