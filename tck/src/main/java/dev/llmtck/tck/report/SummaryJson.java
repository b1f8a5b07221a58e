package dev.llmtck.tck.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmtck.tck.runner.DuoFeature;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code summary.json}: a run of several targets side by side, for tools. Its shape is fixed by
 * {@code schemas/report/summary.schema.json} (version {@value #SCHEMA_VERSION}); per target the verdict, counts
 * per level, GitLab values and Duo feature readiness, as in each target's own {@code report.json}, which it
 * names; then, per Duo feature, the targets ready for it.
 */
final class SummaryJson {
  static final int SCHEMA_VERSION = 2;

  private SummaryJson() {
  }

  static String render(List<TargetRun> runs, String kitVersion) {
    ObjectNode root = new ObjectMapper().createObjectNode();
    root.put("schemaVersion", SCHEMA_VERSION);
    root.putObject("kit").put("name", "llmtck").put("version", kitVersion);
    Instant started = runs.stream().filter(TargetRun::ran).map(t -> t.result().started()).min(Instant::compareTo)
        .orElse(null);
    Instant finished = runs.stream().filter(TargetRun::ran).map(t -> t.result().finished())
        .max(Instant::compareTo).orElse(null);
    root.put("startedAt", started == null ? null : started.toString());
    root.put("finishedAt", finished == null ? null : finished.toString());
    root.put("durationMs", started == null ? 0 : Duration.between(started, finished).toMillis());
    ObjectNode verdict = root.putObject("verdict");
    verdict.put("certified", SummaryFacts.certified(runs));
    verdict.put("exitCode", SummaryFacts.exitCode(runs));
    verdict.put("summary", SummaryFacts.verdictLine(runs));

    ArrayNode targets = root.putArray("targets");
    Map<String, ArrayNode> readyByFeature = new LinkedHashMap<>();
    for (TargetRun run : runs) {
      ObjectNode target = targets.addObject();
      target.put("name", run.name());
      target.put("directory", run.directory());
      JsonReport.target(target, run.target());
      target.put("description", ReportFacts.targetLine(run.target()));
      JsonReport.gitLab(target, run.target());
      target.put("ran", run.ran());
      target.put("problem", run.problem());
      ObjectNode reports = target.putObject("reports");
      if (run.ran()) {
        JsonReport.verdict(target.putObject("verdict"), run.result());
        JsonReport.counts(target.putObject("counts"), run.result());
        JsonReport.duoFeatures(target.putArray("duoFeatures"), run.result());
        ArrayNode readyFor = target.putArray("readyFor");
        DuoFeature.readyFor(run.result()).forEach(name -> {
          readyFor.add(name);
          readyByFeature.computeIfAbsent(name, n -> root.arrayNode()).add(run.name());
        });
        reports.put("json", run.directory() + "/report.json");
        reports.put("html", run.directory() + "/report.html");
        reports.put("junit", run.directory() + "/junit.xml");
      } else {
        target.putNull("verdict");
        target.putNull("counts");
        target.putArray("duoFeatures");
        target.putArray("readyFor");
      }
    }
    ObjectNode features = root.putObject("readyTargetsByFeature");
    readyByFeature.forEach(features::set);
    return JsonReport.write(root);
  }
}
