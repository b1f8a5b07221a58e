package dev.llmtck.tck.openai;

import dev.llmtck.tck.evidence.Evidence;
import dev.llmtck.tck.target.OpenAiTarget;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives clause methods the {@link OpenAiTarget} of the run and an {@link OpenAiClient} that publishes each
 * exchange as evidence on the running test ({@link Evidence#KEY}).
 */
public final class OpenAiTargetResolver implements ParameterResolver {

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == OpenAiTarget.class || type == OpenAiClient.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    OpenAiTarget target = OpenAiTargets.of(context);
    if (parameter.getParameter().getType() == OpenAiTarget.class) {
      return target;
    }
    return new OpenAiClient(target, evidence -> context.publishReportEntry(Evidence.KEY, evidence.toJson()));
  }
}
