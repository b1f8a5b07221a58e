package dev.llmtck.tck.runner;

import dev.llmtck.tck.clause.ClauseInfo;
import dev.llmtck.tck.clause.Clause;
import dev.llmtck.tck.evidence.Evidence;
import dev.llmtck.tck.evidence.Redactor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Listens to a JUnit Platform run of the contract and turns it into one {@link ClauseResult} per clause: the
 * status, a readable message, and the evidence the clause published under {@link Evidence#KEY}. Every text is
 * redacted again here (defense in depth: clauses redact at the source too). A clause whose class failed before
 * it could run (say, the target could not be set up) fails with its class's message; none goes missing.
 */
final class ClauseCollector implements TestExecutionListener {

  private final Redactor redactor;
  private final ClauseProgress progress;
  private final Map<String, ClauseInfo> clauses = new LinkedHashMap<>();
  private final Map<String, TestIdentifier> identifiers = new ConcurrentHashMap<>();
  private final Map<String, ClauseResult> results = new ConcurrentHashMap<>();
  private final Map<String, ClauseRecord> records = new ConcurrentHashMap<>();
  private final Map<String, Long> startedAt = new ConcurrentHashMap<>();
  private final Map<String, String> containerProblems = new ConcurrentHashMap<>();
  private TestPlan plan;
  private volatile String runBroke;

  ClauseCollector(Redactor redactor, ClauseProgress progress) {
    this.redactor = redactor;
    this.progress = progress;
  }

  @Override
  public void testPlanExecutionStarted(TestPlan testPlan) {
    this.plan = testPlan;
    for (TestIdentifier root : testPlan.getRoots()) {
      for (TestIdentifier test : testPlan.getDescendants(root)) {
        identifiers.put(test.getUniqueId(), test);
        clauseOf(test).ifPresent(info -> clauses.put(test.getUniqueId(), info));
      }
    }
    progress.started(clauses.size());
  }

  @Override
  public void executionStarted(TestIdentifier test) {
    startedAt.put(test.getUniqueId(), System.nanoTime());
    ClauseInfo clause = clauses.get(test.getUniqueId());
    if (clause != null) {
      progress.clauseStarted(clause);
    }
  }

  @Override
  public void executionSkipped(TestIdentifier test, String reason) {
    String message = redactor.text(reason);
    if (clauses.containsKey(test.getUniqueId())) {
      finish(test.getUniqueId(), ClauseStatus.SKIPPED, message);
    } else {
      containerProblems.put(test.getUniqueId(), "skipped: " + message);
    }
  }

  @Override
  public void reportingEntryPublished(TestIdentifier test, ReportEntry entry) {
    ClauseRecord record = record(test.getUniqueId());
    entry.getKeyValuePairs().forEach(record::entry);
  }

  private ClauseRecord record(String uniqueId) {
    return records.computeIfAbsent(uniqueId, id -> new ClauseRecord(redactor));
  }

  @Override
  public void executionFinished(TestIdentifier test, TestExecutionResult result) {
    String message = redactor.text(FailureMessages.of(result.getThrowable().orElse(null)));
    if (clauses.containsKey(test.getUniqueId())) {
      ClauseStatus status = switch (result.getStatus()) {
        case SUCCESSFUL -> ClauseStatus.PASSED;
        case ABORTED -> ClauseStatus.SKIPPED;
        case FAILED -> ClauseStatus.FAILED;
      };
      finish(test.getUniqueId(), status, message);
    } else if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
      containerProblems.put(test.getUniqueId(), message == null ? "did not run" : message);
    }
  }

  /** Every clause of the plan, in plan order; one that never reported fails with the reason its class gave. */
  List<ClauseResult> results() {
    List<ClauseResult> all = new ArrayList<>();
    clauses.forEach((uniqueId, info) -> {
      ClauseResult result = results.get(uniqueId);
      if (result == null) {
        result = record(uniqueId).result(info, ClauseStatus.FAILED, "not run: " + containerProblem(uniqueId), 0);
      }
      all.add(result);
    });
    return all;
  }

  /** The run stopped short for {@code reason}: every clause that did not finish fails with it. */
  void runBroke(String reason) {
    runBroke = redactor.text(reason);
  }

  private String containerProblem(String uniqueId) {
    if (runBroke != null) {
      return runBroke;
    }
    Optional<TestIdentifier> current = plan.getParent(identifiers.get(uniqueId));
    while (current.isPresent()) {
      String problem = containerProblems.get(current.get().getUniqueId());
      if (problem != null) {
        return current.get().getDisplayName() + ": " + problem;
      }
      current = plan.getParent(current.get());
    }
    return "the run ended before this clause was reached";
  }

  private void finish(String uniqueId, ClauseStatus status, String message) {
    Long start = startedAt.get(uniqueId);
    long durationMs = start == null ? 0 : (System.nanoTime() - start) / 1_000_000;
    ClauseResult result = record(uniqueId).result(clauses.get(uniqueId), status, message, durationMs);
    results.put(uniqueId, result);
    progress.finished(result, results.size(), clauses.size());
  }

  private static Optional<ClauseInfo> clauseOf(TestIdentifier test) {
    if (!test.isTest() || test.getSource().isEmpty() || !(test.getSource().get() instanceof MethodSource source)) {
      return Optional.empty();
    }
    try {
      Method method = source.getJavaMethod();
      Clause clause = method.getAnnotation(Clause.class);
      return Optional.ofNullable(clause).map(c -> ClauseInfo.of(method, c));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
