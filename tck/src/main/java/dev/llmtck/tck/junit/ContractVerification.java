package dev.llmtck.tck.junit;

import dev.llmtck.tck.clause.Clause;
import dev.llmtck.tck.clause.ClauseCatalogue;
import dev.llmtck.tck.clause.ClauseInfo;
import dev.llmtck.tck.clause.Level;
import dev.llmtck.tck.clause.RequiresCapability;
import dev.llmtck.tck.evidence.Redactor;
import dev.llmtck.tck.platform.CommonSettings;
import dev.llmtck.tck.platform.Platform;
import dev.llmtck.tck.platform.Platforms;
import dev.llmtck.tck.platform.RunTarget;
import dev.llmtck.tck.platform.Settings;
import dev.llmtck.tck.report.ReportWriter;
import dev.llmtck.tck.runner.ClauseRecord;
import dev.llmtck.tck.runner.ClauseResult;
import dev.llmtck.tck.runner.ClauseRunner;
import dev.llmtck.tck.runner.ClauseStatus;
import dev.llmtck.tck.runner.RunResult;
import dev.llmtck.tck.runner.Target;
import dev.llmtck.tck.runner.Waiver;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestReporter;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * A platform's contract as tests of your own, in the style of the Reactive Streams TCK: each platform's subclass
 * ({@link OpenAiContractVerification}, {@link AzureOpenAiContractVerification}, {@link BedrockContractVerification})
 * has one {@code @Test} method per clause, named by its id ({@code OAI_MODELS_1}, shown as "OAI-MODELS-1 GET
 * /v1/models answers ..."), so an IDE runs or debugs one clause at a time and the build tool times each. A clause
 * runs in the test's own thread, called directly (a breakpoint in the clause stops there): a failed MUST clause fails
 * its test with the evidence (secrets removed); a clause that does not apply, or a failed SHOULD clause, is reported
 * as aborted with the reason, unless {@link #shouldClausesFail()} says otherwise. When the class is done its
 * results are written as report.json, report.html and junit.xml into {@link #reportDirectory()}.
 *
 * <p>Works with JUnit Jupiter 5.10 and later, 6 included.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayNameGeneration(ContractVerification.ClauseNames.class)
public abstract class ContractVerification {
  private final List<ClauseResult> results = Collections.synchronizedList(new ArrayList<>());
  private final Instant started = Instant.now();
  private RunTarget<?> opened;
  private Target target;

  /** The platform id: {@code openai}, {@code azure}, {@code bedrock}. */
  protected abstract String platform();

  /** The target's settings, by key (the platform's settings classes name them), secrets included. */
  protected abstract Map<String, String> targetSettings();

  /** The keys of {@link #targetSettings()} whose values are secrets (never printed). */
  protected abstract Set<String> secretKeys();

  /** Per-request timeout in seconds. */
  protected int timeoutSeconds() {
    return CommonSettings.DEFAULT_TIMEOUT_SECONDS;
  }

  /** Whether a failed SHOULD clause fails its test (by default it is reported as aborted, with the reason). */
  protected boolean shouldClausesFail() {
    return false;
  }

  /**
   * Accepted failures, as in a profile's {@code waivers:}: a waived clause that fails is reported as waived (the
   * test is aborted with the reason); a waiver whose clause passes, or that has expired, fails the test, so that a
   * waiver cannot outlive the defect it names. None by default.
   */
  protected List<Waiver> waivers() {
    return List.of();
  }

  /** Where report.json, report.html and junit.xml go; {@code null} for no reports. */
  protected Path reportDirectory() {
    return Path.of("target", "llmtck-report", getClass().getSimpleName());
  }

  /**
   * Checks one clause against the platform: what every clause test of the subclass does.
   *
   * @param clauseId the clause, e.g. {@code OAI-MODELS-1}
   * @param reporter the running test's reporter (JUnit gives it to the test method), which shows the evidence
   */
  protected final void verify(String clauseId, TestReporter reporter) {
    Platform<?, ?> platform = platform(platform());
    ClauseCatalogue catalogue = ClauseCatalogue.of(platform.contractClasses());
    ClauseInfo clause = catalogue.byId(clauseId).orElseThrow(() -> new IllegalArgumentException("platform "
        + platform.id() + " has no clause " + clauseId));
    Method method = catalogue.method(clauseId).orElseThrow();
    ClauseRecord record = new ClauseRecord(redactor());
    long start = System.nanoTime();
    Throwable thrown = null;
    try {
      Object typed = target(platform);
      requireCapability(platform, method, typed);
      Duration bound = Duration.ofSeconds(ClauseRunner.clauseBoundSeconds(timeoutSeconds()));
      Assertions.assertTimeoutPreemptively(bound, () -> invoke(platform, method, typed, record, reporter),
          () -> clauseId + ": the clause did not finish within " + bound.toSeconds() + " s and was stopped");
    } catch (Throwable e) {
      thrown = e;
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    ClauseStatus status = thrown == null ? ClauseStatus.PASSED
        : thrown instanceof TestAbortedException ? ClauseStatus.SKIPPED : ClauseStatus.FAILED;
    ClauseResult result = record.result(clause, status, named(clause, thrown), millis);
    Waiver waiver = waivers().stream().filter(w -> w.id().equals(clauseId)).findFirst().orElse(null);
    if (waiver != null) {
      if (waiver.expiredOn(java.time.LocalDate.now(java.time.ZoneOffset.UTC))) {
        results.add(result);
        throw new AssertionFailedError("the waiver for " + clauseId + " expired on " + waiver.expires()
            + "; the clause " + result.status().reportName() + ": " + result.message());
      }
      if (result.status() != ClauseStatus.FAILED) {
        results.add(result);
        throw new AssertionFailedError("the waiver for " + clauseId + " is not needed: the clause "
            + result.status().reportName() + "; remove it (" + waiver.reason() + ")");
      }
      result = result.waived(waiver.reason());
    }
    results.add(result);
    verdict(result);
  }

  /** Writes the reports and closes the target (an embedded reference platform stops here). */
  @AfterAll
  final void finish() throws Exception {
    try {
      Path dir = reportDirectory();
      if (dir != null && !results.isEmpty()) {
        RunResult run = new RunResult(target(), "junit", started, Instant.now(), results, List.of());
        try {
          ReportWriter.write(run, dir, redactor());
        } catch (IOException e) {
          System.err.println("llmtck: cannot write the reports to " + dir + ": " + e.getMessage());
        }
      }
    } finally {
      if (opened != null) {
        opened.close();
      }
    }
  }

  /** The target as configured (settings, secrets known), for the reports. */
  protected final Target target() {
    if (target == null) {
      Map<String, String> settings = new LinkedHashMap<>(targetSettings());
      settings.put(CommonSettings.TIMEOUT_SECONDS.key(), String.valueOf(timeoutSeconds()));
      target = new Target(platform(), getClass().getSimpleName(), settings, new LinkedHashSet<>(secretKeys()));
    }
    return target;
  }

  private synchronized Object target(Platform<?, ?> platform) {
    if (opened == null) {
      opened = platform.open(Settings.of(target().settings()));
    }
    return opened.target();
  }

  private Redactor redactor() {
    return target().redactor();
  }

  private void verdict(ClauseResult result) {
    if (result.status() == ClauseStatus.PASSED) {
      return;
    }
    String why = result.clause().id() + " (" + result.clause().level() + "): " + result.message()
        + (result.waiverReason() == null ? "" : " [waived: " + result.waiverReason() + "]");
    if (result.status() == ClauseStatus.FAILED && (result.clause().level() == Level.MUST || shouldClausesFail())) {
      throw new AssertionFailedError(why + evidence(result));
    }
    throw new TestAbortedException(result.status().reportName() + ": " + why);
  }

  private static String evidence(ClauseResult result) {
    if (result.evidence().isEmpty()) {
      return "";
    }
    StringBuilder text = new StringBuilder("\nevidence (secrets removed):");
    result.evidence().forEach(exchange -> text.append("\n  ").append(exchange));
    return text.toString();
  }

  /** The clause's failure said with its id first, as in the runner. */
  private static Throwable named(ClauseInfo clause, Throwable thrown) {
    if (thrown instanceof AssertionError && !String.valueOf(thrown.getMessage()).startsWith(clause.id() + ":")) {
      return new AssertionFailedError(clause.id() + ": " + thrown.getMessage(), thrown);
    }
    return thrown;
  }

  @SuppressWarnings("unchecked")
  private static <T> void requireCapability(Platform<T, ?> platform, Method method, Object target) {
    RequiresCapability required = Optional.ofNullable(method.getAnnotation(RequiresCapability.class))
        .orElse(method.getDeclaringClass().getAnnotation(RequiresCapability.class));
    if (required != null && !platform.capabilities((T) target).contains(required.value())) {
      throw new TestAbortedException("the target does not declare the optional capability '" + required.value()
          + "' (" + CommonSettings.CAPABILITIES.key() + ")");
    }
  }

  @SuppressWarnings("unchecked")
  private static <T, C> void invoke(Platform<T, C> platform, Method method, Object target, ClauseRecord record,
      TestReporter reporter) throws Throwable {
    java.util.function.BiConsumer<String, String> entry = (key, value) -> {
      record.entry(key, value);
      if (reporter != null) {
        reporter.publishEntry(key, value);
      }
    };
    TestReporter clauseReporter = new TestReporter() {
      @Override
      public void publishEntry(Map<String, String> values) {
        values.forEach(entry);
      }
    };
    Parameter[] parameters = method.getParameters();
    Object[] arguments = new Object[parameters.length];
    for (int i = 0; i < parameters.length; i++) {
      Class<?> type = parameters[i].getType();
      if (type == platform.targetType()) {
        arguments[i] = target;
      } else if (type == platform.clientType()) {
        arguments[i] = platform.client((T) target, entry);
      } else if (type == TestReporter.class) {
        arguments[i] = clauseReporter;
      } else {
        throw new IllegalStateException(method + " takes a " + type.getSimpleName() + ", which a verification"
            + " cannot give");
      }
    }
    Object instance;
    try {
      var constructor = method.getDeclaringClass().getDeclaredConstructor();
      constructor.setAccessible(true);
      instance = constructor.newInstance();
      method.setAccessible(true);
      method.invoke(instance, arguments);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static Platform<?, ?> platform(String id) {
    return Platforms.byId(id).orElseThrow(() -> new IllegalStateException("no platform '" + id + "' is installed"));
  }

  /**
   * Names a clause test by its clause: {@code OAI_MODELS_1} shows as "OAI-MODELS-1 GET /v1/models answers 200
   * ...", the id and statement from the catalogue, so the names never drift from the clauses. Written against the
   * methods JUnit 5.10 and 6 both call (no {@code @Override} on the ones only one of them has).
   */
  public static final class ClauseNames implements DisplayNameGenerator {
    @Override
    public String generateDisplayNameForClass(Class<?> testClass) {
      return testClass.getSimpleName();
    }

    @Override
    @SuppressWarnings("deprecation")
    public String generateDisplayNameForNestedClass(Class<?> nestedClass) {
      return nestedClass.getSimpleName();
    }

    /** JUnit 6's form. */
    @SuppressWarnings("unused")
    public String generateDisplayNameForNestedClass(List<Class<?>> enclosingInstanceTypes, Class<?> nestedClass) {
      return nestedClass.getSimpleName();
    }

    @Override
    @SuppressWarnings("deprecation")
    public String generateDisplayNameForMethod(Class<?> testClass, Method testMethod) {
      String id = testMethod.getName().replace('_', '-');
      return ClauseCatalogue.installed().byId(id).map(c -> c.id() + " " + c.statement())
          .orElse(testMethod.getName() + "()");
    }

    /** JUnit 6's form. */
    @SuppressWarnings("unused")
    public String generateDisplayNameForMethod(List<Class<?>> enclosingInstanceTypes, Class<?> testClass,
        Method testMethod) {
      return generateDisplayNameForMethod(testClass, testMethod);
    }
  }

  /** Used by the subclasses' tests: the clause methods of a platform, for the coverage check. */
  static List<String> clauseIds(String platform) {
    return ClauseCatalogue.of(platform(platform).contractClasses()).all().stream().map(ClauseInfo::id).toList();
  }

  /** Whether {@code method} is a clause method (the annotation is {@link Clause}). */
  static boolean isClause(Method method) {
    return method.isAnnotationPresent(Clause.class);
  }
}
