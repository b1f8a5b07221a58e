package dev.llmtck.tck.openai;

import dev.llmtck.fixtures.Pacing;
import dev.llmtck.fixtures.openai.VllmSimulator;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The kit's own OpenAI/vLLM reference platform, started in-process when no target is configured: with an API
 * key (so the authentication clauses run), tool calling on (declared as capability {@code tools}) and a small
 * per-token pace (so streaming can be judged).
 */
final class EmbeddedReferencePlatform implements AutoCloseable {

  /** The tool-call parser the embedded platform runs with (vLLM's {@code --tool-call-parser}). */
  static final String TOOL_CALL_PARSER = "hermes";

  /** The embedded platform's context window, in tokens. */
  static final int EMBEDDED_MAX_MODEL_LEN = 65536;

  private final VllmSimulator platform;
  private final OpenAiTarget target;

  private EmbeddedReferencePlatform(VllmSimulator platform, OpenAiTarget target) {
    this.platform = platform;
    this.target = target;
  }

  static EmbeddedReferencePlatform start(Duration timeout) {
    String key = "llmtck-embedded-" + UUID.randomUUID();
    VllmSimulator platform = VllmSimulator.builder()
        .apiKey(key)
        .toolCalling(TOOL_CALL_PARSER)
        // a context GitLab's features fit in: agentic Duo Chat asks for 32,768 tokens on top of its prompt
        .maxModelLen(EMBEDDED_MAX_MODEL_LEN)
        .pacing(Pacing.of(Duration.ofMillis(10), Duration.ofMillis(2)))
        .start();
    OpenAiTarget target = new OpenAiTarget(platform.baseUrl(), Optional.of(key), platform.servedModelNames().get(0),
        Set.of("tools"), timeout, Optional.of(platform.vllmVersion()), true);
    return new EmbeddedReferencePlatform(platform, target);
  }

  OpenAiTarget target() {
    return target;
  }

  @Override
  public void close() {
    platform.close();
  }
}
