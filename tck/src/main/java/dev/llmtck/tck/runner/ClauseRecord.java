package dev.llmtck.tck.runner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.llmtck.tck.clause.ClauseInfo;
import dev.llmtck.tck.evidence.Evidence;
import dev.llmtck.tck.evidence.Redactor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one clause published while it ran (report entries: evidence under {@link Evidence#KEY}, notes under
 * {@code llmtck.*}), turned into its {@link ClauseResult}. Every text is redacted again here (defense in depth:
 * clauses redact at the source too). Used by the runner's listener and by the vendor verification classes, which
 * run a clause without the runner.
 */
public final class ClauseRecord {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String NOTE_PREFIX = "llmtck.";

  private final Redactor redactor;
  private final List<JsonNode> evidence = java.util.Collections.synchronizedList(new ArrayList<>());
  private final Map<String, String> notes = new ConcurrentHashMap<>();

  public ClauseRecord(Redactor redactor) {
    this.redactor = redactor;
  }

  /** One report entry the clause published. */
  public void entry(String key, String value) {
    String clean = redactor.text(value);
    if (Evidence.KEY.equals(key)) {
      evidence.add(evidenceNode(clean));
    } else if (key.startsWith(NOTE_PREFIX)) {
      notes.put(key, clean);
    }
  }

  /** The clause's result, with what it threw ({@code null} for a pass) said in one readable, redacted line. */
  public ClauseResult result(ClauseInfo clause, ClauseStatus status, Throwable thrown, long durationMs) {
    return result(clause, status, FailureMessages.of(thrown), durationMs);
  }

  /** The clause's result with this message. */
  public ClauseResult result(ClauseInfo clause, ClauseStatus status, String message, long durationMs) {
    synchronized (evidence) {
      return new ClauseResult(clause, status, redactor.text(message), List.copyOf(evidence), Map.copyOf(notes),
          durationMs, null);
    }
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
}
