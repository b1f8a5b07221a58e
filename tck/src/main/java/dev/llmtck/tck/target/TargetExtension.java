package dev.llmtck.tck.target;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a platform's clauses the run's target and a client for it that records evidence. The target is
 * resolved once per run ({@link RunTarget}) and before each clause, so an incomplete configuration aborts the
 * clause (skipped) rather than failing it; each clause gets its own client, publishing on that clause.
 *
 * @param <T> the platform's target type
 * @param <C> the platform's client type
 */
public abstract class TargetExtension<T, C> implements BeforeEachCallback, ParameterResolver {
  private final Class<T> targetType;
  private final Class<C> clientType;

  /** For a platform whose clauses take parameters of these two types. */
  protected TargetExtension(Class<T> targetType, Class<C> clientType) {
    this.targetType = targetType;
    this.clientType = clientType;
  }

  /** Resolves the target from the configuration parameters: configured, embedded or incomplete. */
  protected abstract RunTarget<T> resolve(ExtensionContext root);

  /** A client for {@code target} publishing its evidence on the running clause ({@code context}). */
  protected abstract C client(T target, ExtensionContext context);

  /** Resolves the target before each clause, so an incomplete one aborts the clause (skipped) rather than fails it. */
  @Override
  public final void beforeEach(ExtensionContext context) {
    target(context);
  }

  @Override
  public final boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == targetType || type == clientType;
  }

  @Override
  public final Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    T target = target(context);
    if (parameter.getParameter().getType() == targetType) {
      return target;
    }
    return client(target, context);
  }

  private T target(ExtensionContext context) {
    return RunTarget.of(context, getClass(), this::resolve);
  }
}
