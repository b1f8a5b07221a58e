package dev.llmtck.tck.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmtck.tck.clause.Clause;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.support.ReflectionSupport;

/** The OpenAI clause catalogue is well formed, and every clause has a proof that it can fail. */
class ClauseCatalogueTest {

  @Test
  void clausesHaveUniqueWellFormedIds() {
    var ids = ContractClasses.clauseMethods().stream().map(m -> m.getAnnotation(Clause.class).id()).toList();
    assertThat(ids).isNotEmpty().doesNotHaveDuplicates().allMatch(id -> id.matches("OAI-[A-Z]+-\\d+"));
    assertThat(ContractClasses.clauseMethods()).allSatisfy(method -> {
      Clause clause = method.getAnnotation(Clause.class);
      assertThat(clause.statement()).as("statement of %s", clause.id()).isNotBlank();
      assertThat(clause.source()).as("source of %s", clause.id()).isNotBlank();
    });
  }

  @Test
  void everyClauseHasAProofThatItCanFail() {
    Set<String> clauses = ContractClasses.clauseMethods().stream().map(m -> m.getAnnotation(Clause.class).id())
        .collect(Collectors.toCollection(TreeSet::new));
    var proofsByClause = proofs().stream().collect(Collectors.groupingBy(m -> m.getAnnotation(Proves.class).value(),
        TreeMap::new, Collectors.counting()));

    assertThat(proofsByClause.keySet()).as("clauses named by proofs").isSubsetOf(clauses);
    assertThat(clauses).as("clauses without a negative proof").allMatch(proofsByClause::containsKey);
    System.out.printf("OpenAI contract: %d clauses, %d negative proofs%n", clauses.size(), proofs().size());
  }

  static java.util.List<Method> proofs() {
    return ReflectionSupport.findAllClassesInPackage(ClauseCatalogueTest.class.getPackageName(), type -> true,
        name -> true).stream().flatMap(type -> Arrays.stream(type.getDeclaredMethods()))
        .filter(method -> method.isAnnotationPresent(Proves.class)).toList();
  }
}
