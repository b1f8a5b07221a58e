package dev.llmtck.tck.openai;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * The listed name a mistyped one was most likely meant to be, for "did you mean" in a failure message: the same
 * name in other case, else the closest by edit distance when the distance is small against the name's length
 * (at most a third of it, at least 2), so that an unrelated list suggests nothing.
 */
final class NearestName {
  private NearestName() {
  }

  static Optional<String> to(String wanted, Collection<String> listed) {
    if (wanted == null || wanted.isEmpty()) {
      return Optional.empty();
    }
    for (String name : listed) {
      if (name.equalsIgnoreCase(wanted) && !name.equals(wanted)) {
        return Optional.of(name);
      }
    }
    int allowed = Math.max(2, wanted.length() / 3);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String name : listed) {
      int distance = distance(wanted.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT));
      if (distance < bestDistance) {
        best = name;
        bestDistance = distance;
      }
    }
    return best != null && bestDistance > 0 && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
  }

  /** Levenshtein distance (insertions, deletions, substitutions), two rows. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
