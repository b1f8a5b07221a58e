package dev.llmtck.tck.cli;

/** A mistake on the command line or in a configuration file: reported as one message, exit code 2. */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message, null, false, false);
  }
}
