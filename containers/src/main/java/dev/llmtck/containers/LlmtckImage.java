package dev.llmtck.containers;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

/**
 * An image llmtck builds itself, from a Dockerfile and the reference platforms' executable jar that both travel
 * inside this jar: no registry is involved, so the images exist wherever llmtck-containers is on the classpath.
 *
 * <p>Each image is tagged {@code llmtck/<name>:<llmtck version>} and labelled with a digest of what went into
 * it (Dockerfile, jar, base image); {@link #build()} reuses a local image whose digest matches and rebuilds it
 * otherwise, so a changed reference platform never runs from a stale image.
 *
 * <p>The base image is the Dockerfile's {@code BASE_IMAGE} build argument: a public JRE image by default, or
 * the image named by the environment variable {@value #BASE_IMAGE_VARIABLE} (or the system property
 * {@value #BASE_IMAGE_PROPERTY}) on machines that cannot pull, such as llmtck's CI, which builds
 * {@code llmtck/jre-base:17} from Debian packages.
 *
 * <p>To add an image: a directory {@code containers/src/main/docker/<name>/} with its {@code Dockerfile}, and a
 * constant here.
 */
public final class LlmtckImage {

  /** The OpenAI/vLLM simulator behind vLLM's command line (a compatible substitute for vllm/vllm-openai). */
  public static final LlmtckImage VLLM_SIMULATOR = new LlmtckImage("vllm-simulator");

  /** The AWS Bedrock runtime mock ({@code serve bedrock}), run by {@code BedrockMockContainer}. */
  public static final LlmtckImage BEDROCK_MOCK = new LlmtckImage("bedrock-mock");

  /** The Azure OpenAI mock ({@code serve azure}), run by {@code AzureOpenAiMockContainer}. */
  public static final LlmtckImage AZURE_OPENAI_MOCK = new LlmtckImage("azure-openai-mock");

  /** Every image llmtck builds (add new constants here too). */
  public static final List<LlmtckImage> ALL = List.of(VLLM_SIMULATOR, BEDROCK_MOCK,
      AZURE_OPENAI_MOCK);

  /** Environment variable naming the base image (an image with Java 17+ on the PATH). */
  public static final String BASE_IMAGE_VARIABLE = "LLMTCK_BASE_IMAGE";

  /** System property naming the base image; wins over {@value #BASE_IMAGE_VARIABLE}. */
  public static final String BASE_IMAGE_PROPERTY = "llmtck.baseImage";

  /** The label holding the digest of an image's inputs. */
  static final String CONTENT_LABEL = "dev.llmtck.image.content-sha256";

  private static final String RESOURCES = "dev/llmtck/containers/images/";
  private static final String REPOSITORY_PREFIX = "llmtck/";
  private static final Set<String> BUILT_IN_THIS_JVM = ConcurrentHashMap.newKeySet();

  private final String name;

  private LlmtckImage(String name) {
    this.name = Objects.requireNonNull(name, "name");
  }

  /** The image's short name, which is also its directory under {@code containers/src/main/docker}. */
  public String name() {
    return name;
  }

  /** {@code llmtck/<name>:<llmtck version>}; {@link #build()} makes sure it exists. */
  public DockerImageName imageName() {
    return DockerImageName.parse(REPOSITORY_PREFIX + name + ":" + version());
  }

  /**
   * Builds the image unless an identical one (same Dockerfile, jar and base image) is already present, and
   * returns its name. Needs a Docker engine; the first build takes a few seconds, later calls none.
   *
   * @throws IllegalStateException when the image's inputs are missing from the classpath or the build fails
   */
  public synchronized DockerImageName build() {
    DockerImageName image = imageName();
    if (BUILT_IN_THIS_JVM.contains(image.asCanonicalNameString())) {
      return image;
    }
    byte[] dockerfile = resource(name + "/Dockerfile");
    byte[] appJar = resource("app.jar");
    String baseImage = configuredBaseImage();
    String digest = digest(dockerfile, appJar, baseImage == null ? "" : baseImage);
    if (!digest.equals(labelOfLocalImage(image))) {
      ImageFromDockerfile build = new ImageFromDockerfile(image.asCanonicalNameString(), false)
          .withFileFromTransferable("Dockerfile", Transferable.of(dockerfile))
          .withFileFromTransferable("app.jar", Transferable.of(appJar))
          .withBuildImageCmdModifier(cmd -> cmd.withLabels(Map.of(CONTENT_LABEL, digest)));
      if (baseImage != null) {
        build.withBuildArg("BASE_IMAGE", baseImage);
      }
      try {
        build.get();
      } catch (Exception e) {
        throw new IllegalStateException("cannot build " + image.asCanonicalNameString() + " from base image "
            + (baseImage == null ? "the Dockerfile's default" : baseImage) + ": " + e.getMessage()
            + (baseImage == null ? " (without a registry, build a local JRE image with"
                + " ci/machine/build-jre-base-image.sh and name it in " + BASE_IMAGE_VARIABLE + ")" : ""), e);
      }
    }
    BUILT_IN_THIS_JVM.add(image.asCanonicalNameString());
    return image;
  }

  /** The base image asked for by system property or environment, or null for the Dockerfile's default. */
  static String configuredBaseImage() {
    String fromProperty = System.getProperty(BASE_IMAGE_PROPERTY);
    if (fromProperty != null && !fromProperty.isBlank()) {
      return fromProperty.trim();
    }
    String fromEnvironment = System.getenv(BASE_IMAGE_VARIABLE);
    return fromEnvironment == null || fromEnvironment.isBlank() ? null : fromEnvironment.trim();
  }

  private static String labelOfLocalImage(DockerImageName image) {
    DockerClient docker = DockerClientFactory.instance().client();
    try {
      InspectImageResponse inspected = docker.inspectImageCmd(image.asCanonicalNameString()).exec();
      Map<String, String> labels = inspected.getConfig() == null ? null : inspected.getConfig().getLabels();
      return labels == null ? null : labels.get(CONTENT_LABEL);
    } catch (NotFoundException e) {
      return null;
    }
  }

  static String version() {
    Properties properties = new Properties();
    try (InputStream in = new ByteArrayInputStream(resource("version.properties"))) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String version = properties.getProperty("version", "");
    if (version.isEmpty() || version.startsWith("$")) {
      throw new IllegalStateException("llmtck-containers was not built by Maven: no version for its images");
    }
    return version;
  }

  private static byte[] resource(String path) {
    try (InputStream in = LlmtckImage.class.getClassLoader().getResourceAsStream(RESOURCES + path)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCES + path + " is not on the classpath"
            + (path.equals("app.jar") ? ": it is embedded when llmtck-containers is packaged"
                + " (./mvnw package or verify), after llmtck-fixtures" : ""));
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String digest(byte[] dockerfile, byte[] appJar, String baseImage) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(dockerfile);
      sha.update(appJar);
      sha.update(baseImage.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Builds the images named on the command line (every image without arguments), printing their names. */
  public static void main(String[] args) {
    List<String> wanted = List.of(args);
    for (LlmtckImage image : ALL) {
      if (wanted.isEmpty() || wanted.contains(image.name)) {
        System.out.println(image.build().asCanonicalNameString());
      }
    }
  }

  @Override
  public String toString() {
    return REPOSITORY_PREFIX + name;
  }
}
