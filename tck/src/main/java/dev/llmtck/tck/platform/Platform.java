package dev.llmtck.tck.platform;

import dev.llmtck.tck.runner.DuoFeature;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A kind of serving platform the kit certifies (OpenAI-compatible, Azure OpenAI, AWS Bedrock, ...): everything the
 * runner, the command line and the reports need to know about it, so that none of them knows a platform by name.
 * Implementations are found with {@link java.util.ServiceLoader} ({@code META-INF/services/dev.llmtck.tck.platform
 * .Platform}); {@link Platforms} checks each when it loads (unique id, settings, every Duo feature's clauses exist).
 *
 * <p>Adding a platform: a package with its contract classes (methods annotated {@code @Clause}, the classes marked
 * with an annotation meta-annotated {@link PlatformContract}), its typed target and client, an implementation of
 * this interface, and one line in the service file.
 *
 * @param <T> the typed target its clauses take as a parameter
 * @param <C> the client its clauses take as a parameter (publishing evidence on the running clause)
 */
public interface Platform<T, C> {

  /** The platform's id, as in {@code --platform} and profiles' {@code platform:}, e.g. {@code openai}. */
  String id();

  /** A few words for people, e.g. {@code OpenAI-compatible (vLLM)}. */
  String displayName();

  /**
   * The settings its contract reads, beyond the shared ones in {@link CommonSettings}: keys, kinds, defaults,
   * flags, profile fields and environment variables.
   */
  List<Setting> settings();

  /** The classes holding its clauses. */
  List<Class<?>> contractClasses();

  /** The type of its typed target. */
  Class<T> targetType();

  /** The type of its client. */
  Class<C> clientType();

  /**
   * The target the settings describe: a configured endpoint, the platform's embedded reference (started here,
   * closed with the returned value), or an incomplete configuration every clause aborts on.
   *
   * @throws ConfigurationException when a value is wrong (not merely missing)
   */
  RunTarget<T> open(Settings settings);

  /** A client for {@code target} that publishes every exchange through {@code reportEntry} (key, value). */
  C client(T target, BiConsumer<String, String> reportEntry);

  /** The optional capabilities {@code target} has (clauses marked {@code @RequiresCapability} need them). */
  Set<String> capabilities(T target);

  /** What the reports say about a target with these settings, without starting anything. */
  TargetFacts facts(Settings settings);

  /** The GitLab Duo features this platform serves, each with the clauses it needs (checked when loaded). */
  List<DuoFeature> duoFeatures();

  /**
   * Checks and completes the settings the command line resolved for a target, before anything runs: settings
   * that need one another, contradictions, and what does not apply (say, an API key from the environment when the
   * embedded reference runs). {@code fromFlags} holds the keys given as command-line flags; {@code launched} says
   * a profile's {@code launch:} section will supply the endpoint. By default the settings are kept as they are.
   *
   * @return the settings to run with
   * @throws ConfigurationException with the sentence to print
   */
  default Map<String, String> normalise(Map<String, String> resolved, Set<String> fromFlags, boolean launched) {
    return resolved;
  }

  /**
   * The clauses every other clause rests on, in the order to suspect them: the endpoint answers, the credentials
   * are accepted, the configured model is served. When one of them fails, the reports name it first as the likely
   * cause of the other failures (one wrong model name fails a dozen clauses; this one says why). Checked when the
   * platform loads, as the Duo features are. None by default.
   */
  default List<String> likelyCauses() {
    return List.of();
  }

  /** Flags that do not apply to this platform, with what to do instead (e.g. Bedrock: {@code --api-key}). */
  default Map<String, String> flagHints() {
    return Map.of();
  }
}
