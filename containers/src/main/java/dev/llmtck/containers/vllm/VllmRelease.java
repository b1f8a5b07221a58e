package dev.llmtck.containers.vllm;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A vLLM release as its image tags name it ({@code v0.6.4.post1}, {@code v0.10.1.1}, {@code v0.11.0rc2}),
 * ordered as PEP 440 orders them: {@code 0.6.4rc1 < 0.6.4 < 0.6.4.post1 < 0.6.5}.
 */
final class VllmRelease implements Comparable<VllmRelease> {

  private static final Pattern TAG = Pattern.compile(
      "v?(\\d+(?:\\.\\d+)*)(?:\\.?(rc|dev)(\\d+))?(?:\\.post(\\d+))?(?:[-+].*)?");

  /** The oldest release GitLab Duo Self-Hosted supports. */
  static final VllmRelease OLDEST_SUPPORTED = parse("v0.6.4.post1").orElseThrow();

  private final String text;
  private final int[] release;
  /** -2 dev, -1 rc, 0 final. */
  private final int stage;
  private final int stageNumber;
  private final int post;

  private VllmRelease(String text, int[] release, int stage, int stageNumber, int post) {
    this.text = text;
    this.release = release;
    this.stage = stage;
    this.stageNumber = stageNumber;
    this.post = post;
  }

  /** The release a tag names, or empty for tags that name none ({@code latest}, {@code nightly}, digests). */
  static Optional<VllmRelease> parse(String tag) {
    Matcher matcher = TAG.matcher(tag == null ? "" : tag);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    int[] release = Arrays.stream(matcher.group(1).split("\\.")).mapToInt(Integer::parseInt).toArray();
    int stage = matcher.group(2) == null ? 0 : matcher.group(2).equals("rc") ? -1 : -2;
    int stageNumber = matcher.group(3) == null ? 0 : Integer.parseInt(matcher.group(3));
    int post = matcher.group(4) == null ? -1 : Integer.parseInt(matcher.group(4));
    return Optional.of(new VllmRelease(tag, release, stage, stageNumber, post));
  }

  boolean isBefore(VllmRelease other) {
    return compareTo(other) < 0;
  }

  @Override
  public int compareTo(VllmRelease other) {
    int length = Math.max(release.length, other.release.length);
    for (int i = 0; i < length; i++) {
      int mine = i < release.length ? release[i] : 0;
      int theirs = i < other.release.length ? other.release[i] : 0;
      if (mine != theirs) {
        return Integer.compare(mine, theirs);
      }
    }
    if (stage != other.stage) {
      return Integer.compare(stage, other.stage);
    }
    if (stageNumber != other.stageNumber) {
      return Integer.compare(stageNumber, other.stageNumber);
    }
    return Integer.compare(post, other.post);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof VllmRelease && compareTo((VllmRelease) other) == 0;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(release) * 31 + stage * 7 + stageNumber * 3 + post;
  }

  @Override
  public String toString() {
    return text;
  }
}
