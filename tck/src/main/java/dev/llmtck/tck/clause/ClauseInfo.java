package dev.llmtck.tck.clause;

import dev.llmtck.tck.platform.PlatformContract;
import java.lang.reflect.Method;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * A clause's identity as declared by its {@link Clause} annotation, and the test method that checks it: one entry
 * of the {@link ClauseCatalogue}.
 *
 * @param id the stable clause id, e.g. {@code OAI-STREAM-2}
 * @param level MUST, SHOULD or MAY
 * @param statement what a conforming platform does, in one line
 * @param source where the rule comes from
 * @param platform the id of the platform whose contract holds it, or {@code ""} for clauses outside any
 * @param testClass the fully qualified name of the class holding the test method
 * @param testMethod the test method's name
 */
public record ClauseInfo(String id, Level level, String statement, String source, String platform, String testClass,
    String testMethod) {

  /** The clause declared on {@code method}. */
  public static ClauseInfo of(Method method, Clause clause) {
    String platform = AnnotationSupport.findAnnotation(method.getDeclaringClass(), PlatformContract.class)
        .map(PlatformContract::value).orElse("");
    return new ClauseInfo(clause.id(), clause.level(), clause.statement(), clause.source(), platform,
        method.getDeclaringClass().getName(), method.getName());
  }

  /** The clause's number within its area ({@code 2} for {@code OAI-STREAM-2}), or 0 when it has none. */
  public int number() {
    String tail = id.substring(area().length());
    return tail.startsWith("-") ? Integer.parseInt(tail.substring(1)) : 0;
  }

  /** The group a clause belongs to in reports: its id without the trailing number ({@code OAI-STREAM}). */
  public String area() {
    int dash = id.lastIndexOf('-');
    return dash > 0 && id.substring(dash + 1).chars().allMatch(Character::isDigit) ? id.substring(0, dash) : id;
  }
}
