package dev.llmtck.containers;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * Testcontainers module for llmtck's AWS Bedrock runtime mock ({@code dev.llmtck.fixtures.bedrock.BedrockRuntimeMock}):
 * Converse, ConverseStream, InvokeModel and InvokeModelWithResponseStream behind SigV4 verification, with model
 * access, AWS's errors and switchable faults, for integration tests of Bedrock clients and AI gateways.
 *
 * <p>Supported image: {@code llmtck/bedrock-mock} ({@link #image()}), built from this jar when the container
 * starts if it is missing or stale, never pulled; its base image is a JRE 17 (see {@link LlmtckImage}: set
 * {@code LLMTCK_BASE_IMAGE} to one on your Docker host where nothing can be pulled). Exposed port: 8080, HTTP/1.1
 * and HTTP/2 (cleartext, prior knowledge, as the AWS SDK's async clients speak it). Ready when
 * {@code GET /llmtck/ready} answers 200 (within a minute).
 *
 * <pre>{@code
 * try (var bedrock = new BedrockMockContainer(BedrockMockContainer.image())
 *     .withRegion("eu-west-1").withModel("anthropic.claude-3-haiku-20240307-v1:0")) {
 *   bedrock.start();
 *   var client = BedrockRuntimeClient.builder()
 *       .endpointOverride(bedrock.getEndpointUri())
 *       .region(Region.of(bedrock.getRegion()))
 *       .credentialsProvider(StaticCredentialsProvider.create(
 *           AwsBasicCredentials.create(bedrock.getAccessKeyId(), bedrock.getSecretAccessKey())))
 *       .build();
 * }
 * }</pre>
 */
public class BedrockMockContainer extends GenericContainer<BedrockMockContainer> {

  /** The image this module runs. */
  public static final DockerImageName DEFAULT_IMAGE_NAME = DockerImageName.parse("llmtck/bedrock-mock");

  /** The port the mock listens on inside the container. */
  public static final int PORT = 8080;

  private static final String READY_PATH = "/llmtck/ready";

  private String region = "us-east-1";
  private String accessKeyId = "AKIAIOSFODNN7EXAMPLE";
  private String secretAccessKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
  private final String faultKey = dev.llmtck.fixtures.bedrock.BedrockApiKey.longTerm("123456789012",
      java.util.UUID.randomUUID().toString());
  private String sessionToken;
  private final Set<String> models = new LinkedHashSet<>();
  private final List<String> faults = new ArrayList<>();
  private Duration firstEventLatency = Duration.ZERO;
  private Duration eventInterval = Duration.ZERO;

  /**
   * llmtck's image for this module, {@code llmtck/bedrock-mock:<llmtck version>}: built from this jar when the container starts, if it is missing
   * or stale (never pulled). The usual way to create the container: {@code new BedrockMockContainer(BedrockMockContainer.image())}.
   */
  public static DockerImageName image() {
    return LlmtckImage.BEDROCK_MOCK.imageName();
  }

  /** A container of the named image; {@code llmtck/...:<this jar's version>} is built at start like {@link #image()}. */
  public BedrockMockContainer(String dockerImageName) {
    this(DockerImageName.parse(dockerImageName));
  }

  public BedrockMockContainer(DockerImageName dockerImageName) {
    super(dockerImageName);
    dockerImageName.assertCompatibleWith(DEFAULT_IMAGE_NAME);
    LlmtckImage.whenStarting(dockerImageName).ifPresent(this::setImage);
    withExposedPorts(PORT);
    waitingFor(Wait.forHttp(READY_PATH).forPort(PORT).forStatusCode(200)
        .withStartupTimeout(Duration.ofMinutes(1)));
  }

  /** The region the mock serves; signatures must be scoped to it (default {@code us-east-1}). */
  public BedrockMockContainer withRegion(String value) {
    this.region = value;
    return self();
  }

  /** The long-term credentials the mock accepts (default: AWS's documentation example pair). */
  public BedrockMockContainer withCredentials(String keyId, String secret) {
    this.accessKeyId = keyId;
    this.secretAccessKey = secret;
    this.sessionToken = null;
    return self();
  }

  /** Temporary credentials: requests must carry this session token ({@code x-amz-security-token}). */
  public BedrockMockContainer withTemporaryCredentials(String keyId, String secret, String token) {
    this.accessKeyId = keyId;
    this.secretAccessKey = secret;
    this.sessionToken = token;
    return self();
  }

  /**
   * Grants access to a model (foundation model id or inference profile id); others answer
   * {@code AccessDeniedException}. Without any, the mock enables Claude 3 Haiku, Mixtral 8x7B and Llama 3 8B.
   */
  public BedrockMockContainer withModel(String modelId) {
    models.add(modelId);
    return self();
  }

  /**
   * A fault from the start: {@code [Operation=]throttling|model-timeout|service-unavailable|internal-error|
   * stream-cut:N|stream-exception:MEMBER:N}, optionally {@code xTIMES}; e.g. {@code ConverseStream=stream-cut:3}.
   */
  public BedrockMockContainer withFault(String spec) {
    faults.add(spec);
    return self();
  }

  /** Pacing of answers: before the first stream event, and between events (per output token when not streamed). */
  public BedrockMockContainer withLatency(Duration firstEvent, Duration betweenEvents) {
    this.firstEventLatency = firstEvent;
    this.eventInterval = betweenEvents;
    return self();
  }

  @Override
  protected void configure() {
    // The secret travels as an environment variable, not on the command line (which `docker ps` shows).
    withEnv("LLMTCK_BEDROCK_SECRET_ACCESS_KEY", secretAccessKey);
    // A Bedrock API key of this container's own, for its guarded fault switch (addFault, clearFaults).
    withEnv("LLMTCK_BEDROCK_API_KEY", faultKey);
    List<String> command = new ArrayList<>(List.of("--bind", "0.0.0.0", "--port", Integer.toString(PORT),
        "--region", region, "--access-key-id", accessKeyId,
        "--first-event-latency-ms", Long.toString(firstEventLatency.toMillis()),
        "--event-interval-ms", Long.toString(eventInterval.toMillis())));
    if (sessionToken != null) {
      command.addAll(List.of("--session-token", sessionToken));
    }
    models.forEach(model -> command.addAll(List.of("--model", model)));
    faults.forEach(fault -> command.addAll(List.of("--fault", fault)));
    setCommand(command.toArray(String[]::new));
  }

  /** The endpoint for an SDK's {@code endpointOverride}: {@code http://host:port}. */
  public String getEndpoint() {
    return "http://" + getHost() + ":" + getMappedPort(PORT);
  }

  /** {@link #getEndpoint()} as a URI, as the in-process mock gives it ({@code BedrockRuntimeMock.endpoint()}). */
  public URI getEndpointUri() {
    return URI.create(getEndpoint());
  }

  public String getRegion() {
    return region;
  }

  public String getAccessKeyId() {
    return accessKeyId;
  }

  public String getSecretAccessKey() {
    return secretAccessKey;
  }

  /** The session token of temporary credentials, or {@code null}. */
  public String getSessionToken() {
    return sessionToken;
  }

  /** The models enabled by {@link #withModel} (empty: the mock's defaults). */
  public Set<String> getEnabledModels() {
    return Set.copyOf(models);
  }

  /**
   * The environment an AI gateway (GitLab's, through LiteLLM) takes to reach this mock from the host:
   * {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}, {@code AWS_REGION_NAME},
   * {@code AWS_BEDROCK_RUNTIME_ENDPOINT} (and {@code AWS_SESSION_TOKEN} for temporary credentials).
   */
  public Map<String, String> getGatewayEnvironment() {
    return gatewayEnvironment(getEndpoint());
  }

  /** The same for a gateway container on a shared network, which reaches the mock at {@code http://alias:8080}. */
  public Map<String, String> getGatewayEnvironment(String networkAlias) {
    return gatewayEnvironment("http://" + networkAlias + ":" + PORT);
  }

  private Map<String, String> gatewayEnvironment(String endpoint) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("AWS_ACCESS_KEY_ID", accessKeyId);
    env.put("AWS_SECRET_ACCESS_KEY", secretAccessKey);
    if (sessionToken != null) {
      env.put("AWS_SESSION_TOKEN", sessionToken);
    }
    env.put("AWS_REGION_NAME", region);
    env.put("AWS_BEDROCK_RUNTIME_ENDPOINT", endpoint);
    return env;
  }

  /** Switches a fault on in the running mock (same syntax as {@link #withFault}). */
  public void addFault(String spec) {
    String json = "{\"fault\":\"" + spec.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
    FaultSwitch.on(getEndpoint(), faultCredential(), json);
  }

  /** A Bedrock API key only this container object knows, which the mock accepts (and so its fault switch). */
  private String[] faultCredential() {
    return new String[] {"Authorization", "Bearer " + faultKey};
  }

  /** Switches every fault off. */
  public void clearFaults() {
    FaultSwitch.clear(getEndpoint(), faultCredential());
  }
}
