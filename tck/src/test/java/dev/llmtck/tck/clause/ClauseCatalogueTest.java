package dev.llmtck.tck.clause;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmtck.tck.platform.Platform;
import dev.llmtck.tck.platform.Platforms;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * The clause catalogue of every installed platform is well formed, and every clause has a proof that it can fail
 * ({@link Proves}), whichever platform it belongs to: the one check of the one proof mechanism.
 */
class ClauseCatalogueTest {

  @Test
  void clausesHaveUniqueWellFormedIdsStatementsSourcesAndAPlatform() {
    ClauseCatalogue catalogue = ClauseCatalogue.installed();
    List<String> ids = catalogue.all().stream().map(ClauseInfo::id).toList();

    assertThat(ids).isNotEmpty().doesNotHaveDuplicates().allMatch(id -> id.matches("[A-Z]+-[A-Z0-9]+-\\d+"));
    assertThat(catalogue.all()).allSatisfy(clause -> {
      assertThat(clause.statement()).as("statement of %s", clause.id()).isNotBlank();
      assertThat(clause.source()).as("source of %s", clause.id()).isNotBlank();
      assertThat(Platforms.ids()).as("platform of %s", clause.id()).contains(clause.platform());
    });
    for (Platform<?, ?> platform : Platforms.all()) {
      assertThat(catalogue.ofPlatform(platform.id())).as("clauses of %s", platform.id()).isNotEmpty();
    }
  }

  @Test
  void everyClauseInTheKitBelongsToAnInstalledPlatformsContract() {
    Set<String> listed = new TreeSet<>();
    ClauseCatalogue.installed().all().forEach(clause -> listed.add(clause.testClass()));
    List<String> declaring = ReflectionSupport.findAllClassesInPackage("dev.llmtck.tck", type ->
        Arrays.stream(type.getDeclaredMethods()).anyMatch(m -> m.isAnnotationPresent(Clause.class))
            && type.getProtectionDomain().getCodeSource().getLocation().getPath().contains("/classes/")
            && !type.getProtectionDomain().getCodeSource().getLocation().getPath().contains("test-classes"),
        name -> true).stream().map(Class::getName).toList();

    assertThat(declaring).as("classes with clauses that no platform lists in contractClasses()")
        .isNotEmpty().allMatch(listed::contains);
  }

  @Test
  void everyClauseOfEveryPlatformHasAProofThatItCanFail() throws Exception {
    Set<String> clauses = new TreeSet<>();
    ClauseCatalogue.installed().all().forEach(clause -> clauses.add(clause.id()));
    Map<String, Integer> proofs = new TreeMap<>();
    for (String id : provenClauses()) {
      proofs.merge(id, 1, Integer::sum);
    }

    assertThat(proofs.keySet()).as("clauses named by proofs").isSubsetOf(clauses);
    assertThat(clauses).as("clauses without a negative proof").allMatch(proofs::containsKey);
    Map<String, Long> perPlatform = new TreeMap<>();
    ClauseCatalogue.installed().all().forEach(c -> perPlatform.merge(c.platform(), 1L, Long::sum));
    System.out.printf("clause catalogue: %s clauses per platform, %d proofs%n", perPlatform,
        proofs.values().stream().mapToInt(Integer::intValue).sum());
  }

  /** Every clause id a {@link Proves} test names, once per proof (a table row is a proof). */
  static List<String> provenClauses() throws Exception {
    List<String> ids = new ArrayList<>();
    for (Class<?> type : ReflectionSupport.findAllClassesInPackage("dev.llmtck.tck", t -> true, name -> true)) {
      for (Method method : type.getDeclaredMethods()) {
        Proves proves = method.getAnnotation(Proves.class);
        if (proves == null) {
          continue;
        }
        if (proves.value().length > 0) {
          ids.addAll(Arrays.asList(proves.value()));
          continue;
        }
        MethodSource source = method.getAnnotation(MethodSource.class);
        assertThat(source).as("%s.%s: @Proves without ids needs a @MethodSource whose rows name them",
            type.getSimpleName(), method.getName()).isNotNull();
        for (String name : source.value()) {
          Method rows = type.getDeclaredMethod(name);
          rows.setAccessible(true);
          try (Stream<?> stream = (Stream<?>) rows.invoke(null)) {
            stream.forEach(row -> ids.add((String) ((Arguments) row).get()[0]));
          }
        }
      }
    }
    return ids;
  }
}
