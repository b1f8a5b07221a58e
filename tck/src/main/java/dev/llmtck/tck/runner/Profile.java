package dev.llmtck.tck.runner;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A target described in a YAML file (see {@code profiles/}): what platform it is, what it can do, which failures
 * are accepted, how to start it, and the platform's own fields (where it answers, which model), which the
 * platform's settings declare ({@code dev.llmtck.tck.platform.Setting#profileFields}) and the command line checks.
 * Secrets are never written in a profile: it names the environment variable that holds the key
 * ({@code apiKeyEnv}). Command-line flags override every field.
 *
 * <pre>{@code
 * name: vllm-mistral-7b
 * description: vLLM on the GPU box, Mistral 7B Instruct v0.3
 * platform: openai                 # openai | bedrock | azure (any installed platform)
 * baseUrl: http://gpu-box:8000/v1  # the platform's own fields: here openai's baseUrl, model, apiKeyEnv, ...
 * model: mistralai/Mistral-7B-Instruct-v0.3
 * apiKeyEnv: VLLM_API_KEY          # the key is read from this environment variable
 * capabilities: [tools]
 * timeoutSeconds: 120
 * waivers:
 *   - {id: OAI-HEALTH-1, reason: "the proxy hides /health", expires: 2026-12-31}
 * settings: {}                     # any other llmtck.* setting, e.g. llmtck.azure.filteredPrompt
 * launch: {...}                    # how to start the target before the run
 * }</pre>
 *
 * @param name short name for reports
 * @param description one line for people
 * @param platform the platform's id, or {@code null} for the default
 * @param capabilities optional capabilities the target declares, e.g. {@code tools}
 * @param timeoutSeconds the per-request timeout
 * @param waivers accepted failures
 * @param settings further settings, by key
 * @param launch how to start the target before the run (handled by a {@link TargetLauncher}), or {@code null}
 * @param fields the platform's own fields ({@code baseUrl}, {@code model}, {@code apiKeyEnv}, ...), as text
 */
public record Profile(String name, String description, String platform, List<String> capabilities,
    Integer timeoutSeconds, List<Waiver> waivers, Map<String, String> settings, JsonNode launch,
    Map<String, String> fields) {
  /** The keys every profile may have, whatever its platform. */
  public static final Set<String> COMMON_KEYS = Set.of("name", "description", "platform", "capabilities",
      "timeoutSeconds", "waivers", "settings", "launch");

  public Profile {
    capabilities = capabilities == null ? List.of() : List.copyOf(capabilities);
    waivers = waivers == null ? List.of() : List.copyOf(waivers);
    settings = settings == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /** A profile with nothing in it (the command line alone describes the target). */
  public static Profile empty() {
    return new Profile(null, null, null, null, null, null, null, null, null);
  }

  /** Reads a profile; a missing file, bad YAML or a malformed common key is a configuration error. */
  public static Profile load(Path file) {
    try {
      return of(Waivers.YAML.readTree(file.toFile()));
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException("cannot read profile " + file + ": " + ConfigErrors.describe(e), e);
    }
  }

  /** A profile from YAML text (for tests and generated profiles). */
  public static Profile parse(String yaml) {
    try {
      return of(Waivers.YAML.readTree(yaml));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read profile: " + ConfigErrors.describe(e), e);
    }
  }

  private static Profile of(JsonNode root) {
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw new IllegalArgumentException("the file is empty");
    }
    if (!root.isObject()) {
      throw new IllegalArgumentException("a profile is a YAML mapping of keys to values");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (!COMMON_KEYS.contains(field.getKey())) {
        if (!field.getValue().isValueNode()) {
          throw new IllegalArgumentException("'" + field.getKey() + "' must be a single value");
        }
        fields.put(field.getKey(), field.getValue().isNull() ? null : field.getValue().asText());
      }
    }
    List<String> capabilities = new ArrayList<>();
    JsonNode declared = root.path("capabilities");
    if (declared.isTextual()) {
      capabilities.add(declared.asText());
    } else {
      declared.forEach(c -> capabilities.add(c.asText()));
    }
    Integer timeout = null;
    if (root.hasNonNull("timeoutSeconds")) {
      if (!root.get("timeoutSeconds").canConvertToInt()) {
        throw new IllegalArgumentException("timeoutSeconds must be a whole number of seconds");
      }
      timeout = root.get("timeoutSeconds").asInt();
    }
    List<Waiver> waivers = root.has("waivers") ? Waivers.YAML.convertValue(root.get("waivers"),
        new TypeReference<List<Waiver>>() { }) : List.of();
    Map<String, String> settings = root.has("settings") ? Waivers.YAML.convertValue(root.get("settings"),
        new TypeReference<Map<String, String>>() { }) : Map.of();
    return new Profile(text(root, "name"), text(root, "description"), text(root, "platform"), capabilities, timeout,
        waivers, settings, root.hasNonNull("launch") ? root.get("launch") : null, fields);
  }

  /** A platform field's value, or {@code null}. */
  public String field(String key) {
    String value = fields.get(key);
    return value == null || value.isBlank() ? null : value;
  }

  /** The environment variable that holds the API key ({@code apiKeyEnv}), or {@code null}. */
  public String apiKeyEnv() {
    return field("apiKeyEnv");
  }

  private static String text(JsonNode root, String key) {
    JsonNode value = root.get(key);
    return value == null || value.isNull() ? null : value.asText();
  }
}
