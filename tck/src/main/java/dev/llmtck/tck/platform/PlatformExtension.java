package dev.llmtck.tck.platform;

import dev.llmtck.tck.clause.RequiresCapability;
import java.lang.reflect.AnnotatedElement;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Gives every platform's clauses their typed target and a client that records evidence on the running clause,
 * and skips a clause whose {@link RequiresCapability} the target lacks (per clause, with the capability named).
 * Which platform a clause belongs to comes from the {@link PlatformContract} on its class's annotations. The target
 * is the one the runner registered for the run ({@link RunTargets}), or, in a run started straight from JUnit, the
 * one the platform opens once from the JUnit configuration parameters (closed when the engine run ends). An
 * incomplete configuration aborts each clause (skipped, with the reason) rather than failing it.
 */
public final class PlatformExtension implements ParameterResolver, BeforeEachCallback, ExecutionCondition {

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    Optional<RequiresCapability> required = context.getTestMethod().flatMap(PlatformExtension::capability)
        .or(() -> context.getTestMethod().flatMap(method -> capability(method.getDeclaringClass())));
    if (required.isEmpty()) {
      return ConditionEvaluationResult.enabled("no capability required");
    }
    String capability = required.get().value();
    Object target;
    try {
      target = target(context);
    } catch (org.opentest4j.TestAbortedException e) {
      return ConditionEvaluationResult.disabled(e.getMessage());
    }
    return capabilities(platform(context), target).contains(capability)
        ? ConditionEvaluationResult.enabled("the target declares '" + capability + "'")
        : ConditionEvaluationResult.disabled("the target does not declare the optional capability '" + capability
            + "' (" + CommonSettings.CAPABILITIES.key() + ")");
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    target(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Platform<?, ?> platform = platform(context);
    Class<?> type = parameter.getParameter().getType();
    return type == platform.targetType() || type == platform.clientType();
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Platform<?, ?> platform = platform(context);
    Object target = target(context);
    if (parameter.getParameter().getType() == platform.targetType()) {
      return target;
    }
    return client(platform, target, context);
  }

  /** The platform the running clause belongs to. */
  static Platform<?, ?> platform(ExtensionContext context) {
    Class<?> type = context.getRequiredTestClass();
    String id = AnnotationSupport.findAnnotation(type, PlatformContract.class).map(PlatformContract::value)
        .orElseThrow(() -> new ExtensionConfigurationException(type.getName() + " is not marked with a platform's"
            + " contract annotation (one meta-annotated @PlatformContract)"));
    return Platforms.byId(id).orElseThrow(() -> new ExtensionConfigurationException("no platform '" + id
        + "' is installed (META-INF/services/" + Platform.class.getName() + ")"));
  }

  /** The run's typed target for the running clause's platform. */
  static Object target(ExtensionContext context) {
    Platform<?, ?> platform = platform(context);
    Optional<String> run = context.getConfigurationParameter(CommonSettings.RUN.key());
    if (run.isPresent()) {
      RunTarget<?> registered = RunTargets.get(run.get());
      if (registered == null) {
        throw new ExtensionConfigurationException("run " + run.get() + " has no registered target");
      }
      return registered.target();
    }
    return RunTarget.of(context, platform.id(), root -> platform.open(Settings.from(root::getConfigurationParameter)));
  }

  @SuppressWarnings("unchecked")
  private static <T> java.util.Set<String> capabilities(Platform<T, ?> platform, Object target) {
    return platform.capabilities((T) target);
  }

  @SuppressWarnings("unchecked")
  private static <T, C> C client(Platform<T, C> platform, Object target, ExtensionContext context) {
    return platform.client((T) target, context::publishReportEntry);
  }

  private static Optional<RequiresCapability> capability(AnnotatedElement element) {
    return AnnotationSupport.findAnnotation(element, RequiresCapability.class);
  }
}
