package dev.llmtck.tck.openai;

import dev.llmtck.tck.target.OpenAiTarget;
import java.time.Duration;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** The kit's own OpenAI/vLLM reference platform, started in-process when no target is configured. */
final class EmbeddedReferencePlatform implements AutoCloseable {

  private final OpenAiTarget target;

  private EmbeddedReferencePlatform(OpenAiTarget target) {
    this.target = target;
  }

  static EmbeddedReferencePlatform start(Duration timeout) {
    throw new ExtensionConfigurationException("no llmtck.openai.baseUrl is set and the embedded reference platform"
        + " is not part of this build yet");
  }

  OpenAiTarget target() {
    return target;
  }

  @Override
  public void close() {}
}
