package dev.llmtck.tck.openai;

import dev.llmtck.tck.clause.Clause;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** The OpenAI contract as its platform declares it, and its clauses. */
final class ContractClasses {

  private ContractClasses() {}

  static List<Class<?>> all() {
    return new OpenAiCompatiblePlatform().contractClasses().stream().sorted(Comparator.comparing(Class::getName))
        .toList();
  }

  static List<Method> clauseMethods() {
    return all().stream().flatMap(type -> Arrays.stream(type.getDeclaredMethods()))
        .filter(method -> method.isAnnotationPresent(Clause.class))
        .sorted(Comparator.comparing(method -> method.getAnnotation(Clause.class).id()))
        .toList();
  }
}
