package dev.llmtck.containers;

import org.testcontainers.DockerClientFactory;

/**
 * Whether tests that need a Docker engine can run. Outside CI a missing engine is a reason to skip them; in CI
 * (the environment variable {@code CI} is {@code true}) it is an error, so that container tests can never pass
 * by silently not running. Test frameworks wrap this in their own condition (for JUnit Jupiter:
 * {@link dev.llmtck.containers.junit.RequiresDocker}).
 */
public final class DockerRequirement {

  private DockerRequirement() {
  }

  /**
   * True when a Docker engine answers; false when it does not and this is not CI.
   *
   * @throws IllegalStateException when no engine answers and {@code CI=true}
   */
  public static boolean isSatisfied() {
    return decide(DockerClientFactory.instance().isDockerAvailable(),
        "true".equalsIgnoreCase(System.getenv("CI")));
  }

  static boolean decide(boolean dockerAvailable, boolean inCi) {
    if (dockerAvailable) {
      return true;
    }
    if (inCi) {
      throw new IllegalStateException("CI=true but no Docker engine answers: container tests must run in CI,"
          + " not skip: start a Docker engine (llmtck's own CI does with ci/machine/install-docker.sh), or point"
          + " DOCKER_HOST at one");
    }
    return false;
  }
}
