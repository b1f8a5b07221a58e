package dev.llmtck.tck.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmtck.tck.bedrock.BedrockClient.Frame;
import dev.llmtck.tck.clause.Clause;
import dev.llmtck.tck.clause.Level;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * InvokeModel and InvokeModelWithResponseStream with the model family's own body (Anthropic Messages
 * {@code bedrock-2023-05-31}, Mistral, Meta Llama); the stream's {@code chunk} events carry the family's JSON,
 * base64, in {@code bytes}.
 */
@BedrockContract
public class BedrockInvokeClauses {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Clause(id = "BDR-INVOKE-1", level = Level.MUST,
      statement = "InvokeModel takes the model family's native body and answers the family's native JSON",
      source = "Bedrock User Guide, inference parameters: Anthropic Claude Messages API, Mistral AI, Meta Llama")
  void invokeSpeaksTheFamilyBody(BedrockTarget target, BedrockClient client) {
    String provider = knownProvider(target);

    var reply = client.post(target.modelId(), "invoke", ModelFamilyBodies.request(provider, "Say hello.", 32));

    AwsErrorReply.assertOk(reply, "an InvokeModel call with the " + provider + " body");
    String contentType = reply.header("Content-Type").orElse("(none)");
    assertThat(contentType)
        .withFailMessage("InvokeModel should answer Content-Type application/json; it answered %s", contentType)
        .startsWith("application/json");
    ModelFamilyBodies.assertResponse(provider, reply.json());
  }

  @Clause(id = "BDR-INVOKE-2", level = Level.MUST,
      statement = "InvokeModelWithResponseStream sends chunk events whose payload is {\"bytes\": <base64>} "
          + "decoding to the family's stream JSON",
      source = "Bedrock runtime service model: ResponseStream.chunk (PayloadPart.bytes, a blob: base64 in JSON)")
  void streamSendsBase64Chunks(BedrockTarget target, BedrockClient client) {
    String provider = knownProvider(target);

    List<JsonNode> chunks = chunks(target, client, provider);

    for (int i = 0; i < chunks.size(); i++) {
      ModelFamilyBodies.assertChunk(provider, chunks.get(i), i);
    }
  }

  @Clause(id = "BDR-INVOKE-3", level = Level.SHOULD,
      statement = "the stream's last chunk carries amazon-bedrock-invocationMetrics (inputTokenCount, "
          + "outputTokenCount, invocationLatency, firstByteLatency)",
      source = "Bedrock User Guide, InvokeModelWithResponseStream examples: the final chunk's invocation metrics")
  void lastChunkCarriesInvocationMetrics(BedrockTarget target, BedrockClient client) {
    String provider = knownProvider(target);

    List<JsonNode> chunks = chunks(target, client, provider);

    JsonNode metrics = chunks.get(chunks.size() - 1).path("amazon-bedrock-invocationMetrics");
    for (String field : List.of("inputTokenCount", "outputTokenCount", "invocationLatency", "firstByteLatency")) {
      assertThat(metrics.path(field).isIntegralNumber())
          .withFailMessage("the stream's last chunk should carry amazon-bedrock-invocationMetrics with an integer %s; "
              + "the last chunk is %s", field, chunks.get(chunks.size() - 1))
          .isTrue();
    }
  }

  private static List<JsonNode> chunks(BedrockTarget target, BedrockClient client, String provider) {
    var stream = client.stream(target.modelId(), "invoke-with-response-stream",
        ModelFamilyBodies.request(provider, "Count to five.", 48));
    AwsErrorReply.assertOk(stream, "an InvokeModelWithResponseStream call with the " + provider + " body");
    assertThat(stream.framingError())
        .withFailMessage("every frame of the event stream should decode (prelude and message CRC32s, lengths); after "
            + "%s good frames: %s", stream.frames().size(), stream.framingError())
        .isNull();
    assertThat(stream.frames()).withFailMessage("InvokeModelWithResponseStream answered 200 but sent no frame")
        .isNotEmpty();
    List<JsonNode> chunks = new ArrayList<>();
    for (Frame frame : stream.frames()) {
      assertThat("event".equals(frame.header(":message-type")) && "chunk".equals(frame.header(":event-type")))
          .withFailMessage("every frame should be an event of :event-type chunk; this one is %s", frame)
          .isTrue();
      JsonNode bytes = frame.json().path("bytes");
      assertThat(bytes.isTextual())
          .withFailMessage("a chunk's payload should be {\"bytes\": \"<base64 of the family's JSON>\"}; this one is %s",
              frame.payload())
          .isTrue();
      try {
        chunks.add(JSON.readTree(Base64.getDecoder().decode(bytes.asText())));
      } catch (IllegalArgumentException | IOException e) {
        throw new AssertionError("a chunk's bytes should be base64 of the family's JSON; they do not decode to JSON ("
            + e.getClass().getSimpleName() + "): " + frame.payload());
      }
    }
    return chunks;
  }

  static String knownProvider(BedrockTarget target) {
    String provider = target.provider();
    Assumptions.assumeTrue(ModelFamilyBodies.known(provider), "the kit knows the native InvokeModel body of "
        + "Anthropic, Mistral and Meta Llama models, not of provider '" + provider + "' (" + target.modelId() + ")");
    return provider;
  }
}
