package dev.llmtck.containers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.testcontainers.utility.DockerImageName;

/**
 * Builds llmtck's images for tests, on this machine, from the module's Dockerfiles with the docker command line:
 * nothing is pulled. The base image comes from {@code LLMTCK_BASE_IMAGE} (default {@code llmtck/jre-base:17},
 * built by {@code ci/machine/build-jre-base-image.sh}).
 */
final class LocalImages {
  private static final Path MODULE = Path.of(System.getProperty("user.dir"));
  private static final String BASE_IMAGE = System.getenv().getOrDefault("LLMTCK_BASE_IMAGE", "llmtck/jre-base:17");

  private LocalImages() {
  }

  /** {@code llmtck/azure-openai-mock:<version>}, built from the fixtures' shaded jar. */
  static DockerImageName azureOpenAiMock() {
    DockerImageName name = AzureOpenAiMockContainer.DEFAULT_IMAGE_NAME.withTag(
        System.getProperty("llmtck.version", "0.1.0-SNAPSHOT"));
    try {
      Path context = Files.createTempDirectory("llmtck-image");
      Files.copy(MODULE.resolve("src/main/docker/azure-openai-mock/Dockerfile"), context.resolve("Dockerfile"));
      Files.copy(fixturesJar(), context.resolve("app.jar"), StandardCopyOption.REPLACE_EXISTING);
      Process build = new ProcessBuilder("docker", "build", "-q", "--build-arg", "BASE_IMAGE=" + BASE_IMAGE,
          "-t", name.asCanonicalNameString(), context.toString()).redirectErrorStream(true).start();
      String output = new String(build.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      if (!build.waitFor(5, TimeUnit.MINUTES) || build.exitValue() != 0) {
        throw new IllegalStateException("docker build of " + name + " failed: " + output);
      }
      return name;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build " + name, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while building " + name, e);
    }
  }

  private static Path fixturesJar() throws IOException {
    Path target = MODULE.resolveSibling("fixtures").resolve("target");
    try (Stream<Path> files = Files.list(target)) {
      return files.filter(p -> p.getFileName().toString().matches("llmtck-fixtures-.*-all\\.jar")).findFirst()
          .orElseThrow(() -> new IllegalStateException("no shaded fixtures jar in " + target
              + ": build the reactor (./mvnw verify) so fixtures is packaged first"));
    }
  }
}
