package dev.llmtck.tck.cli;

import dev.llmtck.tck.runner.Profile;
import dev.llmtck.tck.runner.Target;
import dev.llmtck.tck.target.TargetKeys;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds the {@link Target} of a run from the flags, the profile and the environment, in that order of
 * precedence. Secrets come from flags or environment variables only, never from a profile's text: a profile
 * names the variable ({@code apiKeyEnv}). Anything inconsistent is a {@link UsageException}.
 */
final class TargetResolver {
  /** Environment variables read for the OpenAI-compatible API key, first set wins. */
  static final List<String> OPENAI_KEY_ENV = List.of("LLMTCK_API_KEY", "OPENAI_API_KEY");
  static final String AZURE_KEY_ENV = "AZURE_OPENAI_API_KEY";
  static final String AZURE_ENDPOINT_ENV = "AZURE_OPENAI_ENDPOINT";
  static final String AZURE_API_VERSION_ENV = "OPENAI_API_VERSION";
  static final String AWS_ENDPOINT_ENV = "AWS_BEDROCK_RUNTIME_ENDPOINT";
  static final List<String> AWS_REGION_ENV = List.of("AWS_REGION_NAME", "AWS_REGION");

  private static final Set<String> PLATFORMS = Set.of("openai", "bedrock", "azure");
  /** Every setting a contract reads: the values of TargetKeys' constants. */
  private static final Set<String> KNOWN_SETTINGS = knownSettings();

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
    Profile p = profile != null ? profile : new Profile(null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null);
    String platform = first(options.platform, p.platform(), "openai").toLowerCase(Locale.ROOT);
    if (!PLATFORMS.contains(platform)) {
      throw new UsageException("unknown platform '" + platform + "': use openai, bedrock or azure");
    }
    Map<String, String> settings = new LinkedHashMap<>();
    Set<String> secretKeys = new LinkedHashSet<>();
    p.settings().forEach((key, value) -> putSetting(settings, secretKeys, key, value));
    options.settings.forEach((key, value) -> putSetting(settings, secretKeys, key, value));

