package dev.llmtck.tck.bedrock;

import dev.llmtck.tck.runner.GitLabValues;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmtck.tck.clause.Clause;
import dev.llmtck.tck.clause.Level;
import org.junit.jupiter.api.Assumptions;

/**
 * Where the runtime is and which model identifiers it takes: the endpoint as the AI gateway's
 * {@code AWS_BEDROCK_RUNTIME_ENDPOINT} gives it, model ids, inference profile ids, and what an unknown id gets.
 */
@BedrockContract
public class BedrockEndpointClauses {
  static final String GITLAB_ENVIRONMENT = "llmtck.gitlab.environment";

  @Clause(id = "BDR-ENDPOINT-1", level = Level.MUST,
      statement = "the runtime answers signed requests at the endpoint as given (regional or override), every "
          + "answer carrying x-amzn-RequestId; the kit prints the GitLab values (bedrock/<model-id>, AWS_*)",
      source = "AWS endpoints bedrock-runtime.<region>.amazonaws.com; GitLab AI gateway AWS_BEDROCK_RUNTIME_ENDPOINT, "
          + "AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_REGION_NAME")
  void endpointAnswersAsGiven(BedrockTarget target, BedrockClient client) {
    var reply = client.post(target.modelId(), "converse", ConverseBodies.user("Say hello.", 16));

    AwsErrorReply.assertOk(reply, "a signed Converse call at " + target.endpoint());
    assertThat(reply.header("x-amzn-RequestId"))
        .withFailMessage("every answer of the runtime should carry x-amzn-RequestId; the Converse answer at %s has "
            + "none (headers: %s)", target.endpoint(), reply.headers().keySet())
        .isPresent();
    client.note(GitLabValues.MODEL_NOTE, target.gitLabModelIdentifier());
    if (target.endpointOverridden()) {
      client.note(GitLabValues.ENDPOINT_NOTE, target.endpoint().toString());
    }
    client.note(GITLAB_ENVIRONMENT, "AWS_ACCESS_KEY_ID=" + target.accessKeyId()
        + " AWS_SECRET_ACCESS_KEY=<the secret> AWS_REGION_NAME=" + target.region()
        + (target.endpointOverridden() ? " AWS_BEDROCK_RUNTIME_ENDPOINT=" + target.endpoint() : ""));
  }

  @Clause(id = "BDR-MODEL-1", level = Level.MUST,
      statement = "an unknown model id answers 400 ValidationException (or 404 ResourceNotFoundException), never a "
          + "completion",
      source = "Bedrock: \"The provided model identifier is invalid.\"; service model errors of Converse")
  void unknownModelIsRefused(BedrockTarget target, BedrockClient client) {
    var reply = client.post("llmtck.no-such-model-v1:0", "converse", ConverseBodies.user("Say hello.", 16));

    assertThat(reply.status())
        .withFailMessage("an unknown model id should be refused with HTTP 400 ValidationException or 404 "
            + "ResourceNotFoundException; got %s", AwsErrorReply.describe(reply))
        .isIn(400, 404);
    AwsErrorReply.assertError(reply, reply.status(), reply.status() == 400 ? "ValidationException"
        : "ResourceNotFoundException", "an unknown model id");
  }

  @Clause(id = "BDR-MODEL-2", level = Level.MUST,
      statement = "a model served only through inference profiles answers under its profile id (us./eu./apac. + "
          + "id) and refuses its bare id with 400 ValidationException naming the inference profile",
      source = "Bedrock: \"Invocation of model ID ... with on-demand throughput isn't supported. Retry your request "
          + "with the ID or ARN of an inference profile that contains this model.\"")
  void profileOnlyModelNeedsItsProfile(BedrockTarget target, BedrockClient client) {
    Assumptions.assumeTrue(target.profileOnlyModelId().isPresent(),
        "no profile-only model named; set llmtck.bedrock.profileOnlyModelId (e.g. "
            + "anthropic.claude-3-7-sonnet-20250219-v1:0) to check this");
    String bare = target.profileOnlyModelId().get();
    String profile = geography(target.region()) + "." + bare;

    var viaProfile = client.post(profile, "converse", ConverseBodies.user("Say hello.", 16));
    var viaBareId = client.post(bare, "converse", ConverseBodies.user("Say hello.", 16));

    AwsErrorReply.assertOk(viaProfile, "a Converse call through the inference profile " + profile);
    String message = AwsErrorReply.assertError(viaBareId, 400, "ValidationException", "a Converse call to the bare "
        + "id " + bare + " (served only through inference profiles)");
    assertThat(message)
        .withFailMessage("the ValidationException for the bare id %s should name the inference profile to use "
            + "instead; it says \"%s\"", bare, message)
        .contains("inference profile");
  }

  static String geography(String region) {
    if (region.startsWith("eu-")) {
      return "eu";
    }
    if (region.startsWith("ap-")) {
      return "apac";
    }
    return "us";
  }
}
