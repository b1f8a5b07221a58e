package dev.llmtck.tck.fidelity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmtck.tck.evidence.Redactor;
import dev.llmtck.tck.runner.ClauseStatus;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a fidelity check's outcome: on the console, the differences grouped by fact (how many exchanges, which
 * requests, both values), the explained ones with their reasons, and the stale known differences; in
 * {@code fidelity.json}, every exchange with its label, request line, both statuses and its differences.
 * Request bodies and headers are never written (they carry the key); every text passes the redactor.
 */
final class FidelityReport {
  static final String FILE = "fidelity.json";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final int LABELS_SHOWN = 4;

  private FidelityReport() {
  }

  static void print(FidelityCheck.Result result, String platformName, PrintStream out, Redactor redactor) {
    out.println();
    out.println("fidelity: " + result.exchanges().size() + " exchanges compared between " + platformName
        + " and llmtck's simulator as " + describe(result.mirror()));
    out.println("  contract through the proxy: " + result.contract().count(ClauseStatus.PASSED) + " passed, "
        + result.contract().count(ClauseStatus.FAILED) + " failed, " + result.contract().count(ClauseStatus.SKIPPED)
        + " skipped");
    Map<String, Group> unexplained = group(result, false);
    Map<String, Group> explained = group(result, true);
    out.println("  shape differences: " + unexplained.size() + " unexplained (" + result.unexplainedCount()
        + " in all exchanges), " + explained.size() + " explained (" + result.explainedCount() + ")");
    unexplained.forEach((fact, group) -> out.println(redactor.text("    UNEXPLAINED " + group.line(fact,
        platformName))));
    explained.forEach((fact, group) -> out.println(redactor.text("    explained   " + group.line(fact,
        platformName) + "\n                because: " + group.reason)));
    for (KnownDifferences.Entry entry : result.stale()) {
      out.println("    STALE known difference (seen nowhere): " + entry.describe() + " - " + entry.reason());
    }
  }

  static void write(FidelityCheck.Result result, String platformName, Path dir, Redactor redactor)
      throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("platform", platformName);
    ObjectNode mirror = root.putObject("simulator");
    mirror.putPOJO("servedModelNames", result.mirror().servedModelNames());
    mirror.put("vllmVersion", result.mirror().vllmVersion());
    mirror.put("maxModelLen", result.mirror().maxModelLen());
    mirror.put("toolCallParser", result.mirror().toolCallParser());
    ObjectNode contract = root.putObject("contract");
    contract.put("certified", result.contract().certified());
    contract.put("passed", result.contract().count(ClauseStatus.PASSED));
    contract.put("failed", result.contract().count(ClauseStatus.FAILED));
    contract.put("skipped", result.contract().count(ClauseStatus.SKIPPED));
    ArrayNode failedClauses = contract.putArray("failedClauses");
    result.contract().results().stream().filter(r -> r.status() == ClauseStatus.FAILED)
        .forEach(r -> failedClauses.add(redactor.text(r.clause().id() + ": " + r.message())));
    ObjectNode counts = root.putObject("counts");
    counts.put("exchanges", result.exchanges().size());
    counts.put("unexplainedFacts", group(result, false).size());
    counts.put("unexplained", result.unexplainedCount());
    counts.put("explainedFacts", group(result, true).size());
    counts.put("explained", result.explainedCount());
    counts.put("stale", result.stale().size());
    ArrayNode exchanges = root.putArray("exchanges");
    for (FidelityCheck.Compared compared : result.exchanges()) {
      ObjectNode item = exchanges.addObject();
      TeeProxy.TeeExchange exchange = compared.exchange();
      item.put("label", exchange.label());
      item.put("request", redactor.text(exchange.method() + " " + exchange.pathAndQuery()));
      item.put("platformStatus", exchange.primary().status());
      item.put("simulatorStatus", exchange.secondary().status());
      ArrayNode diffs = item.putArray("unexplained");
      compared.unexplained().forEach(diff -> diffs.addObject().put("fact", diff.fact())
          .put("platform", redactor.text(diff.primary())).put("simulator", redactor.text(diff.secondary())));
      ArrayNode known = item.putArray("explained");
      compared.explained().forEach((diff, entry) -> known.addObject().put("fact", diff.fact())
          .put("platform", redactor.text(diff.primary())).put("simulator", redactor.text(diff.secondary()))
          .put("reason", entry.reason()));
    }
    ArrayNode stale = root.putArray("stale");
    result.stale().forEach(entry -> stale.addObject().put("fact", entry.describe()).put("reason", entry.reason()));
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(FILE), JSON.writeValueAsString(root), StandardCharsets.UTF_8);
  }

  static String describe(FidelityCheck.Mirror mirror) {
    return "vLLM " + (mirror.vllmVersion() == null ? "(version unknown)" : mirror.vllmVersion()) + ", model "
        + String.join(", ", mirror.servedModelNames())
        + (mirror.maxModelLen() == null ? "" : ", max_model_len " + mirror.maxModelLen())
        + (mirror.toolCallParser() == null ? ", no tool calling" : ", tool parser " + mirror.toolCallParser());
  }

  /** The differences of every exchange, by fact. */
  private static Map<String, Group> group(FidelityCheck.Result result, boolean explained) {
    Map<String, Group> groups = new TreeMap<>();
    for (FidelityCheck.Compared compared : result.exchanges()) {
      String label = compared.exchange().label();
      if (explained) {
        compared.explained().forEach((diff, entry) -> groups.computeIfAbsent(diff.fact(), f -> new Group(diff,
            entry.reason())).add(label));
      } else {
        compared.unexplained().forEach(diff -> groups.computeIfAbsent(diff.fact(), f -> new Group(diff, null))
            .add(label));
      }
    }
    return groups;
  }

  /** One fact's differences across exchanges. */
  private static final class Group {
    final ShapeDiff example;
    final String reason;
    final java.util.Set<String> labels = new java.util.LinkedHashSet<>();
    int count;

    Group(ShapeDiff example, String reason) {
      this.example = example;
      this.reason = reason;
    }

    void add(String label) {
      labels.add(label);
      count++;
    }

    String line(String fact, String platformName) {
      List<String> shown = labels.stream().limit(LABELS_SHOWN).toList();
      return example.describe(platformName, "the simulator") + " [" + count + " exchange" + (count == 1 ? "" : "s")
          + ": " + String.join(", ", shown) + (labels.size() > LABELS_SHOWN ? ", ..." : "") + "]";
    }
  }
}
