package dev.llmtck.tck.launch;

import dev.llmtck.tck.openai.OpenAiSettings;
import com.fasterxml.jackson.databind.JsonNode;
import dev.llmtck.containers.vllm.VllmContainer;
import dev.llmtck.tck.runner.Profile;
import dev.llmtck.tck.runner.TargetLauncher;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.testcontainers.utility.DockerImageName;

/**
 * Starts a vLLM container for a profile whose {@code launch:} section has a {@code vllmContainer:} entry, so that
 * {@code ./llmtck run --profile ...} certifies a container it starts and stops itself (Docker needed):
 *
 * <pre>
 * launch:
 *   vllmContainer:
 *     image: simulator                 # llmtck's simulator, built locally; or e.g. vllm/vllm-openai:v0.6.4.post1
 *     model: mistralai/Mistral-7B-Instruct-v0.3   # or modelDirectory: /srv/models/Mistral-7B-Instruct-v0.3
 *     servedModelName: mistral-7b
 *     tokenizerMode: mistral
 *     loadFormat: mistral
 *     configFormat: mistral
 *     tokenizer: mistralai/Mistral-7B-Instruct-v0.3
 *     toolCallParser: mistral          # --enable-auto-tool-choice --tool-call-parser mistral
 *     tensorParallelSize: 1
 *     maxModelLen: 32768
 *     disableLogRequests: true
 *     gpus: all                        # or a count
 *     huggingFaceCache: llmtck-hf-cache
 *     startupTimeoutMinutes: 20
 *     extraArguments: [--enforce-eager]
 *     env: {LLMTCK_SIM_ITL_MS: "5"}
 * </pre>
 *
 * <p>The API key is the value of the profile's {@code apiKeyEnv} variable when set, else a random one; the
 * Hugging Face token, if any, comes from {@code HF_TOKEN}. An unknown key in the section is an error.
 */
public final class VllmContainerLauncher implements TargetLauncher {

  /** The section this launcher handles. */
  static final String SECTION = "vllmContainer";

  /** {@code image:} value naming llmtck's simulator image. */
  static final String SIMULATOR = "simulator";

  private static final Set<String> KEYS = Set.of("image", "model", "modelDirectory", "servedModelName",
      "tokenizerMode", "loadFormat", "configFormat", "tokenizer", "toolCallParser", "tensorParallelSize",
      "maxModelLen", "disableLogRequests", "gpus", "huggingFaceCache", "startupTimeoutMinutes", "extraArguments",
      "env");

  @Override
  public boolean supports(JsonNode launch) {
    return launch.has(SECTION);
  }

  @Override
  public Launched launch(Profile profile, JsonNode launch) {
    VllmContainer container = container(launch.get(SECTION), LaunchKeys.apiKey(profile));
    container.start();
    return new Launched() {
      @Override
      public Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(OpenAiSettings.BASE_URL.key(), container.getBaseUrl());
        settings.put(OpenAiSettings.MODEL.key(), container.getServedModelName());
        settings.put(OpenAiSettings.API_KEY.key(), container.getApiKey());
        return settings;
      }

      @Override
      public Set<String> secretKeys() {
        return Set.of(OpenAiSettings.API_KEY.key());
      }

      @Override
      public String describe() {
        return container.getDockerImageName() + " serving " + container.getServedModelName() + " at "
            + container.getBaseUrl();
      }

      @Override
      public void close() {
        container.stop();
      }
    };
  }

  /** The container a {@code vllmContainer:} section describes, not started. */
  static VllmContainer container(JsonNode section, String apiKey) {
    for (Iterator<String> names = section.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!KEYS.contains(name)) {
        throw new IllegalArgumentException("launch.vllmContainer: unknown key '" + name + "' (known: "
            + String.join(", ", new TreeSet<>(KEYS)) + ")");
      }
    }
    String image = text(section, "image", SIMULATOR);
    VllmContainer container = new VllmContainer(image.equals(SIMULATOR) ? VllmContainer.simulatorImage()
        : DockerImageName.parse(image));
    if (section.has("modelDirectory")) {
      container.withModelDirectory(Path.of(text(section, "modelDirectory", null)));
    } else {
      container.withModel(required(section, "model"));
    }
    ifText(section, "servedModelName", container::withServedModelName);
    ifText(section, "tokenizerMode", container::withTokenizerMode);
    ifText(section, "loadFormat", container::withLoadFormat);
    ifText(section, "configFormat", container::withConfigFormat);
    ifText(section, "tokenizer", container::withTokenizer);
    ifText(section, "toolCallParser", container::withAutoToolChoice);
    ifText(section, "huggingFaceCache", container::withHuggingFaceCache);
    if (section.has("tensorParallelSize")) {
      container.withTensorParallelSize(section.get("tensorParallelSize").asInt());
    }
    if (section.has("maxModelLen")) {
      container.withMaxModelLength(section.get("maxModelLen").asInt());
    }
    if (section.path("disableLogRequests").asBoolean(false)) {
      container.withRequestLoggingDisabled();
    }
    String gpus = text(section, "gpus", null);
    if ("all".equals(gpus)) {
      container.withAllGpus();
    } else if (gpus != null) {
      container.withGpus(Integer.parseInt(gpus));
    }
    if (section.has("startupTimeoutMinutes")) {
      container.withStartupTimeout(Duration.ofMinutes(section.get("startupTimeoutMinutes").asLong()));
    }
    section.path("extraArguments").forEach(argument -> container.withExtraArguments(argument.asText()));
    section.path("env").fields().forEachRemaining(e -> container.withEnv(e.getKey(), e.getValue().asText()));
    return container.withHuggingFaceTokenFromEnvironment().withApiKey(apiKey);
  }


  private static String required(JsonNode section, String key) {
    String value = text(section, key, null);
    if (value == null) {
      throw new IllegalArgumentException("launch.vllmContainer: '" + key + "' (or 'modelDirectory') is required");
    }
    return value;
  }

  private static String text(JsonNode section, String key, String fallback) {
    JsonNode value = section.get(key);
    return value == null || value.isNull() || value.asText().isBlank() ? fallback : value.asText();
  }

  private static void ifText(JsonNode section, String key, Consumer<String> setter) {
    String value = text(section, key, null);
    if (value != null) {
      setter.accept(value);
    }
  }
}
