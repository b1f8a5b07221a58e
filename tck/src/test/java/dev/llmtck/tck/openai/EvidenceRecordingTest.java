package dev.llmtck.tck.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmtck.tck.evidence.Evidence;
import dev.llmtck.tck.evidence.Redactor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Clauses publish every exchange as evidence, with the key masked everywhere. */
class EvidenceRecordingTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void everyExchangeIsPublishedWithoutTheKey() throws Exception {
    try (BrokenPlatform platform = BrokenPlatform.with(builder -> {})) {
      ClauseRun run = platform.run("OAI-AUTH-2");
      run.assertPasses();
      List<String> entries = run.reportEntries(Evidence.KEY);

      assertThat(entries).hasSize(6).noneMatch(entry -> entry.contains(BrokenPlatform.KEY));
      List<JsonNode> exchanges = new ArrayList<>();
      for (String entry : entries) {
        exchanges.add(MAPPER.readTree(entry));
      }
      assertThat(exchanges).allSatisfy(exchange -> {
        assertThat(exchange.at("/request/method").asText()).isIn("GET", "POST");
        assertThat(exchange.at("/request/url").asText()).startsWith(platform.baseUrl());
        assertThat(exchange.at("/request/headers/Authorization").asText()).isEqualTo(Redactor.MASK);
        assertThat(exchange.at("/response/status").asInt()).isIn(200, 401);
        assertThat(exchange.at("/response/timeToFirstByteMs").isIntegralNumber()).isTrue();
      });
      assertThat(exchanges.get(0).at("/response/body").asText()).contains("Unauthorized");
    }
  }

  @Test
  void streamsArePublishedWithTheirEvents() throws Exception {
    try (BrokenPlatform platform = BrokenPlatform.with(builder -> {})) {
      ClauseRun run = platform.run("OAI-STREAM-1");
      run.assertPasses();

      JsonNode exchange = MAPPER.readTree(run.reportEntries(Evidence.KEY).get(0));
      assertThat(exchange.at("/response/headers/content-type").asText()).startsWith("text/event-stream");
      assertThat(exchange.at("/response/body").asText()).contains("data: [DONE]");
    }
  }
}
