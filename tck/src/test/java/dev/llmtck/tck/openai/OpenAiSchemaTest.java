package dev.llmtck.tck.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OpenAiSchemaTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @ParameterizedTest
  @EnumSource(OpenAiSchema.class)
  void everySchemaLoadsAndRejectsAnEmptyArray(OpenAiSchema schema) throws Exception {
    assertThat(schema.violations(MAPPER.readTree("[]"))).isNotEmpty();
  }

  @Test
  void acceptsAVllmChatCompletion() throws Exception {
    JsonNode body = MAPPER.readTree("""
        {"id":"chatcmpl-1","object":"chat.completion","created":1732500000,"model":"m",
         "choices":[{"index":0,"message":{"role":"assistant","content":"Hi","tool_calls":[]},
                     "logprobs":null,"finish_reason":"stop","stop_reason":null}],
         "usage":{"prompt_tokens":3,"total_tokens":4,"completion_tokens":1,"prompt_tokens_details":null}}
        """);

    assertThat(OpenAiSchema.CHAT_COMPLETION.violations(body)).isEmpty();
  }

  @Test
  void namesWhatIsWrongInAChatCompletion() throws Exception {
    JsonNode body = MAPPER.readTree("""
        {"id":"chatcmpl-1","object":"chat.completion","created":"yesterday","model":"m",
         "choices":[{"index":0,"message":{"role":"user","content":"Hi"},"finish_reason":"stop"}],
         "usage":{"prompt_tokens":3,"total_tokens":4}}
        """);

    assertThat(String.join("\n", OpenAiSchema.CHAT_COMPLETION.violations(body)))
        .contains("$.created", "$.choices[0].message.role", "completion_tokens");
  }

  @Test
  void modelEntriesAreCheckedApartFromTheList() throws Exception {
    JsonNode body = MAPPER.readTree("""
        {"object":"list","data":[{"id":"m","object":"model","created":1,"owned_by":"vllm","root":"/m",
          "max_model_len":4096},{"id":"n","object":"model","created":1}]}
        """);

    assertThat(OpenAiSchema.MODELS_LIST.violations(body)).isEmpty();
    assertThat(OpenAiSchema.MODEL.violations(body.get("data").get(0))).isEmpty();
    assertThat(OpenAiSchema.MODEL.violations(body.get("data").get(1))).singleElement().asString()
        .contains("owned_by");
  }

  @Test
  void tellsTheTwoErrorEnvelopesApart() throws Exception {
    JsonNode nested = MAPPER.readTree("""
        {"error":{"message":"The model `x` does not exist.","type":"NotFoundError","param":null,"code":404}}""");
    JsonNode flat = MAPPER.readTree("""
        {"object":"error","message":"The model `x` does not exist.","type":"NotFoundError","param":null,"code":404}""");

    assertThat(OpenAiSchema.ERROR_NESTED.matches(nested)).isTrue();
    assertThat(OpenAiSchema.ERROR_FLAT.matches(nested)).isFalse();
    assertThat(OpenAiSchema.ERROR_FLAT.matches(flat)).isTrue();
    assertThat(OpenAiSchema.ERROR_NESTED.matches(flat)).isFalse();
  }
}
