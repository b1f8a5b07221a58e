package dev.llmtck.tck.bedrock;

import dev.llmtck.tck.platform.Setting;
import dev.llmtck.tck.platform.Setting.Kind;
import java.util.List;

/**
 * The settings of a Bedrock runtime target. With neither an endpoint nor credentials, a run certifies the embedded
 * Bedrock mock; with credentials but no endpoint, AWS's regional endpoint.
 */
public final class BedrockSettings {

  /** The runtime endpoint override (what the AI gateway's {@code AWS_BEDROCK_RUNTIME_ENDPOINT} holds). */
  public static final Setting ENDPOINT = Setting.of("llmtck.bedrock.endpoint", Kind.URL,
      "the Bedrock runtime endpoint override").withFlags("--endpoint").withProfileFields("endpoint")
      .withEnvironment("AWS_BEDROCK_RUNTIME_ENDPOINT");

  /** The AWS region. */
  public static final Setting REGION = Setting.of("llmtck.bedrock.region", Kind.TEXT, "the AWS region")
      .withFlags("--region").withProfileFields("region").withEnvironment("AWS_REGION_NAME", "AWS_REGION");

  /** The model id or inference profile id to certify. */
  public static final Setting MODEL_ID = Setting.of("llmtck.bedrock.modelId", Kind.TEXT,
      "the model id or inference profile id").withFlags("--model").withProfileFields("model");

  /** The AWS access key id ({@code AWS_ACCESS_KEY_ID}). */
  public static final Setting ACCESS_KEY_ID = Setting.of("llmtck.bedrock.accessKeyId", Kind.SECRET,
      "the AWS access key id").withEnvironment("AWS_ACCESS_KEY_ID");

  /** Its secret ({@code AWS_SECRET_ACCESS_KEY}). */
  public static final Setting SECRET_ACCESS_KEY = Setting.of("llmtck.bedrock.secretAccessKey", Kind.SECRET,
      "the AWS secret access key").withEnvironment("AWS_SECRET_ACCESS_KEY");

  /** The session token of temporary credentials ({@code AWS_SESSION_TOKEN}); optional. */
  public static final Setting SESSION_TOKEN = Setting.of("llmtck.bedrock.sessionToken", Kind.SECRET,
      "the AWS session token").withEnvironment("AWS_SESSION_TOKEN");

  /**
   * A Bedrock API key ({@code AWS_BEARER_TOKEN_BEDROCK}), sent as {@code Authorization: Bearer <key>} by BDR-AUTH-6;
   * optional (BDR-AUTH-6 is skipped without one). The SigV4 credentials above are still needed by every other clause.
   */
  public static final Setting API_KEY = Setting.of("llmtck.bedrock.apiKey", Kind.SECRET,
      "a Bedrock API key (Authorization: Bearer)").withEnvironment("AWS_BEARER_TOKEN_BEDROCK")
      .withSecretEnvField("apiKeyEnv");

  /** A model id known to exist but not enabled for the account (BDR-ERR-1 is skipped without one). */
  public static final Setting DISABLED_MODEL_ID = Setting.of("llmtck.bedrock.disabledModelId", Kind.TEXT,
      "a model id the account has not enabled");

  /** A model id served only through inference profiles (BDR-MODEL-2 is skipped without one). */
  public static final Setting PROFILE_ONLY_MODEL_ID = Setting.of("llmtck.bedrock.profileOnlyModelId", Kind.TEXT,
      "a model id invocable only through an inference profile");

  /**
   * {@code true} when the target is an llmtck Bedrock mock whose faults the kit may switch over HTTP (BDR-ERR-5,
   * BDR-STREAM-4); never set it for real Bedrock.
   */
  public static final Setting FAULT_CONTROL = Setting.of("llmtck.bedrock.faultControl", Kind.BOOLEAN,
      "the target is llmtck's mock, whose faults the kit may switch");

  /** All of them. */
  public static final List<Setting> ALL = List.of(ENDPOINT, REGION, MODEL_ID, ACCESS_KEY_ID, SECRET_ACCESS_KEY,
      SESSION_TOKEN, API_KEY, DISABLED_MODEL_ID, PROFILE_ONLY_MODEL_ID, FAULT_CONTROL);

  private BedrockSettings() {
  }
}
