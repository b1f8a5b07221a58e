package dev.llmtck.tck.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmtck.tck.bedrock.BedrockClient.Signing;
import dev.llmtck.tck.clause.Clause;
import dev.llmtck.tck.clause.Level;
import org.junit.jupiter.api.Assumptions;

/**
 * Who may call: every request is SigV4-signed for service {@code bedrock}, and what AWS's front door answers
 * when it is not, or not rightly. Source: the service model's {@code signingName: bedrock}, AWS's SigV4
 * documentation ("Signature expired ... - 5 min."), and the errors AWS sends (UnrecognizedClientException,
 * InvalidSignatureException).
 */
@BedrockContract
public class BedrockAuthClauses {

  @Clause(id = "BDR-AUTH-1", level = Level.MUST,
      statement = "an unsigned request answers 403 with x-amzn-ErrorType, x-amzn-RequestId and a JSON message",
      source = "Bedrock runtime service model (auth aws.auth#sigv4, signingName bedrock); AWS SigV4 docs")
  void unsignedRequestIsRefused(BedrockTarget target, BedrockClient client) {
    var reply = client.post(target.modelId(), "converse", ConverseBodies.user("Say hello.", 16), Signing.NONE);

    AwsErrorReply.assertError(reply, 403, null, "an unsigned request");
  }

  @Clause(id = "BDR-AUTH-2", level = Level.SHOULD,
      statement = "temporary credentials (x-amz-security-token signed with the request) are accepted",
      source = "AWS SigV4 docs: temporary security credentials; CONTRACT BDR-AUTH-2 (the AI gateway itself "
          + "takes long-term keys only)")
  void sessionCredentialsAreAccepted(BedrockTarget target, BedrockClient client) {
    Assumptions.assumeTrue(target.sessionToken().isPresent(),
        "the target was given long-term credentials; set llmtck.bedrock.sessionToken (AWS_SESSION_TOKEN) with "
            + "temporary ones to check this");

    var reply = client.post(target.modelId(), "converse", ConverseBodies.user("Say hello.", 16));

    assertThat(reply.status()).as("status with session credentials (body: %s)",
        AwsErrorReply.abbreviate(reply.body())).isEqualTo(200);
  }

  @Clause(id = "BDR-AUTH-3", level = Level.MUST,
      statement = "a request signed with a wrong secret key answers 403 InvalidSignatureException",
      source = "AWS SigV4 docs: \"The request signature we calculated does not match the signature you provided\"")
  void wrongSecretIsAnInvalidSignature(BedrockTarget target, BedrockClient client) {
    var reply = client.post(target.modelId(), "converse", ConverseBodies.user("Say hello.", 16),
        Signing.WRONG_SECRET);

    AwsErrorReply.assertError(reply, 403, "InvalidSignatureException", "a wrong secret key");
  }

  @Clause(id = "BDR-AUTH-4", level = Level.MUST,
      statement = "a request signed with an unknown access key answers 403 UnrecognizedClientException",
      source = "AWS: UnrecognizedClientException \"The security token included in the request is invalid.\"")
  void unknownKeyIsUnrecognized(BedrockTarget target, BedrockClient client) {
    var reply = client.post(target.modelId(), "converse", ConverseBodies.user("Say hello.", 16),
        Signing.UNKNOWN_KEY);

    AwsErrorReply.assertError(reply, 403, "UnrecognizedClientException", "an unknown access key");
  }

  @Clause(id = "BDR-AUTH-5", level = Level.MUST,
      statement = "a signature made 10 minutes ago (more than the 5 minutes allowed) answers 403 "
          + "InvalidSignatureException \"Signature expired\"",
      source = "AWS SigV4 docs: requests are valid for 5 minutes after X-Amz-Date; \"Signature expired: ... is now "
          + "earlier than ... (... - 5 min.)\"")
  void oldSignatureHasExpired(BedrockTarget target, BedrockClient client) {
    var reply = client.post(target.modelId(), "converse", ConverseBodies.user("Say hello.", 16),
        Signing.TEN_MINUTES_AGO);

    String message = AwsErrorReply.assertError(reply, 403, "InvalidSignatureException", "a 10-minute-old signature");
    assertThat(message).as("message").contains("Signature expired");
  }
}
