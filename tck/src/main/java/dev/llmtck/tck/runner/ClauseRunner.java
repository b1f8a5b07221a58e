package dev.llmtck.tck.runner;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import dev.llmtck.tck.evidence.Redactor;
import dev.llmtck.tck.target.TargetKeys;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs a contract (the {@code @Clause} tests of one package) against a {@link Target} with the JUnit Platform
 * launcher, and returns one result per clause, ordered by area and number. Each clause is bounded in time: beyond
 * the per-request timeout the contract applies itself, a clause still running after {@link #clauseBoundSeconds}
 * is stopped and fails, so a platform that accepts connections and never answers cannot hang the run.
 */
public final class ClauseRunner {
  /** The default per-request timeout when the target sets none, in seconds. */
  public static final int DEFAULT_TIMEOUT_SECONDS = 60;

  private final String contractPackage;
  private final Clock clock;

  /** A runner for the clauses in {@code contractPackage} (and its subpackages). */
  public ClauseRunner(String contractPackage) {
    this(contractPackage, Clock.systemUTC());
  }

  ClauseRunner(String contractPackage, Clock clock) {
    this.contractPackage = contractPackage;
    this.clock = clock;
  }

  /** The package holding a platform's contract: {@code dev.llmtck.tck.<platform>}. */
  public static String contractPackage(String platform) {
    return "dev.llmtck.tck." + platform;
  }

  /** How long one clause may run, for a per-request timeout: a few requests' worth, plus slack. */
  public static long clauseBoundSeconds(long timeoutSeconds) {
    return timeoutSeconds * 3 + 10;
  }

  /** Runs every clause against {@code target}, telling {@code progress} as each finishes. */
  public RunResult run(Target target, Waivers waivers, ClauseProgress progress, String kitVersion) {
    return run(target, waivers, progress, kitVersion, target.redactor());
  }

  /**
   * Runs every clause against {@code target}, removing what {@code redactor} knows from every result (in a run
   * of several targets: every target's secrets, not only this one's).
   */
  public RunResult run(Target target, Waivers waivers, ClauseProgress progress, String kitVersion,
      Redactor redactor) {
    Instant started = clock.instant();
    ClauseCollector collector = new ClauseCollector(redactor, progress);
    Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
        .enableTestExecutionListenerAutoRegistration(false)
        .build());
    launcher.execute(request(target), collector);
    List<ClauseResult> results = new ArrayList<>(collector.results());
    results.sort(Comparator.comparing((ClauseResult r) -> r.clause().area())
        .thenComparing(r -> r.clause().number()).thenComparing(r -> r.clause().id()));
    Waivers.Applied applied = waivers.apply(results, LocalDate.ofInstant(clock.instant(), clock.getZone()));
    return new RunResult(target, kitVersion, started, clock.instant(), applied.results(), applied.notes());
  }

  private LauncherDiscoveryRequest request(Target target) {
    long timeout = timeoutSeconds(target);
    Map<String, String> parameters = new LinkedHashMap<>(target.settings());
    parameters.put(TargetKeys.PLATFORM, target.platform());
    parameters.put("junit.jupiter.execution.timeout.testable.method.default", clauseBoundSeconds(timeout) + " s");
    parameters.put("junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD");
    return LauncherDiscoveryRequestBuilder.request()
        .selectors(selectPackage(contractPackage))
        // Only Jupiter: a suite engine on the class path would run the same clauses a second time.
        .filters(EngineFilter.includeEngines("junit-jupiter"), TagFilter.includeTags("clause"))
        .configurationParameters(parameters)
        .build();
  }

  private static long timeoutSeconds(Target target) {
    String value = target.get(TargetKeys.TIMEOUT_SECONDS);
    return value == null ? DEFAULT_TIMEOUT_SECONDS : Long.parseLong(value);
  }
}
