package dev.llmtck.tck.openai;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VllmVersionTest {

  @ParameterizedTest
  @CsvSource({
      "0.6.4, 0.6.4.post1",
      "0.6.4.post1, 0.6.5",
      "0.10.1rc1, 0.10.1",
      "0.11.0rc2.dev5+g1234abc, 0.11.0",
      "0.9.2, 0.10.0",
      "0.6.4.post1, 0.6.4.post2"
  })
  void ordersReleasesAsPep440Does(String older, String newer) {
    assertThat(VllmVersion.parse(older).orElseThrow()).isLessThan(VllmVersion.parse(newer).orElseThrow());
  }

  @Test
  void theMinimumIsTheFirstSupportedRelease() {
    assertThat(VllmVersion.parse("0.6.4.post1").orElseThrow()).isEqualByComparingTo(VllmVersion.MINIMUM);
    assertThat(VllmVersion.parse("v0.6.3").orElseThrow()).isLessThan(VllmVersion.MINIMUM);
  }

  @Test
  void rejectsWhatIsNotAVersion() {
    assertThat(VllmVersion.parse("latest")).isEmpty();
    assertThat(VllmVersion.parse("")).isEmpty();
  }
}
