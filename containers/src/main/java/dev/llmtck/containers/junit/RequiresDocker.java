package dev.llmtck.containers.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a JUnit Jupiter test class only where a Docker engine answers. In CI ({@code CI=true}) a missing engine
 * fails the class instead of skipping it, so container tests can never pass by not running
 * ({@link dev.llmtck.containers.DockerRequirement}). Unlike {@code @Testcontainers(disabledWithoutDocker = true)},
 * which skips everywhere.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(DockerCondition.class)
public @interface RequiresDocker {
}
