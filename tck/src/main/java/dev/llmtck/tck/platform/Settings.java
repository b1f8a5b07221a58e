package dev.llmtck.tck.platform;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The settings of one target as text, read through their {@link Setting} declarations: each value is checked for
 * its kind when it is read, and a blank value counts as absent. Built from the runner's resolved settings or from
 * JUnit configuration parameters (a contract run straight from Maven or an IDE); either way a platform turns them
 * into its typed target in one place.
 */
public final class Settings {
  private final Function<String, Optional<String>> source;

  private Settings(Function<String, Optional<String>> source) {
    this.source = source;
  }

  /** Settings held in a map. */
  public static Settings of(Map<String, String> values) {
    Map<String, String> copy = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    return new Settings(key -> Optional.ofNullable(copy.get(key)));
  }

  /** Settings read from a lookup, such as {@code ExtensionContext::getConfigurationParameter}. */
  public static Settings from(Function<String, Optional<String>> lookup) {
    return new Settings(lookup);
  }

  /** The value, checked, or the setting's default; empty when neither is there. */
  public Optional<String> get(Setting setting) {
    Optional<String> given = source.apply(setting.key()).filter(value -> !value.isBlank());
    return given.or(() -> Optional.ofNullable(setting.defaultValue())).map(setting::check);
  }

  /** Whether a value (not only a default) was given. */
  public boolean has(Setting setting) {
    return source.apply(setting.key()).filter(value -> !value.isBlank()).isPresent();
  }

  /** The value or the default. */
  public String text(Setting setting) {
    return get(setting).orElse(null);
  }

  /** The value as a whole number. */
  public Optional<Long> number(Setting setting) {
    return get(setting).map(Long::parseLong);
  }

  /** The value as seconds. */
  public Optional<Duration> seconds(Setting setting) {
    return number(setting).map(Duration::ofSeconds);
  }

  /** The value as a boolean; {@code false} when absent. */
  public boolean flag(Setting setting) {
    return get(setting).map(Boolean::parseBoolean).orElse(false);
  }

  /** The value as a list; empty when absent. */
  public Set<String> list(Setting setting) {
    return get(setting).map(value -> Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty())
        .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new))).map(Set::copyOf)
        .orElse(Set.of());
  }

  /** A value that must be there. */
  public String required(Setting setting, String why) {
    return get(setting).orElseThrow(() -> new ConfigurationException(setting.label() + " is required " + why));
  }

  /** The values of every setting in {@code declared} that was given, as a map (checked). */
  public Map<String, String> values(List<Setting> declared) {
    Map<String, String> values = new LinkedHashMap<>();
    for (Setting setting : declared) {
      if (has(setting)) {
        values.put(setting.key(), text(setting));
      }
    }
    return values;
  }
}
