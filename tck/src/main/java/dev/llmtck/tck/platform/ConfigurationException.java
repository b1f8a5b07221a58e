package dev.llmtck.tck.platform;

/**
 * A target configuration the kit cannot use (a bad value, a missing or contradictory setting), with one sentence
 * saying what to change. The command line reports it as a configuration error (exit code 2), never as a clause
 * failure.
 */
public final class ConfigurationException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public ConfigurationException(String message) {
    super(message);
  }
}
