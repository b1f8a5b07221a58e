package dev.llmtck.containers.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmtck.fixtures.azure.AzureOpenAiMock;
import dev.llmtck.fixtures.bedrock.BedrockRuntimeMock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The in-process Bedrock and Azure mocks as JUnit extensions, each resolving its endpoint as a URI. */
class MockExtensionsTest {
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Nested
  class Bedrock {
    @RegisterExtension
    static BedrockMockExtension bedrock = BedrockMockExtension.newInstance()
        .configure(mock -> mock.region("eu-west-1")).build();

    @Test
    void injectsTheEndpointAndTheMock(URI endpoint, BedrockRuntimeMock mock) throws Exception {
      assertThat(endpoint).isEqualTo(mock.endpoint()).isEqualTo(bedrock.endpoint());
      assertThat(mock.region()).isEqualTo("eu-west-1");
      assertThat(ready(endpoint)).isEqualTo(200);
    }
  }

  @Nested
  class Azure {
    @RegisterExtension
    static AzureOpenAiMockExtension azure = AzureOpenAiMockExtension.newInstance()
        .configure(mock -> mock.apiKey("secret").deployment("gpt-4o", "gpt-4o-2024-08-06")).build();

    @Test
    void injectsTheEndpointAndTheMock(URI endpoint, AzureOpenAiMock mock) throws Exception {
      assertThat(endpoint).isEqualTo(azure.endpoint());
      assertThat(azure.v1BaseUrl()).isEqualTo(mock.v1BaseUrl());
      assertThat(mock.deployments()).containsKey("gpt-4o");
      assertThat(ready(endpoint)).isEqualTo(200);
    }
  }

  private static int ready(URI endpoint) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(endpoint.resolve("/llmtck/ready")).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
