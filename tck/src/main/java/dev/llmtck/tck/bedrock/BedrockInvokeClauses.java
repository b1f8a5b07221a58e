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

    assertThat(reply.status()).as("status (body: %s)", AwsErrorReply.abbreviate(reply.body())).isEqualTo(200);
    assertThat(reply.header("Content-Type")).as("Content-Type").hasValueSatisfying(v -> assertThat(v)
        .startsWith("application/json"));
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
      assertThat(metrics.path(field).isIntegralNumber()).as("amazon-bedrock-invocationMetrics.%s in the last chunk %s",
          field, chunks.get(chunks.size() - 1)).isTrue();
    }
  }

  private static List<JsonNode> chunks(BedrockTarget target, BedrockClient client, String provider) {
    var stream = client.stream(target.modelId(), "invoke-with-response-stream",
        ModelFamilyBodies.request(provider, "Count to five.", 48));
    assertThat(stream.status()).as("status (body: %s)", AwsErrorReply.abbreviate(stream.errorBody())).isEqualTo(200);
    assertThat(stream.framingError()).as("framing error").isNull();
    assertThat(stream.frames()).as("frames").isNotEmpty();
    List<JsonNode> chunks = new ArrayList<>();
    for (Frame frame : stream.frames()) {
      assertThat(frame.header(":message-type")).as(":message-type of %s", frame).isEqualTo("event");
      assertThat(frame.header(":event-type")).as(":event-type of %s", frame).isEqualTo("chunk");
      JsonNode bytes = frame.json().path("bytes");
      assertThat(bytes.isTextual()).as("chunk payload {\"bytes\": <base64>} in %s", frame).isTrue();
      try {
        chunks.add(JSON.readTree(Base64.getDecoder().decode(bytes.asText())));
      } catch (IllegalArgumentException | IOException e) {
        throw new AssertionError("chunk bytes are not base64 of JSON: " + frame, e);
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
