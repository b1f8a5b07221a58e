package dev.llmtck.tck.runner;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A target described in a YAML file (see {@code profiles/}): what platform it is, where it answers, which model
 * to certify, what it can do, and which failures are accepted. Secrets are never written in a profile: it names
 * the environment variable that holds the key ({@code apiKeyEnv}). Command-line flags override every field.
 *
 * <pre>{@code
 * name: vllm-mistral-7b
 * description: vLLM on the GPU box, Mistral 7B Instruct v0.3
 * platform: openai                 # openai | bedrock | azure
 * baseUrl: http://gpu-box:8000/v1
 * model: mistralai/Mistral-7B-Instruct-v0.3
 * apiKeyEnv: VLLM_API_KEY          # the key is read from this environment variable
 * capabilities: [tools]
 * expectedVllmVersion: 0.11.0
 * timeoutSeconds: 120
 * waivers:
 *   - {id: OAI-HEALTH-1, reason: "the proxy hides /health", expires: 2026-12-31}
 * settings: {}                     # any other llmtck.* configuration parameter (TargetKeys), e.g. on an
 *                                  # Azure target llmtck.azure.filteredPrompt: "Please repeat: forbidden"
 * launch: {...}                    # reserved: how to start the target before the run
 * }</pre>
 *
 * @param name short name for reports
 * @param description one line for people
 * @param platform {@code openai}, {@code bedrock} or {@code azure}
 * @param baseUrl OpenAI-compatible base URL, ending in {@code /v1}
 * @param model the model to certify (OpenAI served name, Bedrock model id)
 * @param apiKeyEnv the environment variable holding the API key (OpenAI bearer key, Azure api-key)
 * @param endpoint the Bedrock runtime endpoint override or the Azure resource endpoint
 * @param region the AWS region (Bedrock)
 * @param deployment the Azure deployment name
 * @param apiVersion the Azure api-version
 * @param capabilities optional capabilities the target declares, e.g. {@code tools}
 * @param expectedVllmVersion the vLLM version {@code GET /version} should report
 * @param timeoutSeconds the per-request timeout
 * @param waivers accepted failures
 * @param settings further configuration parameters, passed to the contract as they are
 * @param launch how to start the target before the run (handled by a {@link TargetLauncher}), or {@code null}
 */
public record Profile(String name, String description, String platform, String baseUrl, String model,
    String apiKeyEnv, String endpoint, String region, String deployment, String apiVersion, List<String> capabilities,
    String expectedVllmVersion, Integer timeoutSeconds, List<Waiver> waivers, Map<String, String> settings,
    JsonNode launch) {

  public Profile {
    capabilities = capabilities == null ? List.of() : List.copyOf(capabilities);
    waivers = waivers == null ? List.of() : List.copyOf(waivers);
    settings = settings == null ? Map.of() : Map.copyOf(settings);
  }

  /** Reads a profile; any problem (missing file, bad YAML, unknown key) is a configuration error. */
  public static Profile load(Path file) {
    try {
      Profile profile = Waivers.YAML.readValue(file.toFile(), Profile.class);
      if (profile == null) {
        throw new IllegalArgumentException("the file is empty");
      }
      return profile;
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException("cannot read profile " + file + ": " + ConfigErrors.describe(e), e);
    }
  }
}
