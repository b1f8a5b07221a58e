package dev.llmtck.tck.junit;

import dev.llmtck.tck.bedrock.BedrockSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * The Bedrock runtime contract (every {@code BDR-*} clause) as JUnit tests of your own, one per clause (see
 * {@link ContractVerification}): subclass it and give the endpoint (or none, for AWS's regional one), region,
 * credentials and model.
 *
 * <pre>{@code
 * class MyBedrockContractTest extends BedrockContractVerification {
 *   protected String endpoint() { return "https://vpce-0123.bedrock-runtime.us-east-1.vpce.amazonaws.com"; }
 *   protected String region() { return "us-east-1"; }
 *   protected String accessKeyId() { return System.getenv("AWS_ACCESS_KEY_ID"); }
 *   protected String secretAccessKey() { return System.getenv("AWS_SECRET_ACCESS_KEY"); }
 *   protected String modelId() { return "us.anthropic.claude-3-5-sonnet-20241022-v2:0"; }
 * }
 * }</pre>
 */
public abstract class BedrockContractVerification extends ContractVerification {

  /** The runtime endpoint override, or {@code null} for AWS's regional endpoint. */
  protected String endpoint() {
    return null;
  }

  /** The AWS region. */
  protected abstract String region();

  /** The access key id. Never printed. */
  protected abstract String accessKeyId();

  /** Its secret. Never printed. */
  protected abstract String secretAccessKey();

  /** The session token of temporary credentials, or {@code null}. Never printed. */
  protected String sessionToken() {
    return null;
  }

  /** The model id or inference profile id to certify. */
  protected abstract String modelId();

  /** Further settings ({@link BedrockSettings}): a disabled model, a profile-only model, ... */
  protected Map<String, String> settings() {
    return Map.of();
  }

  @Override
  protected final String platform() {
    return "bedrock";
  }

  @Override
  protected final Map<String, String> targetSettings() {
    Map<String, String> settings = new LinkedHashMap<>(settings());
    if (endpoint() != null) {
      settings.put(BedrockSettings.ENDPOINT.key(), endpoint());
    }
    settings.put(BedrockSettings.REGION.key(), region());
    settings.put(BedrockSettings.ACCESS_KEY_ID.key(), accessKeyId());
    settings.put(BedrockSettings.SECRET_ACCESS_KEY.key(), secretAccessKey());
    if (sessionToken() != null) {
      settings.put(BedrockSettings.SESSION_TOKEN.key(), sessionToken());
    }
    settings.put(BedrockSettings.MODEL_ID.key(), modelId());
    return settings;
  }

  @Override
  protected final Set<String> secretKeys() {
    return Set.of(BedrockSettings.ACCESS_KEY_ID.key(), BedrockSettings.SECRET_ACCESS_KEY.key(),
        BedrockSettings.SESSION_TOKEN.key());
  }

  @Test
  void BDR_AUTH_1(TestReporter reporter) {
    verify("BDR-AUTH-1", reporter);
  }

  @Test
  void BDR_AUTH_2(TestReporter reporter) {
    verify("BDR-AUTH-2", reporter);
  }

  @Test
  void BDR_AUTH_3(TestReporter reporter) {
    verify("BDR-AUTH-3", reporter);
  }

  @Test
  void BDR_AUTH_4(TestReporter reporter) {
    verify("BDR-AUTH-4", reporter);
  }

  @Test
  void BDR_AUTH_5(TestReporter reporter) {
    verify("BDR-AUTH-5", reporter);
  }

  @Test
  void BDR_AUTH_6(TestReporter reporter) {
    verify("BDR-AUTH-6", reporter);
  }

  @Test
  void BDR_AUTH_7(TestReporter reporter) {
    verify("BDR-AUTH-7", reporter);
  }

  @Test
  void BDR_AUTH_8(TestReporter reporter) {
    verify("BDR-AUTH-8", reporter);
  }

  @Test
  void BDR_CONVERSE_1(TestReporter reporter) {
    verify("BDR-CONVERSE-1", reporter);
  }

  @Test
  void BDR_CONVERSE_2(TestReporter reporter) {
    verify("BDR-CONVERSE-2", reporter);
  }

  @Test
  void BDR_CONVERSE_3(TestReporter reporter) {
    verify("BDR-CONVERSE-3", reporter);
  }

  @Test
  void BDR_ENDPOINT_1(TestReporter reporter) {
    verify("BDR-ENDPOINT-1", reporter);
  }

  @Test
  void BDR_ERR_1(TestReporter reporter) {
    verify("BDR-ERR-1", reporter);
  }

  @Test
  void BDR_ERR_2(TestReporter reporter) {
    verify("BDR-ERR-2", reporter);
  }

  @Test
  void BDR_ERR_3(TestReporter reporter) {
    verify("BDR-ERR-3", reporter);
  }

  @Test
  void BDR_ERR_4(TestReporter reporter) {
    verify("BDR-ERR-4", reporter);
  }

  @Test
  void BDR_ERR_5(TestReporter reporter) {
    verify("BDR-ERR-5", reporter);
  }

  @Test
  void BDR_INVOKE_1(TestReporter reporter) {
    verify("BDR-INVOKE-1", reporter);
  }

  @Test
  void BDR_INVOKE_2(TestReporter reporter) {
    verify("BDR-INVOKE-2", reporter);
  }

  @Test
  void BDR_INVOKE_3(TestReporter reporter) {
    verify("BDR-INVOKE-3", reporter);
  }

  @Test
  void BDR_MODEL_1(TestReporter reporter) {
    verify("BDR-MODEL-1", reporter);
  }

  @Test
  void BDR_MODEL_2(TestReporter reporter) {
    verify("BDR-MODEL-2", reporter);
  }

  @Test
  void BDR_SDK_1(TestReporter reporter) {
    verify("BDR-SDK-1", reporter);
  }

  @Test
  void BDR_SDK_2(TestReporter reporter) {
    verify("BDR-SDK-2", reporter);
  }

  @Test
  void BDR_SDK_3(TestReporter reporter) {
    verify("BDR-SDK-3", reporter);
  }

  @Test
  void BDR_STREAM_1(TestReporter reporter) {
    verify("BDR-STREAM-1", reporter);
  }

  @Test
  void BDR_STREAM_2(TestReporter reporter) {
    verify("BDR-STREAM-2", reporter);
  }

  @Test
  void BDR_STREAM_3(TestReporter reporter) {
    verify("BDR-STREAM-3", reporter);
  }

  @Test
  void BDR_STREAM_4(TestReporter reporter) {
    verify("BDR-STREAM-4", reporter);
  }

  @Test
  void BDR_STREAM_5(TestReporter reporter) {
    verify("BDR-STREAM-5", reporter);
  }

  @Test
  void BDR_TOOLS_1(TestReporter reporter) {
    verify("BDR-TOOLS-1", reporter);
  }

  @Test
  void BDR_TOOLS_2(TestReporter reporter) {
    verify("BDR-TOOLS-2", reporter);
  }

  @Test
  void BDR_TOOLS_3(TestReporter reporter) {
    verify("BDR-TOOLS-3", reporter);
  }

  @Test
  void BDR_TOOLS_4(TestReporter reporter) {
    verify("BDR-TOOLS-4", reporter);
  }
}
