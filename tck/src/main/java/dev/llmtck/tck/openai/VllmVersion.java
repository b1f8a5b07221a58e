package dev.llmtck.tck.openai;

import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A vLLM release number as {@code GET /version} reports it ({@code 0.6.4.post1}, {@code 0.10.1},
 * {@code 0.11.0rc2.dev5+gabc}), ordered the PEP 440 way as far as vLLM uses it: pre-releases and dev builds
 * come before their release, post releases after it.
 */
record VllmVersion(int major, int minor, int patch, int post, boolean preRelease, String text)
    implements Comparable<VllmVersion> {

  private static final Pattern FORM =
      Pattern.compile("v?(\\d+)\\.(\\d+)(?:\\.(\\d+))?((?:a|b|rc)\\d*)?(?:\\.post(\\d+))?(\\.dev\\d*)?(\\+.*)?");

  private static final Comparator<VllmVersion> ORDER = Comparator.comparingInt(VllmVersion::major)
      .thenComparingInt(VllmVersion::minor).thenComparingInt(VllmVersion::patch)
      .thenComparing(VllmVersion::preRelease, Comparator.reverseOrder())
      .thenComparingInt(VllmVersion::post);

  /** The oldest vLLM the contract covers (declared after the parsing rules it needs). */
  static final VllmVersion MINIMUM = parse("0.6.4.post1").orElseThrow();

  /** Parses a version string, or empty when it is not a vLLM-style version. */
  static Optional<VllmVersion> parse(String text) {
    Matcher m = FORM.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(new VllmVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
        m.group(3) == null ? 0 : Integer.parseInt(m.group(3)), m.group(5) == null ? 0 : Integer.parseInt(m.group(5)),
        m.group(4) != null || m.group(6) != null, text.strip()));
  }

  @Override
  public int compareTo(VllmVersion other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return text;
  }
}
