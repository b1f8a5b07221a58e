package dev.llmtck.containers.junit;

import dev.llmtck.containers.DockerRequirement;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** {@link RequiresDocker}'s condition: an exception here fails the class, which is what CI needs. */
final class DockerCondition implements ExecutionCondition {

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    return DockerRequirement.isSatisfied() ? ConditionEvaluationResult.enabled("a Docker engine answers")
        : ConditionEvaluationResult.disabled("no Docker engine answers (outside CI: skipped)");
  }
}
