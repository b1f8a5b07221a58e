package dev.llmtck.tck.runner;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.nio.file.NoSuchFileException;

/** Says in one line what is wrong with a configuration file, without Jackson's class names or a stack trace. */
final class ConfigErrors {
  private ConfigErrors() {
  }

  static String describe(Exception e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root instanceof IllegalArgumentException && root != e) {
      return root.getMessage();
    }
    if (e instanceof UnrecognizedPropertyException unknown) {
      return "unknown key '" + unknown.getPropertyName() + "'; known keys: " + unknown.getKnownPropertyIds().stream()
          .map(String::valueOf).sorted().collect(java.util.stream.Collectors.joining(", "));
    }
    if (e instanceof JsonProcessingException json) {
      return json.getOriginalMessage() + line(json.getLocation());
    }
    if (e instanceof NoSuchFileException || e instanceof java.io.FileNotFoundException) {
      return "no such file, or not readable";
    }
    return e.getMessage();
  }

  private static String line(JsonLocation location) {
    return location == null || location.getLineNr() < 0 ? "" : " (line " + location.getLineNr() + ")";
  }
}
