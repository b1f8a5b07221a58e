package dev.llmtck.tck.openai;

import dev.llmtck.fixtures.Pacing;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmtck.fixtures.openai.JsonResponse;
import dev.llmtck.fixtures.openai.VllmSimulator;
import dev.llmtck.fixtures.openai.PlatformRequest;
import dev.llmtck.fixtures.openai.ResponseTransformer;
import dev.llmtck.fixtures.openai.StreamResponse;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The reference platform broken in one way for a proof, and the clause run pointed at it. Everything not broken
 * behaves like the embedded platform the contract passes on.
 */
final class BrokenPlatform implements AutoCloseable {

  static final String KEY = "proof-key-5f2c9e";

  private final VllmSimulator platform;

  private BrokenPlatform(VllmSimulator platform) {
    this.platform = platform;
  }

  /** A platform with the embedded defaults, changed by {@code setup} (a transformer, a version, no key...). */
  static BrokenPlatform with(Consumer<VllmSimulator.Builder> setup) {
    VllmSimulator.Builder builder = embeddedDefaults().apiKey(KEY)
        .toolCalling(EmbeddedReferencePlatform.TOOL_CALL_PARSER);
    setup.accept(builder);
    return new BrokenPlatform(builder.start());
  }

  /** A platform that checks no key at all (vLLM without {@code --api-key}), or only {@code key}. */
  static BrokenPlatform withKeyOnly(String key) {
    return new BrokenPlatform(embeddedDefaults().apiKey(key).toolCalling(EmbeddedReferencePlatform.TOOL_CALL_PARSER)
        .start());
  }

  /** A platform started without vLLM's {@code --enable-auto-tool-choice --tool-call-parser}. */
  static BrokenPlatform withoutToolCalling() {
    return new BrokenPlatform(embeddedDefaults().apiKey(KEY).start());
  }

  private static VllmSimulator.Builder embeddedDefaults() {
    return VllmSimulator.builder().pacing(Pacing.of(Duration.ofMillis(10), Duration.ofMillis(2)))
        .maxModelLen(EmbeddedReferencePlatform.EMBEDDED_MAX_MODEL_LEN);
  }

  /** A platform whose responses pass through one transformer. */
  static BrokenPlatform transformed(ResponseTransformer transformer) {
    return with(builder -> builder.transformer(transformer));
  }

  /** Edits the JSON body of successful responses to requests on a path. */
  static BrokenPlatform editingJson(String path, Consumer<ObjectNode> edit) {
    return editingJson(request -> request.path().equals(path), edit);
  }

  /** Edits the JSON body of successful responses to requests that match. */
  static BrokenPlatform editingJson(Predicate<PlatformRequest> which, Consumer<ObjectNode> edit) {
    return transformed(ResponseTransformer.forJson((request, response) -> which.test(request)
        && response.status() == 200 ? response.mapBody(body -> {
          edit.accept((ObjectNode) body);
          return body;
        }) : response));
  }

  /** Replaces responses of one status, leaving the others. */
  static BrokenPlatform replacingStatus(int status, UnaryOperator<JsonResponse> change) {
    return transformed(ResponseTransformer.forJson((request, response) -> response.status() == status
        ? change.apply(response) : response));
  }

  /** Rewrites streams to requests on a path. */
  static BrokenPlatform editingStreams(String path, UnaryOperator<StreamResponse> change) {
    return transformed(ResponseTransformer.forStream((request, response) -> request.path().equals(path)
        ? change.apply(response) : response));
  }

  /** Whether the request's messages contain one with this role. */
  static boolean hasRole(PlatformRequest request, String role) {
    return request.json().map(body -> {
      for (JsonNode message : body.path("messages")) {
        if (role.equals(message.path("role").asText())) {
          return true;
        }
      }
      return false;
    }).orElse(false);
  }

  String baseUrl() {
    return platform.baseUrl().toString();
  }

  String model() {
    return platform.servedModelNames().get(0);
  }

  /** The clause, pointed at this platform with the right key, its model and capability {@code tools}. */
  ClauseRun run(String clauseId) {
    return ClauseRun.of(clauseId).against(baseUrl(), KEY, model(), "tools");
  }

  @Override
  public void close() {
    platform.close();
  }
}
