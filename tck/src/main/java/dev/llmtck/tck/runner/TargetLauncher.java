package dev.llmtck.tck.runner;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Starts the target a profile describes in its {@code launch:} section (a container, a process) before the run
 * and stops it afterwards. Implementations are found with {@link java.util.ServiceLoader}; the first that
 * {@link #supports supports} the section is used. A profile with a {@code launch:} section no launcher supports
 * is a configuration error.
 */
public interface TargetLauncher {

  /** Whether this launcher knows how to start what {@code launch} describes. */
  boolean supports(JsonNode launch);

  /** Starts the target; the run begins when this returns. */
  Launched launch(Profile profile, JsonNode launch) throws Exception;

  /**
   * Starts the target of a profile read from a file in {@code profileDirectory}, against which relative paths in
   * the section are resolved. By default the directory is not needed.
   */
  default Launched launch(Profile profile, JsonNode launch, java.nio.file.Path profileDirectory) throws Exception {
    return launch(profile, launch);
  }

  /** A started target. */
  interface Launched extends AutoCloseable {

    /** Configuration parameters that point the contract at the started target (they override the profile's). */
    Map<String, String> settings();

    /** The names of the {@link #settings()} whose values are secrets (an API key the launcher chose). */
    default java.util.Set<String> secretKeys() {
      return java.util.Set.of();
    }

    /** One line for the console and the report, e.g. the image and the URL. */
    String describe();

    /** Stops the target. */
    @Override
    void close();
  }
}
