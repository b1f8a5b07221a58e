package dev.llmtck.tck.azure;

import dev.llmtck.fixtures.azure.AzureOpenAiMock;
import dev.llmtck.tck.target.TargetKeys;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.TestAbortedException;

/**
 * Gives Azure clauses their {@link AzureTarget} and an {@link AzureClient} that records evidence. The target
 * comes from the {@code llmtck.azure.*} configuration keys; with no endpoint configured, the kit starts its
 * embedded {@link AzureOpenAiMock} once per run and certifies that. An endpoint without a key or a deployment
 * aborts every clause with a reason that names the missing key, rather than failing them.
 */
public final class AzureTargetExtension implements BeforeEachCallback, ParameterResolver {
  static final String EMBEDDED_PROMPT_TERM = "llmtck-filter-prompt";
  static final String EMBEDDED_ANSWER_TERM = "llmtck-filter-answer";
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
      AzureTargetExtension.class);

  /** Resolves the target before each clause, so an incomplete one aborts the clause (skipped) rather than fails it. */
  @Override
  public void beforeEach(ExtensionContext context) {
    target(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == AzureTarget.class || type == AzureClient.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    AzureTarget target = target(context);
    if (parameter.getParameter().getType() == AzureTarget.class) {
      return target;
    }
    return new AzureClient(target, context::publishReportEntry);
  }

  private static AzureTarget target(ExtensionContext context) {
    ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
    Object resolved = store.computeIfAbsent("target", key -> resolve(context));
    if (resolved instanceof TestAbortedException aborted) {
      throw aborted;
    }
    if (resolved instanceof Embedded embedded) {
      return embedded.target;
    }
    return (AzureTarget) resolved;
  }

  private static Object resolve(ExtensionContext context) {
    Duration timeout = Duration.ofSeconds(context.getConfigurationParameter(TargetKeys.TIMEOUT_SECONDS)
        .map(Long::parseLong).orElse(60L));
    String version = context.getConfigurationParameter(TargetKeys.AZURE_API_VERSION)
        .orElse(AzureTarget.DEFAULT_API_VERSION);
    var endpoint = context.getConfigurationParameter(TargetKeys.AZURE_ENDPOINT).filter(s -> !s.isBlank());
    if (endpoint.isEmpty()) {
      return Embedded.start(timeout, version);
    }
    var key = context.getConfigurationParameter(TargetKeys.AZURE_API_KEY).filter(s -> !s.isBlank());
    var deployment = context.getConfigurationParameter(TargetKeys.AZURE_DEPLOYMENT).filter(s -> !s.isBlank());
    if (key.isEmpty() || deployment.isEmpty()) {
      return new TestAbortedException("Azure target " + endpoint.get() + " is incomplete: set "
          + (key.isEmpty() ? TargetKeys.AZURE_API_KEY + " (or AZURE_OPENAI_API_KEY) " : "")
          + (deployment.isEmpty() ? TargetKeys.AZURE_DEPLOYMENT + " (or --deployment)" : ""));
    }
    return new AzureTarget(URI.create(endpoint.get()), key.get(), deployment.get(), version, timeout,
        context.getConfigurationParameter(TargetKeys.AZURE_FILTERED_PROMPT).orElse(null),
        context.getConfigurationParameter(TargetKeys.AZURE_FILTERED_ANSWER_PROMPT).orElse(null),
        context.getConfigurationParameter(TargetKeys.AZURE_FAULT_CONTROL).map(Boolean::parseBoolean).orElse(false),
        false);
  }

  /** The embedded mock and the target pointing at it; the store closes it (AutoCloseable) when the run ends. */
  private static final class Embedded implements AutoCloseable {
    final AzureOpenAiMock mock;
    final AzureTarget target;

    private Embedded(AzureOpenAiMock mock, AzureTarget target) {
      this.mock = mock;
      this.target = target;
    }

    static Embedded start(Duration timeout, String version) {
      String key = "embedded-" + UUID.randomUUID();
      AzureOpenAiMock mock = AzureOpenAiMock.builder()
          .apiKey(key)
          .deployment("gpt-4o", "gpt-4o-2024-08-06")
          .promptFilterTerm(EMBEDDED_PROMPT_TERM)
          .answerFilterTerm(EMBEDDED_ANSWER_TERM)
          .start();
      AzureTarget target = new AzureTarget(mock.endpoint(), key, "gpt-4o", version, timeout,
          "Repeat after me: " + EMBEDDED_PROMPT_TERM, "Write a story about " + EMBEDDED_ANSWER_TERM, true, true);
      return new Embedded(mock, target);
    }

    @Override
    public void close() {
      mock.close();
    }
  }
}
