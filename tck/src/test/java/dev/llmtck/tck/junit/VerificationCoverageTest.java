package dev.llmtck.tck.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each platform's verification class has exactly one test per clause of its platform, named by the clause id. */
class VerificationCoverageTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({"openai, dev.llmtck.tck.junit.OpenAiContractVerification",
      "azure, dev.llmtck.tck.junit.AzureOpenAiContractVerification",
      "bedrock, dev.llmtck.tck.junit.BedrockContractVerification"})
  void oneTestPerClause(String platform, String className) throws Exception {
    List<String> tests = Arrays.stream(Class.forName(className).getDeclaredMethods())
        .filter(m -> m.isAnnotationPresent(Test.class)).map(Method::getName).map(n -> n.replace('_', '-')).toList();

    assertThat(tests).as("the tests of %s", className).doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(ContractVerification.clauseIds(platform));
  }
}