    Integer timeout = options.timeoutSeconds != null ? options.timeoutSeconds : p.timeoutSeconds();
    if (timeout != null) {
      settings.put(TargetKeys.TIMEOUT_SECONDS, String.valueOf(RunOptions.positive("timeoutSeconds",
          String.valueOf(timeout))));
    }
    List<String> capabilities = !options.capabilities.isEmpty() ? options.capabilities : p.capabilities();
    if (!capabilities.isEmpty()) {
      settings.put(TargetKeys.CAPABILITIES, String.join(",", capabilities));
    }
    switch (platform) {
      case "openai" -> openAi(options, p, settings, secretKeys);
      case "bedrock" -> bedrock(options, p, settings, secretKeys);
      default -> azure(options, p, settings, secretKeys);
    }
    return new Target(platform, p.name(), settings, secretKeys);
  }

  private void openAi(RunOptions options, Profile p, Map<String, String> settings, Set<String> secretKeys) {
    String baseUrl = first(options.baseUrl, p.baseUrl());
    String model = first(options.model, p.model());
    if (baseUrl == null && p.launch() != null) {
      putIfSet(settings, TargetKeys.OPENAI_MODEL, model); // the launcher supplies the base URL
      putIfSet(settings, TargetKeys.OPENAI_EXPECTED_VLLM_VERSION, first(options.expectedVllmVersion,
          p.expectedVllmVersion()));
      return;
    }
    if (baseUrl == null) {
      if (options.model != null || options.apiKey != null) {
        throw new UsageException("--model and --api-key need --base-url (without it the run certifies the embedded"
            + " reference platform)");
      }
      return;
    }
    requireUrl("--base-url", baseUrl);
    if (model == null) {
      throw new UsageException("--model is required with --base-url: the served model name to certify (one of"
          + " the ids GET " + baseUrl.replaceAll("/+$", "") + "/models lists)");
    }
    settings.put(TargetKeys.OPENAI_BASE_URL, baseUrl.strip());
    settings.put(TargetKeys.OPENAI_MODEL, model.strip());
    putIfSet(settings, TargetKeys.OPENAI_EXPECTED_VLLM_VERSION, first(options.expectedVllmVersion,
        p.expectedVllmVersion()));
    String key = secret(options.apiKey, p.apiKeyEnv(), OPENAI_KEY_ENV);
    if (key != null) {
      settings.put(TargetKeys.OPENAI_API_KEY, key);
      secretKeys.add(TargetKeys.OPENAI_API_KEY);
    }
  }

  private void bedrock(RunOptions options, Profile p, Map<String, String> settings, Set<String> secretKeys) {
    String endpoint = first(options.endpoint, p.endpoint(), env.get(AWS_ENDPOINT_ENV));
    if (endpoint != null) {
      requireUrl("--endpoint", endpoint);
    }
    putIfSet(settings, TargetKeys.BEDROCK_ENDPOINT, endpoint);
    putIfSet(settings, TargetKeys.BEDROCK_REGION, first(options.region, p.region(), firstEnv(AWS_REGION_ENV)));
    putIfSet(settings, TargetKeys.BEDROCK_MODEL_ID, first(options.model, p.model()));
    if (options.apiKey != null) {
      throw new UsageException("Bedrock takes AWS credentials from AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and"
          + " AWS_SESSION_TOKEN, not --api-key");
    }
    putSecret(settings, secretKeys, TargetKeys.BEDROCK_ACCESS_KEY_ID, env.get("AWS_ACCESS_KEY_ID"));
    putSecret(settings, secretKeys, TargetKeys.BEDROCK_SECRET_ACCESS_KEY, env.get("AWS_SECRET_ACCESS_KEY"));
    putSecret(settings, secretKeys, TargetKeys.BEDROCK_SESSION_TOKEN, env.get("AWS_SESSION_TOKEN"));
  }

  private void azure(RunOptions options, Profile p, Map<String, String> settings, Set<String> secretKeys) {
    String endpoint = first(options.endpoint, p.endpoint(), env.get(AZURE_ENDPOINT_ENV));
    if (endpoint == null) {
      if (options.apiKey != null || options.deployment != null) {
        throw new UsageException("--deployment and --api-key need --endpoint (or AZURE_OPENAI_ENDPOINT); without"
            + " it the run certifies the embedded Azure OpenAI mock");
      }
      return;
    }
    requireUrl("--endpoint", endpoint);
    settings.put(TargetKeys.AZURE_ENDPOINT, endpoint.strip());
    String deployment = first(options.deployment, options.model, p.deployment(), p.model());
    if (deployment == null) {
      throw new UsageException("--deployment is required with an Azure endpoint: the deployment name to certify");
    }
    settings.put(TargetKeys.AZURE_DEPLOYMENT, deployment);
    putIfSet(settings, TargetKeys.AZURE_API_VERSION, first(options.apiVersion, p.apiVersion(),
        env.get(AZURE_API_VERSION_ENV)));
    putSecret(settings, secretKeys, TargetKeys.AZURE_API_KEY, secret(options.apiKey, p.apiKeyEnv(),
        List.of(AZURE_KEY_ENV)));
  }

  private String secret(String flag, String profileEnv, List<String> defaultEnv) {
    if (flag != null) {
      return flag;
    }
    if (profileEnv != null) {
      String value = env.get(profileEnv);
      if (value != null && !value.isBlank()) {
        return value;
      }
      warnings.add("the profile reads the API key from " + profileEnv + ", which is not set: running without a key");
      return null;
    }
    return firstEnv(defaultEnv);
  }

  private String firstEnv(List<String> names) {
    return names.stream().map(env::get).filter(v -> v != null && !v.isBlank()).findFirst().orElse(null);
  }

  private void putSetting(Map<String, String> settings, Set<String> secretKeys, String key, String value) {
    if (!key.startsWith("llmtck.")) {
      throw new UsageException("setting '" + key + "' is not an llmtck.* setting");
    }
    if (!KNOWN_SETTINGS.contains(key)) {
      warnings.add("setting '" + key + "' is not one this kit reads (see TargetKeys): it has no effect on the run;"
          + " a typo, or a key an earlier version had?");
    }
    settings.put(key, value);
    String lower = key.toLowerCase(Locale.ROOT);
    if (lower.contains("key") || lower.contains("secret") || lower.contains("token")
        || lower.contains("password")) {
      secretKeys.add(key);
    }
  }

  private static void putSecret(Map<String, String> settings, Set<String> secretKeys, String key, String value) {
    if (value != null && !value.isBlank()) {
      settings.put(key, value);
      secretKeys.add(key);
    }
  }

  private static void putIfSet(Map<String, String> settings, String key, String value) {
    if (value != null && !value.isBlank()) {
      settings.put(key, value.strip());
    }
  }

  private static void requireUrl(String flag, String url) {
    try {
      URI uri = new URI(url.strip());
      if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
          || uri.getHost() == null) {
        throw new UsageException(flag + " must be an http(s) URL with a host, not '" + url + "'");
      }
    } catch (URISyntaxException e) {
      throw new UsageException(flag + " is not a URL: '" + url + "'");
    }
  }

  private static Set<String> knownSettings() {
    Set<String> keys = new LinkedHashSet<>();
    for (Field field : TargetKeys.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        try {
          keys.add((String) field.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException("TargetKeys' public constants are readable", e);
        }
      }
    }
    return Set.copyOf(keys);
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
