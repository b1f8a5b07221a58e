package dev.llmtck.tck.runner.fake;

import dev.llmtck.tck.openai.OpenAiSettings;
import dev.llmtck.tck.platform.CommonSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.TestAbortedException;
import dev.llmtck.tck.clause.RequiresCapability;

/**
 * The target of the fake contract the runner's tests run: read from the same configuration keys as the OpenAI
 * contract, so the tests exercise the real flag and profile handling. Skips clauses whose capability is not
 * declared, as the real contracts do.
 */
public final class FakeTarget implements ParameterResolver, BeforeEachCallback {
  final URI baseUrl;
  final String apiKey;
  final Duration timeout;

  FakeTarget(URI baseUrl, String apiKey, Duration timeout) {
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
    this.timeout = timeout;
  }

  /** For JUnit's {@code @ExtendWith}. */
  public FakeTarget() {
    this(null, null, null);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (context.getConfigurationParameter(OpenAiSettings.BASE_URL.key()).isEmpty()) {
      throw new TestAbortedException("the fake contract runs only under the runner's tests, which set a base URL");
    }
    RequiresCapability required = context.getRequiredTestMethod().getAnnotation(RequiresCapability.class);
    Set<String> declared = context.getConfigurationParameter(CommonSettings.CAPABILITIES.key())
        .map(s -> Arrays.stream(s.split(",")).map(String::strip).collect(Collectors.toSet())).orElse(Set.of());
    if (required != null && !declared.contains(required.value())) {
      throw new TestAbortedException("the target does not declare capability '" + required.value() + "'");
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == FakeTarget.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    String base = context.getConfigurationParameter(OpenAiSettings.BASE_URL.key())
        .orElseThrow();
    return new FakeTarget(URI.create(base), context.getConfigurationParameter(OpenAiSettings.API_KEY.key()).orElse(null),
        Duration.ofSeconds(context.getConfigurationParameter(CommonSettings.TIMEOUT_SECONDS.key()).map(Long::parseLong)
            .orElse(60L)));
  }
}
