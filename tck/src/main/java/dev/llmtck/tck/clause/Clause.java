package dev.llmtck.tck.clause;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Marks a test method as one clause of the platform contract, and makes it a JUnit Jupiter test. The runner
 * and the reports read the clause's identity from here.
 *
 * <pre>{@code
 * @Clause(id = "OAI-MODELS-1", level = Level.MUST,
 *     statement = "GET /v1/models answers 200 with {\"object\":\"list\",\"data\":[...]}",
 *     source = "vLLM openai/api_server.py show_available_models; OpenAI API reference: Models")
 * void modelsListIsAList(OpenAiTarget target) { ... }
 * }</pre>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@Tag("clause")
public @interface Clause {

  /** Stable identifier, {@code <AREA>-<TOPIC>-<n>}, e.g. {@code OAI-STREAM-2}. Never reused for another rule. */
  String id();

  /** MUST, SHOULD or MAY. */
  Level level();

  /** One line: what a conforming platform does. */
  String statement();

  /** Where the rule comes from: the document, source file or behaviour it rests on. */
  String source();
}
