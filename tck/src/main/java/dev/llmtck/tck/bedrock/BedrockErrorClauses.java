package dev.llmtck.tck.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmtck.tck.clause.Clause;
import dev.llmtck.tck.clause.Level;
import org.junit.jupiter.api.Assumptions;

/**
 * What Bedrock answers to a refused call: model access not granted, bodies it cannot take; always AWS's error
 * format (status, {@code x-amzn-ErrorType}, {@code x-amzn-RequestId}, JSON message), never a 500.
 */
@BedrockContract
public class BedrockErrorClauses {

  @Clause(id = "BDR-ERR-1", level = Level.MUST,
      statement = "a model whose access was never granted answers 403 AccessDeniedException",
      source = "Bedrock: \"You don't have access to the model with the specified model ID.\" (model access in the "
          + "console); service model AccessDeniedException (403)")
  void disabledModelIsAccessDenied(BedrockTarget target, BedrockClient client) {
    Assumptions.assumeTrue(target.disabledModelId().isPresent(), "no disabled model named; set "
        + "llmtck.bedrock.disabledModelId to a model the account has no access to, to check this");

    var reply = client.post(target.disabledModelId().get(), "converse", ConverseBodies.user("Say hello.", 16));

    AwsErrorReply.assertError(reply, 403, "AccessDeniedException", "a Converse call to "
        + target.disabledModelId().get() + " (a model the account has no access to)");
  }

  @Clause(id = "BDR-ERR-2", level = Level.MUST,
      statement = "malformed JSON answers 400 in AWS's error format (ValidationException or "
          + "SerializationException), never a 500",
      source = "Bedrock runtime service model: ValidationException (400); restJson1 deserialisation errors")
  void malformedJsonIsA400(BedrockTarget target, BedrockClient client) {
    var reply = client.post(target.modelId(), "converse", "{\"messages\": [{\"role\": \"user\", \"content\": [");

    AwsErrorReply.assertError(reply, 400, null, "malformed JSON");
    assertThat(reply.errorType().orElseThrow())
        .withFailMessage("malformed JSON should be refused as ValidationException or SerializationException; "
            + "x-amzn-ErrorType names %s", reply.errorType().orElseThrow())
        .isIn("ValidationException", "SerializationException");
  }

  @Clause(id = "BDR-ERR-3", level = Level.MUST,
      statement = "a Converse content block with no known member answers 400 ValidationException (or "
          + "SerializationException), never a completion",
      source = "Bedrock runtime service model: ContentBlock is a union (text, image, document, toolUse, ...)")
  void unknownContentBlockIsAValidationException(BedrockTarget target, BedrockClient client) {
    var reply = client.post(target.modelId(), "converse",
        "{\"messages\":[{\"role\":\"user\",\"content\":[{\"llmtck_unknown_block\":\"hi\"}]}]}");

    AwsErrorReply.assertError(reply, 400, null, "a Converse content block with an unknown member");
    assertThat(reply.errorType().orElseThrow())
        .withFailMessage("an unknown content block should be refused as ValidationException or "
            + "SerializationException; x-amzn-ErrorType names %s", reply.errorType().orElseThrow())
        .isIn("ValidationException", "SerializationException");
  }

  @Clause(id = "BDR-ERR-4", level = Level.MUST,
      statement = "an InvokeModel body with a key the model family does not take answers 400 ValidationException",
      source = "Bedrock: \"Malformed input request: #: extraneous key [...] is not permitted, please reformat your "
          + "input and try again.\"")
  void extraneousKeyIsAValidationException(BedrockTarget target, BedrockClient client) {
    String provider = BedrockInvokeClauses.knownProvider(target);
    String body = ModelFamilyBodies.request(provider, "Say hello.", 16).replaceFirst("\\{",
        "{\"llmtck_extraneous_key\":1,");

    var reply = client.post(target.modelId(), "invoke", body);

    AwsErrorReply.assertError(reply, 400, "ValidationException", "an InvokeModel body with an extraneous key");
  }

  @Clause(id = "BDR-ERR-5", level = Level.MUST,
      statement = "throttling answers 429 ThrottlingException in AWS's error format (checked on llmtck mocks, "
          + "where it can be provoked)",
      source = "Bedrock runtime service model: ThrottlingException (429); Bedrock troubleshooting, "
          + "\"Too many requests, please wait before trying again.\"")
  void throttlingIsA429(BedrockTarget target, BedrockClient client) {
    Assumptions.assumeTrue(target.faultControl(), "throttling cannot be provoked on real Bedrock without exhausting "
        + "the account's quota; this clause runs against llmtck's Bedrock mock (" + BedrockSettings.FAULT_CONTROL.key()
        + "=true)");
    client.switchFault("Converse=throttlingx1");
    try {
      var reply = client.post(target.modelId(), "converse", ConverseBodies.user("Say hello.", 16));

      AwsErrorReply.assertError(reply, 429, "ThrottlingException", "a throttled call (the mock's throttling fault "
          + "is on)");
    } finally {
      client.switchFault(null);
    }
  }
}
