package dev.llmtck.tck.fidelity;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * Where two answers to one request differ in shape: a fact one has and the other lacks, or a fact both have with
 * different values (a type, a status, a media type, a contract value such as {@code finish_reason}).
 *
 * @param fact the fact's name, e.g. {@code $.choices[].message.refusal} or {@code status}
 * @param primary its value on the platform under test, {@code null} when absent there
 * @param secondary its value on the compared platform, {@code null} when absent there
 */
record ShapeDiff(String fact, String primary, String secondary) {

  /** Every difference between two answers' facts, by fact name. */
  static List<ShapeDiff> between(SortedMap<String, String> primary, SortedMap<String, String> secondary) {
    TreeSet<String> facts = new TreeSet<>(primary.keySet());
    facts.addAll(secondary.keySet());
    List<ShapeDiff> diffs = new ArrayList<>();
    for (String fact : facts) {
      String a = primary.get(fact);
      String b = secondary.get(fact);
      if (!Objects.equals(a, b)) {
        diffs.add(new ShapeDiff(fact, a, b));
      }
    }
    return diffs;
  }

  /** One line: {@code $.x: string on the platform, absent on the reference}. */
  String describe(String primaryName, String secondaryName) {
    return fact + ": " + (primary == null ? "absent" : primary) + " on " + primaryName + ", "
        + (secondary == null ? "absent" : secondary) + " on " + secondaryName;
  }
}
