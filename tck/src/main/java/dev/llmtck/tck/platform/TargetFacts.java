package dev.llmtck.tck.platform;

import dev.llmtck.tck.runner.GitLabValues;
import java.util.List;

/**
 * What the reports and the console say about a target, as its platform states it from the settings alone.
 *
 * @param embedded whether the run certifies the platform's embedded reference (no endpoint configured)
 * @param where where the target is, in a few words (e.g. {@code http://gpu-box:8000/v1, model m}); no secret
 * @param capabilities the optional capabilities the target has in effect
 * @param gitLab the values to type into GitLab Duo Self-Hosted, and warnings about them
 */
public record TargetFacts(boolean embedded, String where, List<String> capabilities, GitLabValues gitLab) {

  public TargetFacts {
    capabilities = List.copyOf(capabilities);
  }
}
