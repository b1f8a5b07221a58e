package dev.llmtck.tck.target;

import java.util.Objects;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/**
 * The target one engine run certifies, resolved once and kept in the run's root store: a configured endpoint,
 * the kit's embedded reference platform (closed by the store when the run ends), or an incomplete configuration
 * that aborts every clause with the same reason rather than failing them.
 *
 * <p>A platform's extension builds one of these from its configuration keys and reads it back through
 * {@link #of}, so the platform starts at most once however many clauses ask for the target.
 *
 * @param <T> the platform's target type
 */
public final class RunTarget<T> implements AutoCloseable {
  private final T target;
  private final AutoCloseable platform;
  private final String incomplete;

  private RunTarget(T target, AutoCloseable platform, String incomplete) {
    this.target = target;
    this.platform = platform;
    this.incomplete = incomplete;
  }

  /** A target the operator configured; nothing to close when the run ends. */
  public static <T> RunTarget<T> configured(T target) {
    return new RunTarget<>(Objects.requireNonNull(target, "target"), null, null);
  }

  /** A target pointing at an embedded platform the kit started; the platform is closed when the run ends. */
  public static <T> RunTarget<T> embedded(T target, AutoCloseable platform) {
    return new RunTarget<>(Objects.requireNonNull(target, "target"), Objects.requireNonNull(platform, "platform"),
        null);
  }

  /** A configuration that cannot be certified; every clause aborts with {@code reason}. */
  public static <T> RunTarget<T> incomplete(String reason) {
    return new RunTarget<>(null, null, Objects.requireNonNull(reason, "reason"));
  }

  /**
   * The run's target for {@code owner} (the platform's extension class), resolving it on first use.
   *
   * @throws TestAbortedException when the configuration is {@linkplain #incomplete incomplete}
   */
  @SuppressWarnings("unchecked")
  public static <T> T of(ExtensionContext context, Class<?> owner,
      Function<ExtensionContext, RunTarget<T>> resolve) {
    ExtensionContext root = context.getRoot();
    RunTarget<T> resolved = root.getStore(ExtensionContext.Namespace.create(owner))
        .computeIfAbsent(RunTarget.class, key -> resolve.apply(root), RunTarget.class);
    return resolved.target();
  }

  private T target() {
    if (incomplete != null) {
      throw new TestAbortedException(incomplete);
    }
    return target;
  }

  /** Closes the embedded platform, if any; the root store calls this when the run ends. */
  @Override
  public void close() throws Exception {
    if (platform != null) {
      platform.close();
    }
  }
}
