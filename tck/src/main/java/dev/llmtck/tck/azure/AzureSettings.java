package dev.llmtck.tck.azure;

import dev.llmtck.tck.platform.Setting;
import dev.llmtck.tck.platform.Setting.Kind;
import java.util.List;

/** The settings of an Azure OpenAI target. With no endpoint, a run certifies the embedded Azure OpenAI mock. */
public final class AzureSettings {

  /** The resource endpoint, e.g. {@code https://name.openai.azure.com}. */
  public static final Setting ENDPOINT = Setting.of("llmtck.azure.endpoint", Kind.URL,
      "the Azure OpenAI resource endpoint").withFlags("--endpoint").withProfileFields("endpoint")
      .withEnvironment("AZURE_OPENAI_ENDPOINT");

  /** The {@code api-key}. */
  public static final Setting API_KEY = Setting.of("llmtck.azure.apiKey", Kind.SECRET, "the api-key")
      .withFlags("--api-key").withEnvironment("AZURE_OPENAI_API_KEY").withSecretEnvField("apiKeyEnv");

  /**
   * A Microsoft Entra ID access token for the resource (audience {@code https://cognitiveservices.azure.com}), sent
   * as {@code Authorization: Bearer} by AZ-AUTH-4, which is skipped without one. A secret: from the environment
   * ({@code AZURE_AD_TOKEN}, the variable LiteLLM reads for {@code azure_ad_token}, else
   * {@code AZURE_OPENAI_AD_TOKEN}, the openai clients'), a profile's {@code entraTokenEnv} naming another variable,
   * or {@code --set}; never printed. A token lasts about an hour: e.g.
   * {@code AZURE_AD_TOKEN=$(az account get-access-token --resource https://cognitiveservices.azure.com --query
   * accessToken -o tsv)}.
   */
  public static final Setting ENTRA_TOKEN = Setting.of("llmtck.azure.entraToken", Kind.SECRET,
      "a Microsoft Entra ID access token for the resource (Authorization: Bearer)")
      .withEnvironment("AZURE_AD_TOKEN", "AZURE_OPENAI_AD_TOKEN").withSecretEnvField("entraTokenEnv");

  /** The deployment to certify. */
  public static final Setting DEPLOYMENT = Setting.of("llmtck.azure.deployment", Kind.TEXT, "the deployment name")
      .withFlags("--deployment", "--model").withProfileFields("deployment", "model");

  /** The {@code api-version}. */
  public static final Setting API_VERSION = Setting.of("llmtck.azure.apiVersion", Kind.TEXT, "the api-version")
      .withDefault(AzureTarget.DEFAULT_API_VERSION).withFlags("--api-version").withProfileFields("apiVersion")
      .withEnvironment("OPENAI_API_VERSION");

  /** A prompt the target's content filter is known to refuse (AZ-ERR-1 is skipped without one). */
  public static final Setting FILTERED_PROMPT = Setting.of("llmtck.azure.filteredPrompt", Kind.TEXT,
      "a prompt the content filter refuses");

  /** A prompt whose answer the target's content filter is known to stop (AZ-ERR-2 is skipped without one). */
  public static final Setting FILTERED_ANSWER_PROMPT = Setting.of("llmtck.azure.filteredAnswerPrompt", Kind.TEXT,
      "a prompt whose answer the content filter stops");

  /**
   * {@code true} when the target is an llmtck Azure OpenAI mock whose faults the kit may switch over HTTP (to
   * provoke a 429 for AZ-ERR-3); never set it for a real resource.
   */
  public static final Setting FAULT_CONTROL = Setting.of("llmtck.azure.faultControl", Kind.BOOLEAN,
      "the target is llmtck's mock, whose faults the kit may switch");

  /** All of them. */
  public static final List<Setting> ALL = List.of(ENDPOINT, API_KEY, ENTRA_TOKEN, DEPLOYMENT, API_VERSION,
      FILTERED_PROMPT, FILTERED_ANSWER_PROMPT, FAULT_CONTROL);

  private AzureSettings() {
  }
}
