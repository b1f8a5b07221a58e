package dev.llmtck.tck.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmtck.tck.bedrock.BedrockClient.Signing;
import dev.llmtck.tck.clause.Clause;
import dev.llmtck.tck.clause.Level;
import org.junit.jupiter.api.Assumptions;
import org.opentest4j.AssertionFailedError;

/**
 * Who may call: every request is SigV4-signed for service {@code bedrock} (or carries a Bedrock API key as
 * {@code Authorization: Bearer}), and what AWS's front door answers when it is not, or not rightly. Sources: the
 * service model's {@code signingName: bedrock} and {@code auth: [aws.auth#sigv4, smithy.api#httpBearerAuth]},
 * AWS's SigV4 documentation ("Signature expired ... - 5 min.", credential scope errors), the Bedrock User Guide's
 * API-key pages, and the errors AWS sends (UnrecognizedClientException, InvalidSignatureException). What AWS
 * answers to a bad API key is known only from third-party reports (findings A.3): the clauses that rest on it say
 * so in their source and require only what those reports agree on.
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

    assertThat(reply.status())
        .withFailMessage("a Converse signed with temporary credentials (X-Amz-Security-Token) should be answered "
            + "HTTP 200; got %s", AwsErrorReply.describe(reply))
        .isEqualTo(200);
  }

  @Clause(id = "BDR-AUTH-3", level = Level.MUST,
      statement = "a request signed with a wrong secret key answers 403 InvalidSignatureException",
      source = "AWS SigV4 docs: \"The request signature we calculated does not match the signature you provided\"")
  void wrongSecretIsAnInvalidSignature(BedrockTarget target, BedrockClient client) {
    var reply = client.post(target.modelId(), "converse", ConverseBodies.user("Say hello.", 16),
        Signing.WRONG_SECRET);

    AwsErrorReply.assertError(reply, 403, "InvalidSignatureException", "a request signed with a wrong secret key");
  }

  @Clause(id = "BDR-AUTH-4", level = Level.MUST,
      statement = "a request signed with an unknown access key answers 403 UnrecognizedClientException",
      source = "AWS: UnrecognizedClientException \"The security token included in the request is invalid.\"")
  void unknownKeyIsUnrecognized(BedrockTarget target, BedrockClient client) {
    var reply = client.post(target.modelId(), "converse", ConverseBodies.user("Say hello.", 16),
        Signing.UNKNOWN_KEY);

    AwsErrorReply.assertError(reply, 403, "UnrecognizedClientException", "a request signed with an unknown access "
        + "key");
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
    assertThat(message)
        .withFailMessage("the InvalidSignatureException for a 10-minute-old signature should say \"Signature "
            + "expired\" (AWS's words); it says \"%s\"", message)
        .contains("Signature expired");
  }

  @Clause(id = "BDR-AUTH-6", level = Level.MUST,
      statement = "a Bedrock API key sent as Authorization: Bearer, with no SigV4 header, is accepted: Converse "
          + "answers 200 with an assistant message (when the target has a key, llmtck.bedrock.apiKey or "
          + "AWS_BEARER_TOKEN_BEDROCK)",
      source = "Bedrock User Guide, Use an Amazon Bedrock API key "
          + "(https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys-use.html: \"Authorization: Bearer "
          + "$AWS_BEARER_TOKEN_BEDROCK\"); Bedrock runtime service model auth [aws.auth#sigv4, "
          + "smithy.api#httpBearerAuth] "
          + "(boto/botocore botocore/data/bedrock-runtime/2023-09-30/service-2.json @ 0e6e2404b85d); the SDKs send "
          + "the key alone, without X-Amz-Date or x-amz-content-sha256 (findings A.1, experiment)")
  void apiKeyIsAccepted(BedrockTarget target, BedrockClient client) {
    Assumptions.assumeTrue(target.apiKey().isPresent(), "the target has no Bedrock API key; set "
        + BedrockSettings.API_KEY.key() + " (or AWS_BEARER_TOKEN_BEDROCK, or a profile's apiKeyEnv) to check that "
        + "bearer keys are accepted");

    var reply = client.post(target.modelId(), "converse", ConverseBodies.user("Say hello.", 16), Signing.BEARER);

    assertThat(reply.status())
        .withFailMessage("a Converse with the target's Bedrock API key as Authorization: Bearer should be answered "
            + "HTTP 200; got %s", AwsErrorReply.describe(reply))
        .isEqualTo(200);
    String role = reply.json().path("output").path("message").path("role").asText();
    assertThat(role)
        .withFailMessage("the Converse answer to a bearer-key request should be output.message with role "
            + "\"assistant\"; got %s", AwsErrorReply.abbreviate(reply.body()))
        .isEqualTo("assistant");
  }

  @Clause(id = "BDR-AUTH-7", level = Level.MUST,
      statement = "a bearer token that is no Bedrock API key (neither ABSK nor bedrock-api-key- prefix) and a "
          + "well-formed long-term key no account has are each refused with 403 and a JSON message, never answered "
          + "(the x-amzn-ErrorType is reported, not required)",
      source = "Bedrock User Guide, API keys (https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys-use.html, "
          + "api-keys-how.html: the key formats). NOT in AWS docs, third-party reports only (findings A.3): 403 "
          + "{\"Message\":\"Invalid API Key format: Must start with pre-defined prefix\"} "
          + "(zeroclaw-labs/zeroclaw#5289) "
          + "and 403 {\"Message\":\"Authentication failed: Please make sure your API Key is valid.\"} "
          + "(ai4s-research/open-science#53, anomalyco/opencode#47073); the x-amzn-ErrorType of these refusals was "
          + "not verified, so it is not required")
  void badApiKeyIsRefused(BedrockTarget target, BedrockClient client) {
    refusedBearer(target, client, Signing.BEARER_MALFORMED, "a bearer token without a Bedrock API key prefix",
        "malformed");
    refusedBearer(target, client, Signing.BEARER_UNKNOWN, "a well-formed long-term API key (ABSK...) no account has",
        "unknown");
  }

  private static void refusedBearer(BedrockTarget target, BedrockClient client, Signing signing, String what,
      String note) {
    var reply = client.post(target.modelId(), "converse", ConverseBodies.user("Say hello.", 16), signing);

    if (reply.status() / 100 == 2) {
      throw new AssertionFailedError(what + " was accepted: expected HTTP 403, got " + AwsErrorReply.describe(reply)
          + "; a platform that answers such a key lets anyone in");
    }
    assertThat(reply.status())
        .withFailMessage("%s should be refused with HTTP 403 (as AWS's front door refuses bad keys); got %s", what,
            AwsErrorReply.describe(reply))
        .isEqualTo(403);
    JsonNode message = AwsErrorReply.message(reply);
    assertThat(message.isTextual())
        .withFailMessage("the HTTP 403 for %s should have a JSON body with a string Message (or message); its body "
            + "is %s", what, AwsErrorReply.quoted(reply.body()))
        .isTrue();
    client.note("llmtck.bedrock.apiKeyRefusal." + note, "HTTP 403, x-amzn-ErrorType "
        + reply.header("x-amzn-ErrorType").orElse("(none)") + ", message \"" + AwsErrorReply.abbreviate(message
            .asText()) + "\"");
  }

  @Clause(id = "BDR-AUTH-8", level = Level.MUST,
      statement = "a request signed with the target's credentials but for another region's credential scope answers "
          + "403 InvalidSignatureException, never an answer",
      source = "AWS IAM User Guide, Troubleshoot signed requests "
          + "(https://docs.aws.amazon.com/IAM/latest/UserGuide/signature-v4-troubleshooting.html): \"If the "
          + "credential scope does not specify the same Region as the request, the signature verification step "
          + "fails ... Credential should be scoped to a valid Region\"; AWS SigV4 for API requests "
          + "(reference_sigv.html): a derived key is scoped to a single service in a single region; credential scope "
          + "<date>/<region>/bedrock/aws4_request (findings F.1). The message's wording is reported, not required")
  void otherRegionsScopeIsRefused(BedrockTarget target, BedrockClient client) {
    String other = BedrockClient.otherRegion(target.region());

    var reply = client.post(target.modelId(), "converse", ConverseBodies.user("Say hello.", 16),
        Signing.OTHER_REGION);

    String message = AwsErrorReply.assertError(reply, 403, "InvalidSignatureException", "a request signed for region "
        + other + " (credential scope .../" + other + "/bedrock/aws4_request) sent to the " + target.region()
        + " endpoint");
    client.note("llmtck.bedrock.otherRegionRefusal", AwsErrorReply.abbreviate(message));
  }
}
