package dev.llmtck.tck.platform;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One configuration key a platform reads ({@code llmtck.openai.baseUrl}), declared once with everything the kit
 * needs to know about it: what it means, its kind (how its text is parsed and checked), whether it is a secret,
 * its default, and where a user may give it besides {@code --set}/{@code settings:} (command-line flags, a
 * profile field, environment variables). The runner, the CLI, profiles and reports read settings only through
 * these declarations, never by name.
 *
 * @param key the configuration key, {@code llmtck.<platform>.<name>} (or a shared {@code llmtck.<name>})
 * @param kind how the value is parsed and checked
 * @param description one line for {@code --help} and error messages
 * @param defaultValue the value when none is given, or {@code null}
 * @param flags command-line flags that give it, first the preferred one (e.g. {@code --base-url})
 * @param profileFields profile fields that give it (e.g. {@code baseUrl}); for a secret, none (secrets never stand
 *     in a profile)
 * @param environment environment variables read when nothing else gives it, first set wins
 * @param secretEnvField for a secret: the profile field that names the environment variable holding it
 *     (e.g. {@code apiKeyEnv}), or {@code null}
 */
public record Setting(String key, Kind kind, String description, String defaultValue, List<String> flags,
    List<String> profileFields, List<String> environment, String secretEnvField) {

  /** How a setting's text is parsed and checked. */
  public enum Kind {
    /** Any text. */
    TEXT,
    /** A secret: never printed, never written, removed from every output. */
    SECRET,
    /** An http(s) URL with a host. */
    URL,
    /** A positive whole number. */
    POSITIVE_INTEGER,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** A comma-separated list. */
    LIST
  }

  public Setting {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(kind, "kind");
    flags = List.copyOf(flags);
    profileFields = List.copyOf(profileFields);
    environment = List.copyOf(environment);
  }

  /** A setting given only by its key ({@code --set}, a profile's {@code settings:}, a JUnit parameter). */
  public static Setting of(String key, Kind kind, String description) {
    return new Setting(key, kind, description, null, List.of(), List.of(), List.of(), null);
  }

  /** This setting with a default value. */
  public Setting withDefault(String value) {
    return new Setting(key, kind, description, value, flags, profileFields, environment, secretEnvField);
  }

  /** This setting, also given by these command-line flags. */
  public Setting withFlags(String... names) {
    return new Setting(key, kind, description, defaultValue, List.of(names), profileFields, environment,
        secretEnvField);
  }

  /** This setting, also given by these profile fields. */
  public Setting withProfileFields(String... names) {
    return new Setting(key, kind, description, defaultValue, flags, List.of(names), environment, secretEnvField);
  }

  /** This setting, read from these environment variables when nothing else gives it. */
  public Setting withEnvironment(String... names) {
    return new Setting(key, kind, description, defaultValue, flags, profileFields, List.of(names), secretEnvField);
  }

  /** This secret, whose environment variable a profile may name in {@code field} (e.g. {@code apiKeyEnv}). */
  public Setting withSecretEnvField(String field) {
    return new Setting(key, kind, description, defaultValue, flags, profileFields, environment, field);
  }

  /** Whether the value is a secret. */
  public boolean secret() {
    return kind == Kind.SECRET;
  }

  /**
   * The value, checked for its kind and trimmed (secrets are kept as given).
   *
   * @throws ConfigurationException with a sentence naming the setting when the value does not fit
   */
  public String check(String value) {
    if (value == null) {
      return null;
    }
    String text = kind == Kind.SECRET ? value : value.strip();
    switch (kind) {
      case URL -> {
        try {
          URI uri = new URI(text);
          if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
              || uri.getHost() == null) {
            throw problem("must be an http(s) URL with a host, not '" + text + "'");
          }
        } catch (URISyntaxException e) {
          throw problem("is not a URL: '" + text + "'");
        }
      }
      case POSITIVE_INTEGER -> {
        try {
          if (Long.parseLong(text) <= 0) {
            throw problem("must be a positive whole number, not '" + text + "'");
          }
        } catch (NumberFormatException e) {
          throw problem("must be a positive whole number, not '" + text + "'");
        }
      }
      case BOOLEAN -> {
        String lower = text.toLowerCase(Locale.ROOT);
        if (!lower.equals("true") && !lower.equals("false")) {
          throw problem("must be true or false, not '" + text + "'");
        }
        text = lower;
      }
      default -> {
      }
    }
    return text;
  }

  /** How a user names this setting in a message: its first flag, else its key. */
  public String label() {
    return flags.isEmpty() ? key : flags.get(0) + " (" + key + ")";
  }

  private ConfigurationException problem(String what) {
    return new ConfigurationException((flags.isEmpty() ? key : flags.get(0)) + " " + what);
  }
}
