package dev.llmtck.tck.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvidenceTest {

  private static final String KEY = "sk-live-very-secret";

  @Test
  void masksCredentialHeadersAndTheKeyEverywhere() throws Exception {
    Redactor redactor = Redactor.of(List.of(KEY));
    Evidence evidence = new Evidence(
        Evidence.request(redactor, "POST", "http://h/v1/chat?key=" + KEY,
            Map.of("Authorization", List.of("Bearer " + KEY), "X-Api-Key", List.of("other"),
                "Content-Type", List.of("application/json")),
            "{\"echo\":\"" + KEY + "\"}"),
        Evidence.response(redactor, 401, Map.of("Set-Cookie", List.of("s=1")), "{\"error\":\"" + KEY + "\"}", 12),
        null);

    String json = evidence.toJson();
    JsonNode tree = new ObjectMapper().readTree(json);

    assertThat(json).doesNotContain(KEY).doesNotContain("other").doesNotContain("s=1");
    assertThat(tree.at("/request/headers/Authorization").asText()).isEqualTo(Redactor.MASK);
    assertThat(tree.at("/request/headers/Content-Type").asText()).isEqualTo("application/json");
    assertThat(tree.at("/request/url").asText()).isEqualTo("http://h/v1/chat?key=" + Redactor.MASK);
    assertThat(tree.at("/response/status").asInt()).isEqualTo(401);
    assertThat(tree.at("/response/timeToFirstByteMs").asLong()).isEqualTo(12);
    assertThat(tree.has("failure")).isFalse();
  }

  @Test
  void cutsLongBodiesAndSaysHowMuch() {
    Redactor redactor = Redactor.of(List.of());
    Evidence.Request request = Evidence.request(redactor, "POST", "http://h", Map.of(), "x".repeat(5000));

    assertThat(request.body()).hasSize(Evidence.MAX_BODY_CHARS + "...[truncated 904 chars]".length())
        .endsWith("...[truncated 904 chars]");
  }

  @Test
  void aMissingResponseIsNullWithTheFailure() throws Exception {
    Evidence evidence = new Evidence(Evidence.request(Redactor.of(List.of()), "GET", "http://h", Map.of(), null),
        null, "no response within 1 s");

    JsonNode tree = new ObjectMapper().readTree(evidence.toJson());
    assertThat(tree.get("response").isNull()).isTrue();
    assertThat(tree.get("failure").asText()).isEqualTo("no response within 1 s");
  }

  @Test
  void ignoresSecretsTooShortToMaskSafely() {
    assertThat(Redactor.of(List.of("ab", "")).text("a cab")).isEqualTo("a cab");
  }
}
