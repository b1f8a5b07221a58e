package dev.llmtck.tck.cli;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading a clause out of a parsed {@code report.json}. */
final class ReportJson {
  private ReportJson() {
  }

  static JsonNode clause(JsonNode report, String id) {
    for (JsonNode clause : report.path("clauses")) {
      if (clause.path("id").asText().equals(id)) {
        return clause;
      }
    }
    throw new AssertionError("no clause " + id + " in the report");
  }

  static String status(JsonNode report, String id) {
    return clause(report, id).path("status").asText();
  }
}
