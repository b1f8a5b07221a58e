package dev.llmtck.tck.runner;

import dev.llmtck.tck.evidence.Redactor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The platform a run certifies: which contract ({@code openai}, {@code bedrock}, {@code azure}) and the
 * {@code llmtck.*} configuration parameters (see {@code TargetKeys}) that point the contract at it. Some
 * parameters hold secrets: {@link #describe()} masks them, {@link #secrets()} lists their values so that
 * reports can remove them wherever they turn up.
 *
 * @param platform the contract to run
 * @param profile the profile's name, or {@code null} when the target came from flags alone
 * @param settings every configuration parameter, secrets included (never print this map)
 * @param secretKeys the names of the parameters whose values are secrets
 */
public record Target(String platform, String profile, Map<String, String> settings, Set<String> secretKeys) {

  public Target {
    settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    secretKeys = Set.copyOf(secretKeys);
  }

  /** The secret values this target carries (API keys, AWS keys, tokens), to be removed from all output. */
  public List<String> secrets() {
    return secretKeys.stream().map(settings::get).filter(v -> v != null && !v.isBlank()).collect(Collectors.toList());
  }

  /** A redactor that removes this target's secrets and credential headers. */
  public Redactor redactor() {
    return Redactor.of(secrets());
  }

  /** The settings with every secret value replaced by {@link Redactor#MASK}: safe to print and report. */
  public Map<String, String> describe() {
    Map<String, String> safe = new LinkedHashMap<>();
    Redactor redactor = redactor();
    settings.forEach((key, value) -> safe.put(key, secretKeys.contains(key) ? Redactor.MASK : redactor.text(value)));
    return safe;
  }

  /** A setting's value, or {@code null}. */
  public String get(String key) {
    String value = settings.get(key);
    return value == null || value.isBlank() ? null : value;
  }
}
