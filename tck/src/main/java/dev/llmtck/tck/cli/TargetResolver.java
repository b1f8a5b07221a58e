package dev.llmtck.tck.cli;

import dev.llmtck.tck.platform.CommonSettings;
import dev.llmtck.tck.platform.ConfigurationException;
import dev.llmtck.tck.platform.Platform;
import dev.llmtck.tck.platform.Platforms;
import dev.llmtck.tck.platform.Setting;
import dev.llmtck.tck.runner.Profile;
import dev.llmtck.tck.runner.Target;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds the {@link Target} of a run from the flags, the profile and the environment, in that order of
 * precedence, through the chosen platform's {@link Setting} declarations: which flag, profile field and environment
 * variable give each setting, of what kind its value is. Secrets come from flags or environment variables only,
 * never from a profile's text: a profile names the variable ({@code apiKeyEnv}). Anything inconsistent is a
 * {@link UsageException}. Nothing here knows a platform by name.
 */
final class TargetResolver {
  private final Map<String, String> env;
  private final List<String> warnings = new ArrayList<>();

  TargetResolver(Map<String, String> env) {
    this.env = env;
  }

  /** Problems found on the way that do not stop the run, one sentence each. */
  List<String> warnings() {
    return warnings;
  }

  Target resolve(RunOptions options, Profile profile) {
    Profile p = profile != null ? profile : Profile.empty();
    String id = first(options.flag("--platform"), p.platform(), CommonSettings.PLATFORM.defaultValue())
        .toLowerCase(Locale.ROOT);
    Platform<?, ?> platform = Platforms.byId(id).orElseThrow(() -> new UsageException("unknown platform '" + id
        + "': use " + String.join(", ", Platforms.ids())));
    List<Setting> declared = Platforms.settingsOf(platform);
    checkFlags(options, platform, declared);
    checkProfileFields(p, platform, declared);

    Map<String, String> settings = new LinkedHashMap<>();
    Set<String> secretKeys = new LinkedHashSet<>();
    Set<String> known = new LinkedHashSet<>();
    declared.forEach(s -> known.add(s.key()));
    p.settings().forEach((key, value) -> putSetting(settings, secretKeys, known, key, value));
    options.settings.forEach((key, value) -> putSetting(settings, secretKeys, known, key, value));

    Set<String> fromFlags = new LinkedHashSet<>();
    for (Setting setting : declared) {
      if (setting == CommonSettings.PLATFORM || setting == CommonSettings.RUN) {
        continue;
      }
      String value = flagValue(options, setting);
      if (value != null) {
        fromFlags.add(setting.key());
      } else {
        value = fromProfile(p, setting);
      }
      if (value == null) {
        value = settings.get(setting.key());
      }
      if (value == null && !(setting.secret() && setting.secretEnvField() != null && p.field(setting.secretEnvField())
          != null)) {
        value = firstEnv(setting.environment());
      }
      if (value != null && !value.isBlank()) {
        try {
          settings.put(setting.key(), setting.check(value));
        } catch (ConfigurationException e) {
          throw new UsageException(e.getMessage());
        }
        if (setting.secret()) {
          secretKeys.add(setting.key());
        }
      }
    }
    Map<String, String> normalised;
    try {
      normalised = platform.normalise(settings, fromFlags, p.launch() != null);
    } catch (ConfigurationException e) {
      throw new UsageException(e.getMessage());
    }
    secretKeys.retainAll(normalised.keySet());
    return new Target(id, p.name(), normalised, secretKeys);
  }

  /** A flag given for a setting (several values of a list are joined); {@code null} when none was. */
  private static String flagValue(RunOptions options, Setting setting) {
    List<String> values = new ArrayList<>();
    for (String flag : setting.flags()) {
      List<String> given = options.targetFlags.get(flag);
      if (given != null) {
        values.addAll(given);
      }
    }
    if (values.isEmpty()) {
      return null;
    }
    return setting.kind() == Setting.Kind.LIST ? String.join(",", values) : values.get(values.size() - 1);
  }

  /** A setting's value from the profile: its field, or for a secret the variable its env field names. */
  private String fromProfile(Profile profile, Setting setting) {
    if (setting == CommonSettings.CAPABILITIES) {
      return profile.capabilities().isEmpty() ? null : String.join(",", profile.capabilities());
    }
    if (setting == CommonSettings.TIMEOUT_SECONDS) {
      return profile.timeoutSeconds() == null ? null : String.valueOf(profile.timeoutSeconds());
    }
    if (setting.secret() && setting.secretEnvField() != null) {
      String variable = profile.field(setting.secretEnvField());
      if (variable == null) {
        return null;
      }
      String value = env.get(variable);
      if (value == null || value.isBlank()) {
        // a launched platform gets a random key instead (LaunchKeys): nothing to warn about
        if (profile.launch() == null) {
          warnings.add("the profile reads the API key from " + variable + ", which is not set: running without a"
              + " key");
        }
        return null;
      }
      return value;
    }
    for (String field : setting.profileFields()) {
      String value = profile.field(field);
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  /** A target flag the chosen platform does not read is a mistake; some platforms say what to do instead. */
  private static void checkFlags(RunOptions options, Platform<?, ?> platform, List<Setting> declared) {
    Set<String> flags = new LinkedHashSet<>();
    declared.forEach(s -> flags.addAll(s.flags()));
    for (String flag : options.targetFlags.keySet()) {
      if (!flags.contains(flag)) {
        String hint = platform.flagHints().get(flag);
        throw new UsageException(hint != null ? hint : flag + " does not apply to platform " + platform.id()
            + " (its flags: " + String.join(", ", new TreeSet<>(flags)) + ")");
      }
    }
  }

  /** A profile field the chosen platform does not declare is a typo or a field of another platform. */
  private static void checkProfileFields(Profile profile, Platform<?, ?> platform, List<Setting> declared) {
    Set<String> fields = new TreeSet<>(Profile.COMMON_KEYS);
    for (Setting setting : declared) {
      fields.addAll(setting.profileFields());
      if (setting.secretEnvField() != null) {
        fields.add(setting.secretEnvField());
      }
    }
    for (String field : profile.fields().keySet()) {
      if (!fields.contains(field)) {
        throw new UsageException("unknown key '" + field + "' for platform " + platform.id() + "; known keys: "
            + String.join(", ", fields));
      }
    }
  }

  private String firstEnv(List<String> names) {
    return names.stream().map(env::get).filter(v -> v != null && !v.isBlank()).findFirst().orElse(null);
  }

  private void putSetting(Map<String, String> settings, Set<String> secretKeys, Set<String> known, String key,
      String value) {
    if (!key.startsWith("llmtck.")) {
      throw new UsageException("setting '" + key + "' is not an llmtck.* setting");
    }
    if (!known.contains(key)) {
      warnings.add("setting '" + key + "' is not one this platform's contract reads: it has no effect on the run;"
          + " a typo, or a key an earlier version had? (llmtck run --help lists the settings)");
    }
    settings.put(key, value);
    String lower = key.toLowerCase(Locale.ROOT);
    if (lower.contains("key") || lower.contains("secret") || lower.contains("token")
        || lower.contains("password")) {
      secretKeys.add(key);
    }
  }

  private static String first(String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }
}
