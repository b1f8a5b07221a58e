package dev.llmtck.tck.junit;

import dev.llmtck.tck.azure.AzureSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * The Azure OpenAI contract (every {@code AZ-*} clause) as JUnit tests of your own, one per clause (see
 * {@link ContractVerification}): subclass it and say where the resource is.
 *
 * <pre>{@code
 * class MyAzureContractTest extends AzureOpenAiContractVerification {
 *   protected String endpoint() { return "https://my-resource.openai.azure.com"; }
 *   protected String apiKey() { return System.getenv("AZURE_OPENAI_API_KEY"); }
 *   protected String deployment() { return "gpt-4o"; }
 * }
 * }</pre>
 */
public abstract class AzureOpenAiContractVerification extends ContractVerification {

  /** The resource endpoint, e.g. {@code https://name.openai.azure.com}. */
  protected abstract String endpoint();

  /** The {@code api-key}. Never printed. */
  protected abstract String apiKey();

  /** The deployment to certify. */
  protected abstract String deployment();

  /** Further settings ({@link AzureSettings}): api-version, prompts the content filter refuses, ... */
  protected Map<String, String> settings() {
    return Map.of();
  }

  @Override
  protected final String platform() {
    return "azure";
  }

  @Override
  protected final Map<String, String> targetSettings() {
    Map<String, String> settings = new LinkedHashMap<>(settings());
    settings.put(AzureSettings.ENDPOINT.key(), endpoint());
    settings.put(AzureSettings.API_KEY.key(), apiKey());
    settings.put(AzureSettings.DEPLOYMENT.key(), deployment());
    return settings;
  }

  @Override
  protected final Set<String> secretKeys() {
    return Set.of(AzureSettings.API_KEY.key());
  }

  @Test
  void AZ_AUTH_1(TestReporter reporter) {
    verify("AZ-AUTH-1", reporter);
  }

  @Test
  void AZ_AUTH_2(TestReporter reporter) {
    verify("AZ-AUTH-2", reporter);
  }

  @Test
  void AZ_AUTH_3(TestReporter reporter) {
    verify("AZ-AUTH-3", reporter);
  }

  @Test
  void AZ_AUTH_4(TestReporter reporter) {
    verify("AZ-AUTH-4", reporter);
  }

  @Test
  void AZ_BODY_1(TestReporter reporter) {
    verify("AZ-BODY-1", reporter);
  }

  @Test
  void AZ_BODY_2(TestReporter reporter) {
    verify("AZ-BODY-2", reporter);
  }

  @Test
  void AZ_BODY_3(TestReporter reporter) {
    verify("AZ-BODY-3", reporter);
  }

  @Test
  void AZ_BODY_4(TestReporter reporter) {
    verify("AZ-BODY-4", reporter);
  }

  @Test
  void AZ_BODY_5(TestReporter reporter) {
    verify("AZ-BODY-5", reporter);
  }

  @Test
  void AZ_ERR_1(TestReporter reporter) {
    verify("AZ-ERR-1", reporter);
  }

  @Test
  void AZ_ERR_2(TestReporter reporter) {
    verify("AZ-ERR-2", reporter);
  }

  @Test
  void AZ_ERR_3(TestReporter reporter) {
    verify("AZ-ERR-3", reporter);
  }

  @Test
  void AZ_ERR_4(TestReporter reporter) {
    verify("AZ-ERR-4", reporter);
  }

  @Test
  void AZ_ERR_5(TestReporter reporter) {
    verify("AZ-ERR-5", reporter);
  }

  @Test
  void AZ_PATH_1(TestReporter reporter) {
    verify("AZ-PATH-1", reporter);
  }

  @Test
  void AZ_PATH_2(TestReporter reporter) {
    verify("AZ-PATH-2", reporter);
  }

  @Test
  void AZ_PATH_3(TestReporter reporter) {
    verify("AZ-PATH-3", reporter);
  }

  @Test
  void AZ_PATH_4(TestReporter reporter) {
    verify("AZ-PATH-4", reporter);
  }

  @Test
  void AZ_VERSION_1(TestReporter reporter) {
    verify("AZ-VERSION-1", reporter);
  }

  @Test
  void AZ_VERSION_2(TestReporter reporter) {
    verify("AZ-VERSION-2", reporter);
  }

  @Test
  void AZ_VERSION_3(TestReporter reporter) {
    verify("AZ-VERSION-3", reporter);
  }

  @Test
  void AZ_STREAM_1(TestReporter reporter) {
    verify("AZ-STREAM-1", reporter);
  }

  @Test
  void AZ_TOOLS_1(TestReporter reporter) {
    verify("AZ-TOOLS-1", reporter);
  }

  @Test
  void AZ_TOOLS_2(TestReporter reporter) {
    verify("AZ-TOOLS-2", reporter);
  }

  @Test
  void AZ_TOOLS_3(TestReporter reporter) {
    verify("AZ-TOOLS-3", reporter);
  }

  @Test
  void AZ_TOOLS_4(TestReporter reporter) {
    verify("AZ-TOOLS-4", reporter);
  }

  @Test
  void AZ_TOOLS_5(TestReporter reporter) {
    verify("AZ-TOOLS-5", reporter);
  }
}
