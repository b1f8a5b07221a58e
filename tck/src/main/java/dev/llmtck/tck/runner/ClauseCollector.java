package dev.llmtck.tck.runner;

import dev.llmtck.tck.clause.ClauseInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
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
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String NOTE_PREFIX = "llmtck.";

  private final Redactor redactor;
  private final ClauseProgress progress;
  private final Map<String, ClauseInfo> clauses = new LinkedHashMap<>();
  private final Map<String, TestIdentifier> identifiers = new ConcurrentHashMap<>();
  private final Map<String, ClauseResult> results = new ConcurrentHashMap<>();
  private final Map<String, List<JsonNode>> evidence = new ConcurrentHashMap<>();
  private final Map<String, Map<String, String>> notes = new ConcurrentHashMap<>();
  private final Map<String, Long> startedAt = new ConcurrentHashMap<>();
  private final Map<String, String> containerProblems = new ConcurrentHashMap<>();
  private TestPlan plan;

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
    entry.getKeyValuePairs().forEach((key, value) -> {
      String clean = redactor.text(value);
      if (Evidence.KEY.equals(key)) {
        evidence.computeIfAbsent(test.getUniqueId(), id -> new ArrayList<>()).add(evidenceNode(clean));
      } else if (key.startsWith(NOTE_PREFIX)) {
        notes.computeIfAbsent(test.getUniqueId(), id -> new ConcurrentHashMap<>()).put(key, clean);
      }
    });
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
        result = new ClauseResult(info, ClauseStatus.FAILED, "not run: " + containerProblem(uniqueId),
            evidence.getOrDefault(uniqueId, List.of()), notes.getOrDefault(uniqueId, Map.of()), 0, null);
      }
      all.add(result);
    });
    return all;
  }

  private String containerProblem(String uniqueId) {
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
    ClauseResult result = new ClauseResult(clauses.get(uniqueId), status, message,
        evidence.getOrDefault(uniqueId, List.of()), notes.getOrDefault(uniqueId, Map.of()), durationMs, null);
    results.put(uniqueId, result);
    progress.finished(result, results.size(), clauses.size());
  }

  private JsonNode evidenceNode(String json) {
    try {
      JsonNode node = MAPPER.readTree(json);
      maskHeaders(node.path("request").path("headers"));
      maskHeaders(node.path("response").path("headers"));
      return node;
    } catch (JsonProcessingException e) {
      return MAPPER.createObjectNode().put("failure", "evidence was not JSON: "
          + (json.length() > Evidence.MAX_BODY_CHARS ? json.substring(0, Evidence.MAX_BODY_CHARS) + "..." : json));
    }
  }

  private static void maskHeaders(JsonNode headers) {
    if (headers instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      names.stream().filter(Redactor::isSecretHeader).forEach(name -> object.set(name, new TextNode(Redactor.MASK)));
    }
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
