package dev.llmtck.containers;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * Testcontainers module for llmtck's Azure OpenAI mock ({@code dev.llmtck.fixtures.azure.AzureOpenAiMock}): an
 * Azure OpenAI resource with named deployments, Azure's authentication, error bodies and content filter
 * annotations, for integration tests of Azure OpenAI clients.
 *
 * <p>Supported image: {@code llmtck/azure-openai-mock} ({@link #image()}), built from this jar when the container
 * starts if it is missing or stale, never pulled; its base image is a JRE 17 (see {@link LlmtckImage}: set
 * {@code LLMTCK_BASE_IMAGE} to one on your Docker host where nothing can be pulled). Exposed port: 8080. Ready
 * when {@code GET /llmtck/ready} answers 200 (within a minute).
 *
 * <pre>{@code
 * try (var azure = new AzureOpenAiMockContainer(AzureOpenAiMockContainer.image())
 *     .withApiKey("secret").withDeployment("gpt-4o", "gpt-4o-2024-08-06")) {
 *   azure.start();
 *   OpenAIClient client = OpenAIOkHttpClient.builder()
 *       .baseUrl(azure.getEndpoint())
 *       .credential(AzureApiKeyCredential.create(azure.getApiKey()))
 *       .azureUrlPathMode(AzureUrlPathMode.LEGACY)
 *       .build();
 * }
 * }</pre>
 */
public class AzureOpenAiMockContainer extends GenericContainer<AzureOpenAiMockContainer> {

  /** The image this module runs. */
  public static final DockerImageName DEFAULT_IMAGE_NAME = DockerImageName.parse("llmtck/azure-openai-mock");

  /** The port the mock listens on inside the container. */
  public static final int PORT = 8080;

  private static final String READY_PATH = "/llmtck/ready";

  private String apiKey = "llmtck-azure-key";
  private final Map<String, String> deployments = new LinkedHashMap<>();
  private final List<String> promptFilterTerms = new ArrayList<>();
  private final List<String> answerFilterTerms = new ArrayList<>();

  /**
   * llmtck's image for this module, {@code llmtck/azure-openai-mock:<llmtck version>}: built from this jar when the container starts, if it is missing
   * or stale (never pulled). The usual way to create the container: {@code new AzureOpenAiMockContainer(AzureOpenAiMockContainer.image())}.
   */
  public static DockerImageName image() {
    return LlmtckImage.AZURE_OPENAI_MOCK.imageName();
  }

  /** A container of the named image; {@code llmtck/...:<this jar's version>} is built at start like {@link #image()}. */
  public AzureOpenAiMockContainer(String dockerImageName) {
    this(DockerImageName.parse(dockerImageName));
  }

  public AzureOpenAiMockContainer(DockerImageName dockerImageName) {
    super(dockerImageName);
    dockerImageName.assertCompatibleWith(DEFAULT_IMAGE_NAME);
    LlmtckImage.whenStarting(dockerImageName).ifPresent(this::setImage);
    withExposedPorts(PORT);
    waitingFor(Wait.forHttp(READY_PATH).forPort(PORT).forStatusCode(200)
        .withStartupTimeout(Duration.ofMinutes(1)));
  }

  /** The resource key the mock accepts ({@code api-key} header or {@code Authorization: Bearer}). */
  public AzureOpenAiMockContainer withApiKey(String key) {
    this.apiKey = key;
    return self();
  }

  /** Adds a deployment serving {@code model}; without any, the mock has {@code gpt-4o}. */
  public AzureOpenAiMockContainer withDeployment(String name, String model) {
    deployments.put(name, model);
    return self();
  }

  /** A term (case-insensitive) that makes the content filter refuse a prompt with Azure's 400. */
  public AzureOpenAiMockContainer withPromptFilterTerm(String term) {
    promptFilterTerms.add(term);
    return self();
  }

  /** A term in the prompt that makes the content filter stop the answer ({@code finish_reason: content_filter}). */
  public AzureOpenAiMockContainer withAnswerFilterTerm(String term) {
    answerFilterTerms.add(term);
    return self();
  }

  @Override
  protected void configure() {
    // The key travels as an environment variable, not on the command line.
    withEnv("AZURE_OPENAI_API_KEY", apiKey);
    List<String> command = new ArrayList<>(List.of("--host", "0.0.0.0", "--port", Integer.toString(PORT)));
    deployments.forEach((name, model) -> command.addAll(List.of("--deployment", name + "=" + model)));
    promptFilterTerms.forEach(term -> command.addAll(List.of("--filter-prompt", term)));
    answerFilterTerms.forEach(term -> command.addAll(List.of("--filter-answer", term)));
    setCommand(command.toArray(String[]::new));
  }

  /** The resource endpoint, {@code http://host:port}: the base URL for openai-java's Azure legacy path mode. */
  public String getEndpoint() {
    return "http://" + getHost() + ":" + getMappedPort(PORT);
  }

  /** The v1 API's base URL, {@code <endpoint>/openai/v1}. */
  public String getV1BaseUrl() {
    return getEndpoint() + "/openai/v1";
  }

  /** {@link #getEndpoint()} as a URI, as the in-process mock gives it ({@code AzureOpenAiMock.endpoint()}). */
  public URI getEndpointUri() {
    return URI.create(getEndpoint());
  }

  /** {@link #getV1BaseUrl()} as a URI ({@code AzureOpenAiMock.v1BaseUrl()}). */
  public URI getV1BaseUri() {
    return URI.create(getV1BaseUrl());
  }

  public String getApiKey() {
    return apiKey;
  }

  /** The configured deployments and their models (empty: the mock's default {@code gpt-4o}). */
  public Map<String, String> getDeployments() {
    return Map.copyOf(deployments);
  }

  /** The next {@code times} completion requests get Azure's 429 with {@code Retry-After: seconds}. */
  public void rateLimitNext(int times, int retryAfterSeconds) {
    FaultSwitch.on(getEndpoint(), faultCredential(),
        "{\"type\":\"rate_limit\",\"retryAfterSeconds\":" + retryAfterSeconds + ",\"times\":" + times + "}");
  }

  /** The next {@code times} completion requests get a 500. */
  public void failNext(int times) {
    FaultSwitch.on(getEndpoint(), faultCredential(), "{\"type\":\"server_error\",\"times\":" + times + "}");
  }

  /** Streamed answers stop after {@code events} events (no finish_reason, no [DONE]) until faults are cleared. */
  public void cutStreamsAfter(int events) {
    FaultSwitch.on(getEndpoint(), faultCredential(), "{\"type\":\"stream_cut\",\"afterEvents\":" + events + "}");
  }

  private String[] faultCredential() {
    return new String[] {"api-key", apiKey};
  }

  /** Switches every fault off. */
  public void clearFaults() {
    FaultSwitch.clear(getEndpoint(), faultCredential());
  }
}
