package dev.llmtck.tck.azure;

/**
 * The documents the AZ clauses cite, named exactly (repository, file, api-version), so a clause's {@code source}
 * says which text it checks and a reader can open it.
 */
final class AzureSources {
  /** The stable data-plane inference spec the deployment paths follow. */
  static final String INFERENCE = "azure-rest-api-specs specification/cognitiveservices/data-plane/AzureOpenAI/"
      + "inference/stable/2024-10-21/inference.json, api-version 2024-10-21";
  /** The v1 API ({@code /openai/v1/...}, {@code model} naming the deployment). */
  static final String V1 = "azure-rest-api-specs specification/ai/data-plane/OpenAI.v1/azure-v1-v1-generated.json, "
      + "api-version v1";
  /** The content filter's streaming modes (default and Asynchronous Filter). */
  static final String CONTENT_STREAMING = "Azure docs \"Content filter streaming\" (MicrosoftDocs/azure-ai-docs "
      + "articles/ai-foundry/openai/concepts/content-streaming.md)";

  private AzureSources() {
  }
}
