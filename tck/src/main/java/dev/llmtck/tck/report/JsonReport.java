package dev.llmtck.tck.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmtck.tck.clause.Level;
import dev.llmtck.tck.evidence.SafeText;
import dev.llmtck.tck.runner.ClauseResult;
import dev.llmtck.tck.runner.ClauseStatus;
import dev.llmtck.tck.runner.DuoFeature;
import dev.llmtck.tck.runner.GitLabValues;
import dev.llmtck.tck.runner.RunResult;
import dev.llmtck.tck.runner.Target;
import dev.llmtck.tck.runner.WaiverNote;

/**
 * {@code report.json}: the run as data, for tools. Its shape is fixed by
 * {@code schemas/report/report.schema.json} (version {@value #SCHEMA_VERSION}); secrets are masked.
 */
final class JsonReport {
  static final int SCHEMA_VERSION = 2;
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  static {
    MAPPER.getFactory().setCharacterEscapes(new ControlEscapes());
  }

  /**
   * JSON escapes every C0 control already; this escapes DEL, C1 and the bidi controls too (as backslash-u
   * escapes), so a {@code cat report.json} in a terminal renders none of what a target sent; and surrogates,
   * because a lone one (a target's JSON can carry one) cannot be written as UTF-8. The data is unchanged.
   */
  private static final class ControlEscapes extends CharacterEscapes {
    private final int[] ascii = standardAsciiEscapesForJSON();

    ControlEscapes() {
      ascii[0x7F] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      if (ch < 0x10000 && (SafeText.escaped((char) ch, true) || Character.isSurrogate((char) ch))) {
        return new SerializedString(String.format(java.util.Locale.ROOT, "\\u%04X", ch));
      }
      return null;
    }
  }

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
    target(target, run.target());
    ObjectNode settings = target.putObject("settings");
    run.target().describe().forEach(settings::put);
    gitLab(target, run.target());
    verdict(root.putObject("verdict"), run);
    counts(root.putObject("counts"), run);
    duoFeatures(root.putArray("duoFeatures"), run);

    ArrayNode clauses = root.putArray("clauses");
    for (ClauseResult result : run.results()) {
      ObjectNode clause = clauses.addObject();
      clause.put("id", result.clause().id());
      clause.put("level", result.clause().level().name());
      clause.put("area", result.clause().area());
      clause.put("statement", result.clause().statement());
      clause.put("source", result.clause().source());
      clause.put("status", result.status().reportName());
      clause.put("message", SafeText.cut(result.message(), HtmlReport.MAX_MESSAGE_CHARS));
      clause.put("durationMs", result.durationMs());
      clause.put("test", result.clause().testClass() + "#" + result.clause().testMethod());
      if (result.waiverReason() != null) {
        clause.putObject("waiver").put("reason", result.waiverReason());
      }
      ObjectNode notes = clause.putObject("notes");
      result.notes().forEach((key, value) -> notes.put(key, SafeText.cut(value, HtmlReport.MAX_MESSAGE_CHARS)));
      ArrayNode evidence = clause.putArray("evidence");
      result.evidence().forEach(evidence::add);
    }

    ArrayNode waiverNotes = root.putArray("waiverNotes");
    for (WaiverNote note : run.waiverNotes()) {
      waiverNotes.addObject().put("id", note.id()).put("kind", note.kind().reportName()).put("message",
          note.message());
    }
    return write(root);
  }

  /** What the target is: platform, profile, whether embedded, its capabilities. */
  static void target(ObjectNode node, Target target) {
    node.put("platform", target.platform());
    node.put("profile", target.profile());
    node.put("embedded", ReportFacts.embedded(target));
    ArrayNode capabilities = node.putArray("capabilities");
    ReportFacts.capabilities(target).forEach(capabilities::add);
  }

  /** The values to type into GitLab ({@code gitlab}) and what is wrong with them ({@code warnings}). */
  static void gitLab(ObjectNode node, Target target) {
    ObjectNode gitlab = node.putObject("gitlab");
    GitLabValues values = GitLabValues.of(target);
    values.values().forEach(gitlab::put);
    ArrayNode warnings = node.putArray("warnings");
    values.warnings().forEach(warnings::add);
  }

  static void verdict(ObjectNode verdict, RunResult run) {
    verdict.put("certified", run.certified());
    verdict.put("exitCode", run.exitCode());
    verdict.put("summary", ReportFacts.verdictLine(run));
    ArrayNode causes = verdict.putArray("likelyCauses");
    run.likelyCauses().forEach(r -> causes.add(r.clause().id()));
    ArrayNode skipped = verdict.putArray("skippedMust");
    run.skippedMust().forEach(r -> skipped.add(r.clause().id()));
  }

  static void counts(ObjectNode counts, RunResult run) {
    for (Level level : Level.values()) {
      ObjectNode perLevel = counts.putObject(level.name());
      for (ClauseStatus status : ClauseStatus.values()) {
        perLevel.put(status.reportName(), run.count(level, status));
      }
    }
  }

  static void duoFeatures(ArrayNode features, RunResult run) {
    for (DuoFeature.Verdict judged : DuoFeature.judge(run)) {
      ObjectNode feature = features.addObject();
      feature.put("name", judged.feature().name());
      feature.put("readiness", judged.readiness().reportName());
      feature.put("summary", DuoFeature.describe(judged));
      ArrayNode needed = feature.putArray("clauses");
      judged.feature().core().forEach(needed::add);
      judged.feature().supporting().forEach(needed::add);
      ArrayNode failed = feature.putArray("failed");
      judged.failed().forEach(failed::add);
      ArrayNode skipped = feature.putArray("skipped");
      judged.skipped().forEach(skipped::add);
    }
  }

  static String write(ObjectNode root) {
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the report is plain data and always serialises", e);
    }
  }
}
