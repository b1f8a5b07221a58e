package dev.llmtck.tck.fidelity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The shape of an HTTP answer as a sorted map of facts, so two answers to the same request can be compared field
 * by field without comparing what a model happened to write: the status; the media type; for a JSON body every
 * path with its JSON type ({@code $.choices[].message.content = string}), and the value itself for the fields
 * whose values are part of the contract (object, finish_reason, role, error type and code, ...); for an
 * event stream its framing (field names, blank-line separation, {@code [DONE]} last) and the union of every data
 * chunk's paths, with the first and the last JSON chunk also on their own (a role-only first delta, a usage-only
 * last chunk).
 */
final class ResponseShape {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  /** Fields whose string value is part of the contract, compared as values (others only by type). */
  private static final Set<String> VALUE_FIELDS = Set.of("object", "finish_reason", "role", "type", "code",
      "owned_by", "param", "stop_reason");

  private ResponseShape() {
  }

  /** The facts of one answer. */
  static SortedMap<String, String> of(TeeProxy.Observed answer) {
    SortedMap<String, String> facts = new TreeMap<>();
    facts.put("status", String.valueOf(answer.status()));
    if (answer.failure() != null) {
      facts.put("transport", "failed");
    }
    String mediaType = mediaType(answer.headers());
    facts.put("header content-type", mediaType == null ? "(none)" : mediaType);
    String text = new String(answer.body(), StandardCharsets.UTF_8);
    if (text.isBlank()) {
      facts.put("body", "empty");
    } else if ("text/event-stream".equals(mediaType) || text.startsWith("data:")) {
      eventStream(text, facts);
    } else {
      JsonNode json = json(text);
      if (json == null) {
        facts.put("body", "not JSON");
      } else {
        walk("$", json, facts);
      }
    }
    return facts;
  }

  private static void eventStream(String text, SortedMap<String, String> facts) {
    facts.put("body", "event stream");
    String normalised = text.replace("\r\n", "\n");
    if (!normalised.endsWith("\n\n")) {
      facts.put("sse.ends-with-blank-line", "no");
    }
    Set<String> fields = new TreeSet<>();
    List<String> data = new ArrayList<>();
    for (String event : normalised.split("\n\n")) {
      StringBuilder joined = new StringBuilder();
      for (String line : event.split("\n")) {
        if (line.isEmpty()) {
          continue;
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        fields.add(field.isEmpty() ? "(comment)" : field);
        if (field.equals("data")) {
          String value = line.substring(colon + 1);
          joined.append(value.startsWith(" ") ? value.substring(1) : value);
        }
      }
      if (!joined.isEmpty()) {
        data.add(joined.toString());
      }
    }
    facts.put("sse.fields", String.join(",", fields));
    facts.put("sse.done", data.isEmpty() ? "no data" : data.get(data.size() - 1).equals("[DONE]") ? "last"
        : data.contains("[DONE]") ? "not last" : "absent");
    List<JsonNode> chunks = new ArrayList<>();
    for (String value : data) {
      if (!value.equals("[DONE]")) {
        JsonNode chunk = json(value);
        if (chunk == null) {
          facts.put("sse.data", "not JSON");
        } else {
          chunks.add(chunk);
        }
      }
    }
    if (!chunks.isEmpty()) {
      walk("sse.first", chunks.get(0), facts);
      walk("sse.last", chunks.get(chunks.size() - 1), facts);
      for (JsonNode chunk : chunks.subList(1, Math.max(1, chunks.size() - 1))) {
        walk("sse.middle", chunk, facts);
      }
    }
  }

  private static void walk(String path, JsonNode node, SortedMap<String, String> facts) {
    String type = switch (node.getNodeType()) {
      case OBJECT -> "object";
      case ARRAY -> node.isEmpty() ? "array (empty)" : "array";
      case STRING -> "string";
      case NUMBER -> node.isIntegralNumber() ? "integer" : "number";
      case BOOLEAN -> "boolean";
      case NULL -> "null";
      default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
    };
    String leaf = path.substring(path.lastIndexOf('.') + 1);
    if (node.isTextual() && VALUE_FIELDS.contains(leaf)) {
      type = "string " + node.asText();
    }
    facts.merge(path, type, ResponseShape::union);
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        walk(path + "." + field.getKey(), field.getValue(), facts);
      }
    } else if (node.isArray()) {
      node.forEach(element -> walk(path + "[]", element, facts));
    }
  }

  /** Two types seen at one path (array elements, several chunks): both, in order. */
  private static String union(String a, String b) {
    Set<String> all = new TreeSet<>(List.of(a.split(" \\| ")));
    all.addAll(List.of(b.split(" \\| ")));
    if (all.contains("array") && all.contains("array (empty)")) {
      all.remove("array (empty)");
    }
    return String.join(" | ", all);
  }

  private static String mediaType(Map<String, List<String>> headers) {
    List<String> values = headers.get("content-type");
    if (values == null || values.isEmpty()) {
      return null;
    }
    return values.get(0).split(";")[0].strip().toLowerCase(Locale.ROOT);
  }

  private static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (IOException e) {
      return null;
    }
  }
}
