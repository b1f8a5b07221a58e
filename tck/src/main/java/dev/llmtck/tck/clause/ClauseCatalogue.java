package dev.llmtck.tck.clause;

import dev.llmtck.tck.platform.Platform;
import dev.llmtck.tck.platform.Platforms;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Every clause of every installed platform, as data: id, level, area, platform, statement, source and the method
 * that checks it. What a vendor reads to know the rules ({@code llmtck clauses} prints it), and what the runner
 * selects from ({@code llmtck run --clause ID --area AREA}).
 */
public final class ClauseCatalogue {
  private static final Comparator<ClauseInfo> ORDER = Comparator.comparing(ClauseInfo::platform)
      .thenComparing(ClauseInfo::area).thenComparingInt(ClauseInfo::number).thenComparing(ClauseInfo::id);

  private final List<ClauseInfo> clauses;
  private final Map<String, Method> methods;

  private ClauseCatalogue(List<ClauseInfo> clauses, Map<String, Method> methods) {
    this.clauses = List.copyOf(clauses);
    this.methods = methods;
  }

  /** The clauses of every installed platform. */
  public static ClauseCatalogue installed() {
    List<Class<?>> classes = new ArrayList<>();
    for (Platform<?, ?> platform : Platforms.all()) {
      classes.addAll(platform.contractClasses());
    }
    return of(classes);
  }

  /** The clauses of these contract classes. */
  public static ClauseCatalogue of(List<Class<?>> contractClasses) {
    List<ClauseInfo> clauses = new ArrayList<>();
    Map<String, Method> methods = new TreeMap<>();
    for (Class<?> type : contractClasses) {
      for (Method method : type.getDeclaredMethods()) {
        Clause clause = method.getAnnotation(Clause.class);
        if (clause != null) {
          if (methods.put(clause.id(), method) != null) {
            throw new IllegalStateException("clause " + clause.id() + " is declared twice (" + type.getName() + ")");
          }
          clauses.add(ClauseInfo.of(method, clause));
        }
      }
    }
    clauses.sort(ORDER);
    return new ClauseCatalogue(clauses, methods);
  }

  /** Every clause, by platform, area and number. */
  public List<ClauseInfo> all() {
    return clauses;
  }

  /** The clause with this id. */
  public Optional<ClauseInfo> byId(String id) {
    return clauses.stream().filter(c -> c.id().equals(id)).findFirst();
  }

  /** The clauses of one platform. */
  public List<ClauseInfo> ofPlatform(String platform) {
    return select(c -> c.platform().equals(platform));
  }

  /** The clauses of one area ({@code OAI-STREAM}). */
  public List<ClauseInfo> ofArea(String area) {
    return select(c -> c.area().equals(area));
  }

  /** The clauses that match. */
  public List<ClauseInfo> select(Predicate<ClauseInfo> filter) {
    return clauses.stream().filter(filter).toList();
  }

  /** The method that checks the clause {@code id}. */
  public Optional<Method> method(String id) {
    return Optional.ofNullable(methods.get(id));
  }
}
