package dev.llmtck.tck.target;

/**
 * Names of the JUnit Platform configuration parameters that describe the platform under test. The runner sets
 * them from a profile; {@code ./mvnw} users can pass them as {@code -D} system properties through Surefire's
 * {@code configurationParameters}. With no base URL set, a contract runs against the embedded reference platform.
 */
public final class TargetKeys {

  /** Which platform family a run certifies: {@code openai}, {@code bedrock} or {@code azure}. */
  public static final String PLATFORM = "llmtck.platform";

  /** Declared optional capabilities, comma separated, e.g. {@code tools}. */
  public static final String CAPABILITIES = "llmtck.capabilities";

  /** Per-request timeout in seconds (a hanging endpoint fails the clause after this long). Default 60. */
  public static final String TIMEOUT_SECONDS = "llmtck.timeoutSeconds";

  /** OpenAI-compatible base URL, ending in {@code /v1}, e.g. {@code http://gpu-box:8000/v1}. */
  public static final String OPENAI_BASE_URL = "llmtck.openai.baseUrl";

  /** The API key the platform expects as {@code Authorization: Bearer <key>}; empty when it has none. */
  public static final String OPENAI_API_KEY = "llmtck.openai.apiKey";

  /** The served model name to certify (an id listed by {@code GET /v1/models}). */
  public static final String OPENAI_MODEL = "llmtck.openai.model";

  /** The vLLM version the operator expects {@code GET /version} to report; optional. */
  public static final String OPENAI_EXPECTED_VLLM_VERSION = "llmtck.openai.expectedVllmVersion";

  /** Bedrock runtime endpoint override. */
  public static final String BEDROCK_ENDPOINT = "llmtck.bedrock.endpoint";

  /** Bedrock region. */
  public static final String BEDROCK_REGION = "llmtck.bedrock.region";

  /** Bedrock model id or inference profile id. */
  public static final String BEDROCK_MODEL_ID = "llmtck.bedrock.modelId";

  /** AWS access key id the Bedrock target accepts ({@code AWS_ACCESS_KEY_ID}). */
  public static final String BEDROCK_ACCESS_KEY_ID = "llmtck.bedrock.accessKeyId";

  /** Its secret ({@code AWS_SECRET_ACCESS_KEY}); a secret, never printed. */
  public static final String BEDROCK_SECRET_ACCESS_KEY = "llmtck.bedrock.secretAccessKey";

  /** Session token of temporary credentials ({@code AWS_SESSION_TOKEN}); optional, a secret. */
  public static final String BEDROCK_SESSION_TOKEN = "llmtck.bedrock.sessionToken";

  /** A model id known to exist but not enabled for the account (BDR-ERR-1 is skipped without one). */
  public static final String BEDROCK_DISABLED_MODEL_ID = "llmtck.bedrock.disabledModelId";

  /**
   * A model id served only through inference profiles, e.g. {@code anthropic.claude-3-7-sonnet-20250219-v1:0}
   * (BDR-MODEL-2 is skipped without one).
   */
  public static final String BEDROCK_PROFILE_ONLY_MODEL_ID = "llmtck.bedrock.profileOnlyModelId";

  /**
   * {@code true} when the Bedrock target is an llmtck Bedrock mock whose faults the kit may switch over HTTP (to
   * provoke throttling and in-stream exceptions for BDR-ERR-5 and BDR-STREAM-4); never set it for real Bedrock.
   */
  public static final String BEDROCK_FAULT_CONTROL = "llmtck.bedrock.faultControl";

  /** Azure OpenAI resource endpoint, e.g. {@code https://name.openai.azure.com}. */
  public static final String AZURE_ENDPOINT = "llmtck.azure.endpoint";

  /** Azure OpenAI {@code api-key}. */
  public static final String AZURE_API_KEY = "llmtck.azure.apiKey";

  /** Azure OpenAI deployment name. */
  public static final String AZURE_DEPLOYMENT = "llmtck.azure.deployment";

  /** Azure OpenAI {@code api-version}. */
  public static final String AZURE_API_VERSION = "llmtck.azure.apiVersion";

  /** A prompt the Azure target's content filter is known to refuse (AZ-ERR-1 is skipped without one). */
  public static final String AZURE_FILTERED_PROMPT = "llmtck.azure.filteredPrompt";

  /** A prompt whose answer the Azure target's content filter is known to stop (AZ-ERR-2 is skipped without one). */
  public static final String AZURE_FILTERED_ANSWER_PROMPT = "llmtck.azure.filteredAnswerPrompt";

  /**
   * {@code true} when the Azure target is an llmtck Azure OpenAI mock whose faults the kit may switch over HTTP
   * (to provoke a 429 for AZ-ERR-3); never set it for a real resource.
   */
  public static final String AZURE_FAULT_CONTROL = "llmtck.azure.faultControl";

  private TargetKeys() {}
}
