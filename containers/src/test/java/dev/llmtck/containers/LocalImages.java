package dev.llmtck.containers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.utility.DockerImageName;

/**
 * Builds llmtck's images for tests, on this machine, from the module's Dockerfiles: nothing is pulled. The base
 * image comes from {@code LLMTCK_BASE_IMAGE} (default {@code llmtck/jre-base:17}, built by
 * {@code ci/machine/build-jre-base-image.sh}).
 */
final class LocalImages {
  private static final Path MODULE = Path.of(System.getProperty("user.dir"));
  private static final String BASE_IMAGE = System.getenv().getOrDefault("LLMTCK_BASE_IMAGE", "llmtck/jre-base:17");

  private LocalImages() {
  }

  /** {@code llmtck/azure-openai-mock:<version>}, built (once per run) from the fixtures' shaded jar. */
  static DockerImageName azureOpenAiMock() {
    String name = AzureOpenAiMockContainer.DEFAULT_IMAGE_NAME.withTag(version()).asCanonicalNameString();
    String built = new ImageFromDockerfile(name, false)
        .withDockerfile(MODULE.resolve("src/main/docker/azure-openai-mock/Dockerfile"))
        .withFileFromPath("app.jar", fixturesJar())
        .withBuildArg("BASE_IMAGE", BASE_IMAGE)
        .get();
    return DockerImageName.parse(built);
  }

  private static Path fixturesJar() {
    Path target = MODULE.resolveSibling("fixtures").resolve("target");
    try (Stream<Path> files = Files.list(target)) {
      return files.filter(p -> p.getFileName().toString().matches("llmtck-fixtures-.*-all\\.jar")).findFirst()
          .orElseThrow(() -> new IllegalStateException("no shaded fixtures jar in " + target
              + ": build the reactor (./mvnw verify) so fixtures is packaged first"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + target, e);
    }
  }

  private static String version() {
    return System.getProperty("llmtck.version", "0.1.0-SNAPSHOT");
  }
}
