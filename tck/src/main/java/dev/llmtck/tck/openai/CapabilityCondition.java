package dev.llmtck.tck.openai;

import dev.llmtck.tck.clause.RequiresCapability;
import dev.llmtck.tck.target.OpenAiTarget;
import dev.llmtck.tck.target.TargetKeys;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips a clause marked {@link RequiresCapability} (on the method or its class) when the target does not declare
 * that capability. It decides per clause, never for a whole class, so every clause reports its own skip.
 */
public final class CapabilityCondition implements ExecutionCondition {

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    Optional<RequiresCapability> required = context.getTestMethod()
        .map(method -> Optional.ofNullable(method.getAnnotation(RequiresCapability.class))
            .orElse(method.getDeclaringClass().getAnnotation(RequiresCapability.class)));
    if (required.isEmpty()) {
      return ConditionEvaluationResult.enabled("no capability required");
    }
    String capability = required.get().value();
    OpenAiTarget target = OpenAiTargets.of(context);
    return target.declares(capability)
        ? ConditionEvaluationResult.enabled("the target declares '" + capability + "'")
        : ConditionEvaluationResult.disabled("the target does not declare the optional capability '" + capability
            + "' (" + TargetKeys.CAPABILITIES + ")");
  }
}
