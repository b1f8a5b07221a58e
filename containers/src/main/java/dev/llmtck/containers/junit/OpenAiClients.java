package dev.llmtck.containers.junit;

import java.net.URI;

/** openai-java, touched only here, so the extensions load without it. */
final class OpenAiClients {
  private OpenAiClients() {
  }

  static Object create(URI baseUrl, String apiKey) {
    try {
      Class.forName("com.openai.client.okhttp.OpenAIOkHttpClient", false, OpenAiClients.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("an OpenAIClient parameter needs openai-java on the test class path"
          + " (com.openai:openai-java)", e);
    }
    return Holder.create(baseUrl, apiKey);
  }

  static void close(Object client) {
    ((com.openai.client.OpenAIClient) client).close();
  }

  private static final class Holder {
    static Object create(URI baseUrl, String apiKey) {
      return com.openai.client.okhttp.OpenAIOkHttpClient.builder().baseUrl(baseUrl.toString())
          // openai-java insists on a key; a platform without one accepts any.
          .apiKey(apiKey == null ? "llmtck-no-key" : apiKey).build();
    }
  }
}
