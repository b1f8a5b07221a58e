package dev.llmtck.tck.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmtck.tck.clause.Level;
import dev.llmtck.tck.runner.ClauseResult;
import dev.llmtck.tck.runner.ClauseStatus;
import dev.llmtck.tck.runner.DuoFeature;
import dev.llmtck.tck.runner.GitLabValues;
import dev.llmtck.tck.runner.RunResult;
import dev.llmtck.tck.runner.WaiverNote;

/**
 * {@code report.json}: the run as data, for tools. Its shape is fixed by
 * {@code schemas/report/report.schema.json} (version {@value #SCHEMA_VERSION}); secrets are masked.
 */
final class JsonReport {
  static final int SCHEMA_VERSION = 1;
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonReport() {
  }

  static String render(RunResult run) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("schemaVersion", SCHEMA_VERSION);
    root.putObject("kit").put("name", "llmtck").put("version", run.kitVersion());
    root.put("startedAt", run.started().toString());
    root.put("finishedAt", run.finished().toString());
    root.put("durationMs", run.duration().toMillis());

    ObjectNode target = root.putObject("target");
    target.put("platform", run.target().platform());
    target.put("profile", run.target().profile());
    target.put("embedded", ReportFacts.embedded(run.target()));
    ArrayNode capabilities = target.putArray("capabilities");
    ReportFacts.capabilities(run.target()).forEach(capabilities::add);
    ObjectNode settings = target.putObject("settings");
    run.target().describe().forEach(settings::put);
    ObjectNode gitlab = target.putObject("gitlab");
    GitLabValues values = GitLabValues.of(run.target());
    values.values().forEach(gitlab::put);
    ArrayNode warnings = target.putArray("warnings");
    values.warnings().forEach(warnings::add);

    ObjectNode verdict = root.putObject("verdict");
    verdict.put("certified", run.certified());
    verdict.put("exitCode", run.exitCode());
    verdict.put("summary", ReportFacts.verdictLine(run));

    ObjectNode counts = root.putObject("counts");
    for (Level level : Level.values()) {
      ObjectNode perLevel = counts.putObject(level.name());
      for (ClauseStatus status : ClauseStatus.values()) {
        perLevel.put(status.reportName(), run.count(level, status));
      }
    }

    ArrayNode features = root.putArray("duoFeatures");
    for (DuoFeature.Verdict judged : DuoFeature.judge(run)) {
      ObjectNode feature = features.addObject();
      feature.put("name", judged.feature().name());
      feature.put("readiness", judged.readiness().reportName());
      ArrayNode needed = feature.putArray("clauses");
      judged.feature().core().forEach(needed::add);
      judged.feature().supporting().forEach(needed::add);
      ArrayNode failed = feature.putArray("failed");
      judged.failed().forEach(failed::add);
      ArrayNode skipped = feature.putArray("skipped");
      judged.skipped().forEach(skipped::add);
    }

    ArrayNode clauses = root.putArray("clauses");
    for (ClauseResult result : run.results()) {
      ObjectNode clause = clauses.addObject();
      clause.put("id", result.clause().id());
      clause.put("level", result.clause().level().name());
      clause.put("area", result.clause().area());
      clause.put("statement", result.clause().statement());
      clause.put("source", result.clause().source());
      clause.put("status", result.status().reportName());
      clause.put("message", result.message());
      clause.put("durationMs", result.durationMs());
      clause.put("test", result.clause().testClass() + "#" + result.clause().testMethod());
      if (result.waiverReason() != null) {
        clause.putObject("waiver").put("reason", result.waiverReason());
      }
      ObjectNode notes = clause.putObject("notes");
      result.notes().forEach(notes::put);
      ArrayNode evidence = clause.putArray("evidence");
      result.evidence().forEach(evidence::add);
    }

    ArrayNode waiverNotes = root.putArray("waiverNotes");
    for (WaiverNote note : run.waiverNotes()) {
      waiverNotes.addObject().put("id", note.id()).put("kind", note.kind().reportName()).put("message",
          note.message());
    }
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the report is plain data and always serialises", e);
    }
  }
}
