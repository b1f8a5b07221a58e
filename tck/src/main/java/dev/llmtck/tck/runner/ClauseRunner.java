package dev.llmtck.tck.runner;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.llmtck.tck.clause.ClauseCatalogue;
import dev.llmtck.tck.clause.ClauseInfo;
import dev.llmtck.tck.evidence.Redactor;
import dev.llmtck.tck.platform.CommonSettings;
import dev.llmtck.tck.platform.Platform;
import dev.llmtck.tck.platform.Platforms;
import dev.llmtck.tck.platform.RunTargets;
import dev.llmtck.tck.platform.Settings;
import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs a contract (the {@code @Clause} tests of a platform's contract classes, all of them or a selection) against a
 * {@link Target} with the JUnit Platform launcher, and returns one result per clause, ordered by area and number.
 * The target's platform opens the typed target once (starting an embedded reference if that is what the settings
 * say) when the first clause asks for it, and the runner closes it after the run. Each clause is bounded in time:
 * beyond the per-request timeout the contract applies itself, a clause still running after
 * {@link #clauseBoundSeconds} is stopped and fails, so a platform that accepts connections and never answers cannot
 * hang the run.
 */
public final class ClauseRunner {
  /** The default per-request timeout when the target sets none, in seconds. */
  public static final int DEFAULT_TIMEOUT_SECONDS = CommonSettings.DEFAULT_TIMEOUT_SECONDS;

  private final List<Class<?>> contract;
  private final Predicate<ClauseInfo> selection;
  private final Clock clock;

  private ClauseRunner(List<Class<?>> contract, Predicate<ClauseInfo> selection, Clock clock) {
    this.contract = List.copyOf(contract);
    this.selection = selection;
    this.clock = clock;
  }

  /** A runner for every clause of {@code platform}. */
  public static ClauseRunner of(Platform<?, ?> platform) {
    return new ClauseRunner(platform.contractClasses(), clause -> true, Clock.systemUTC());
  }

  /** A runner for the clauses of these contract classes (the kit's own tests run contracts of their own). */
  public static ClauseRunner of(List<Class<?>> contractClasses) {
    return new ClauseRunner(contractClasses, clause -> true, Clock.systemUTC());
  }

  /** This runner, running only the clauses {@code filter} accepts (e.g. {@code --clause}, {@code --area}). */
  public ClauseRunner selecting(Predicate<ClauseInfo> filter) {
    return new ClauseRunner(contract, selection.and(filter), clock);
  }

  /** The clauses of this runner's contract (all of them, whatever the selection). */
  public ClauseCatalogue catalogue() {
    return ClauseCatalogue.of(contract);
  }

  ClauseRunner withClock(Clock value) {
    return new ClauseRunner(contract, selection, value);
  }

  /** How long one clause may run, for a per-request timeout: a few requests' worth, plus slack. */
  public static long clauseBoundSeconds(long timeoutSeconds) {
    return timeoutSeconds * 3 + 10;
  }

  /** Runs every selected clause against {@code target}, telling {@code progress} as each finishes. */
  public RunResult run(Target target, Waivers waivers, ClauseProgress progress, String kitVersion) {
    return run(target, waivers, progress, kitVersion, target.redactor());
  }

  /**
   * Runs every selected clause against {@code target}, removing what {@code redactor} knows from every result (in a
   * run of several targets: every target's secrets, not only this one's).
   */
  public RunResult run(Target target, Waivers waivers, ClauseProgress progress, String kitVersion,
      Redactor redactor) {
    Instant started = clock.instant();
    ClauseCollector collector = new ClauseCollector(redactor, progress);
    Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
        .enableTestExecutionListenerAutoRegistration(false)
        .build());
    Platform<?, ?> platform = Platforms.byId(target.platform()).orElse(null);
    try (RunTargets.Registration registration = RunTargets.register(() -> {
      if (platform == null) {
        throw new IllegalStateException("platform '" + target.platform() + "' is not installed");
      }
      return platform.open(Settings.of(target.settings()));
    })) {
      launcher.execute(request(target, registration.id()), collector);
    } catch (VirtualMachineError e) {
      // out of memory or stack in clause code: the clauses that did not finish fail with the reason, the reports
      // are still written
      collector.runBroke("the kit's JVM ran out of " + (e instanceof StackOverflowError ? "stack" : "memory")
          + " (" + e.getClass().getSimpleName() + ") while running the clauses");
    } catch (Exception e) {
      // closing an embedded platform failed: the run's results stand
    }
    List<ClauseResult> results = new ArrayList<>(collector.results());
    results.sort(Comparator.comparing((ClauseResult r) -> r.clause().area())
        .thenComparing(r -> r.clause().number()).thenComparing(r -> r.clause().id()));
    Waivers.Applied applied = waivers.apply(results, LocalDate.ofInstant(clock.instant(), clock.getZone()));
    return new RunResult(target, kitVersion, started, clock.instant(), applied.results(), applied.notes());
  }

  private LauncherDiscoveryRequest request(Target target, String runId) {
    long timeout = Settings.of(target.settings()).number(CommonSettings.TIMEOUT_SECONDS).orElseThrow();
    // The typed target travels by run id; the settings go along for contracts outside any platform (the kit's own
    // tests), which read them as JUnit parameters, as a contract run straight from JUnit does.
    Map<String, String> parameters = new LinkedHashMap<>(target.settings());
    parameters.put(CommonSettings.PLATFORM.key(), target.platform());
    parameters.put(CommonSettings.RUN.key(), runId);
    parameters.put("junit.jupiter.execution.timeout.testable.method.default", clauseBoundSeconds(timeout) + " s");
    parameters.put("junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD");
    return LauncherDiscoveryRequestBuilder.request()
        .selectors(selectors())
        // Only Jupiter: a suite engine on the class path would run the same clauses a second time.
        .filters(EngineFilter.includeEngines("junit-jupiter"), TagFilter.includeTags("clause"))
        .configurationParameters(parameters)
        .build();
  }

  /** The whole classes when every clause is selected, else each selected clause's method. */
  private List<DiscoverySelector> selectors() {
    ClauseCatalogue catalogue = ClauseCatalogue.of(contract);
    List<ClauseInfo> chosen = catalogue.select(selection);
    if (chosen.size() == catalogue.all().size()) {
      return contract.stream().map(type -> (DiscoverySelector) selectClass(type)).toList();
    }
    List<DiscoverySelector> selectors = new ArrayList<>();
    for (ClauseInfo clause : chosen) {
      Method method = catalogue.method(clause.id()).orElseThrow();
      selectors.add(selectMethod(method.getDeclaringClass(), method));
    }
    return selectors;
  }
}
