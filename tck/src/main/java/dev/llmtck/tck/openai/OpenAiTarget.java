package dev.llmtck.tck.openai;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The OpenAI-compatible platform a contract run certifies: where it is, how to authenticate, which model to
 * use and which optional capabilities it declares. Contract methods take it as a parameter.
 *
 * <p>The base URL is taken as given (OAI-URL-1): paths are appended to it, never guessed. vLLM's unversioned
 * endpoints ({@code /health}, {@code /version}) live at {@link #serverRoot()}, the base URL without its
 * trailing {@code /v1}, so a proxy path prefix is kept.
 *
 * @param baseUrl the API base URL, normally ending in {@code /v1}, without a trailing slash
 * @param apiKey the bearer key, or empty when the platform has none
 * @param model the served model name to certify
 * @param capabilities declared optional capabilities, e.g. {@code tools}
 * @param timeout the longest any single request may take
 * @param expectedVllmVersion the vLLM version {@code GET /version} should report, if the operator knows it
 * @param embedded whether this is the kit's embedded reference platform
 * @param gitLabFamily the GitLab model family the operator selects for this model ({@link GitLabFamily}), which
 *     decides the request shapes GitLab's AI gateway sends
 * @param duoChatMaxTokens the {@code AIGW_DUO_CHAT__MAX_TOKENS} the gateway is configured with, if any
 */
public record OpenAiTarget(URI baseUrl, Optional<String> apiKey, String model, Set<String> capabilities,
    Duration timeout, Optional<String> expectedVllmVersion, boolean embedded, GitLabFamily gitLabFamily,
    Optional<Integer> duoChatMaxTokens) {

  /** A target for GitLab's {@code general} family with no Duo Chat max_tokens override. */
  public OpenAiTarget(URI baseUrl, Optional<String> apiKey, String model, Set<String> capabilities, Duration timeout,
      Optional<String> expectedVllmVersion, boolean embedded) {
    this(baseUrl, apiKey, model, capabilities, timeout, expectedVllmVersion, embedded, GitLabFamily.GENERAL,
        Optional.empty());
  }

  /** Normalises the base URL (no trailing slash) and checks the parts. */
  public OpenAiTarget {
    Objects.requireNonNull(baseUrl, "baseUrl");
    String url = baseUrl.toString();
    while (url.endsWith("/")) {
      url = url.substring(0, url.length() - 1);
    }
    baseUrl = URI.create(url);
    apiKey = apiKey.filter(key -> !key.isBlank());
    Objects.requireNonNull(model, "model");
    capabilities = Set.copyOf(capabilities);
    Objects.requireNonNull(timeout, "timeout");
    expectedVllmVersion = expectedVllmVersion.filter(version -> !version.isBlank());
    Objects.requireNonNull(gitLabFamily, "gitLabFamily");
    Objects.requireNonNull(duoChatMaxTokens, "duoChatMaxTokens");
  }

  /** The URL of an API path, e.g. {@code uri("/models")} is {@code <baseUrl>/models}. */
  public URI uri(String path) {
    return URI.create(baseUrl + path);
  }

  /** The base URL without its trailing {@code /v1}: where vLLM serves {@code /health} and {@code /version}. */
  public URI serverRoot() {
    String url = baseUrl.toString();
    return URI.create(url.endsWith("/v1") ? url.substring(0, url.length() - 3) : url);
  }

  /** Whether the target declares an optional capability. */
  public boolean declares(String capability) {
    return capabilities.contains(capability);
  }

  /** Never prints the key. */
  @Override
  public String toString() {
    return "OpenAiTarget[baseUrl=" + baseUrl + ", apiKey=" + (apiKey.isPresent() ? "(set)" : "(none)")
        + ", model=" + model + ", capabilities=" + capabilities + ", timeout=" + timeout.toSeconds() + "s"
        + expectedVllmVersion.map(v -> ", expectedVllmVersion=" + v).orElse("")
        + (embedded ? ", embedded" : "") + ", GitLab family " + gitLabFamily.id()
        + duoChatMaxTokens.map(n -> ", AIGW_DUO_CHAT__MAX_TOKENS=" + n).orElse("") + "]";
  }
}
