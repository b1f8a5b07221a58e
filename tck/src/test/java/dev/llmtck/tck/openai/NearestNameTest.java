package dev.llmtck.tck.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NearestNameTest {

  @Test
  void suggestsTheListedNameATypoWasMeantToBe() {
    List<String> listed = List.of("mistral-7b-instruct", "codestral-22b", "llama-3-8b");

    assertThat(NearestName.to("codestral-22", listed)).contains("codestral-22b");
    assertThat(NearestName.to("Codestral-22B", listed)).contains("codestral-22b");
    assertThat(NearestName.to("mistral-7b-instrcut", listed)).contains("mistral-7b-instruct");
  }

  @Test
  void suggestsNothingForAnUnrelatedNameOrAnEmptyList() {
    assertThat(NearestName.to("gpt-4o", List.of("mistral-7b-instruct", "codestral-22b"))).isEmpty();
    assertThat(NearestName.to("codestral-22b", List.of())).isEmpty();
    assertThat(NearestName.to("codestral-22b", List.of("codestral-22b"))).as("the same name is no typo").isEmpty();
  }

  @Test
  void distanceCountsEditsBothWays() {
    assertThat(NearestName.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(NearestName.distance("", "abc")).isEqualTo(3);
    assertThat(NearestName.distance("abc", "abc")).isZero();
  }
}
