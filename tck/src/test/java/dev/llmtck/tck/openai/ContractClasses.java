package dev.llmtck.tck.openai;

import dev.llmtck.tck.clause.Clause;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.platform.commons.support.ReflectionSupport;

/** The OpenAI contract as shipped: every main-code class marked {@link OpenAiContract}, and its clauses. */
final class ContractClasses {

  private ContractClasses() {}

  static List<Class<?>> all() {
    return ReflectionSupport.findAllClassesInPackage(OpenAiContract.class.getPackageName(),
        type -> type.isAnnotationPresent(OpenAiContract.class), name -> true).stream()
        .sorted(Comparator.comparing(Class::getName)).toList();
  }

  static List<Method> clauseMethods() {
    return all().stream().flatMap(type -> Arrays.stream(type.getDeclaredMethods()))
        .filter(method -> method.isAnnotationPresent(Clause.class))
        .sorted(Comparator.comparing(method -> method.getAnnotation(Clause.class).id()))
        .toList();
  }
}
