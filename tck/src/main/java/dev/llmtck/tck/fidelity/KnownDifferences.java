package dev.llmtck.tck.fidelity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Differences between the platform and the reference that are understood, each with its reason: a YAML list of
 * {@code {fact: <regex>, request: <regex, optional>, reason: <text>}}. A difference that matches no entry is
 * unexplained; an entry that matches no difference is stale (the simulator or the platform changed), and both
 * fail a check that asks for it, as an expected-failures baseline does.
 *
 * <pre>
 * known:
 *   - fact: '\$\.choices\[\]\.message\.(refusal|annotations|audio)'
 *     reason: vLLM 0.32 adds OpenAI's null message fields; clients ignore them
 * </pre>
 */
final class KnownDifferences {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** One understood difference. */
  record Entry(Pattern fact, Pattern request, String reason) {
    boolean matches(String label, ShapeDiff diff) {
      return fact.matcher(diff.fact()).matches() && (request == null || request.matcher(label).find());
    }

    String describe() {
      return fact.pattern() + (request == null ? "" : " (requests matching " + request.pattern() + ")");
    }
  }

  private final List<Entry> entries;

  private KnownDifferences(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  static KnownDifferences none() {
    return new KnownDifferences(List.of());
  }

  /** Reads a file; a missing reason, a bad pattern or an unknown key is a configuration error. */
  static KnownDifferences load(Path file) {
    JsonNode root;
    try {
      root = YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read known differences " + file + ": " + e.getMessage(), e);
    }
    List<Entry> entries = new ArrayList<>();
    for (JsonNode item : root == null ? YAML.createArrayNode() : root.path("known")) {
      item.fieldNames().forEachRemaining(name -> {
        if (!List.of("fact", "request", "reason").contains(name)) {
          throw new IllegalArgumentException(file + ": unknown key '" + name + "' (known: fact, request, reason)");
        }
      });
      String reason = item.path("reason").asText("");
      if (!item.hasNonNull("fact") || reason.isBlank()) {
        throw new IllegalArgumentException(file + ": every entry needs a fact pattern and a reason: " + item);
      }
      try {
        entries.add(new Entry(Pattern.compile(item.get("fact").asText()),
            item.hasNonNull("request") ? Pattern.compile(item.get("request").asText()) : null, reason));
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException(file + ": bad pattern: " + e.getMessage(), e);
      }
    }
    return new KnownDifferences(entries);
  }

  List<Entry> entries() {
    return entries;
  }

  /** The entry explaining {@code diff} of the request {@code label}, or {@code null}. */
  Entry explain(String label, ShapeDiff diff) {
    return entries.stream().filter(entry -> entry.matches(label, diff)).findFirst().orElse(null);
  }
}
