package dev.llmtck.tck.platform;

import java.util.Objects;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/**
 * The target one engine run certifies, resolved once and kept in the run's root store: a configured endpoint,
 * the kit's embedded reference platform (closed by the store when the run ends), or an incomplete configuration
 * that aborts every clause with the same reason rather than failing them.
 *
 * <p>A {@link Platform} builds one of these from its settings ({@link Platform#open}); the runner opens it before
 * the run and closes it after, and {@link PlatformExtension} reads it back, so an embedded platform starts at most
 * once however many clauses ask for the target.
 *
 * @param <T> the platform's target type
 */
@SuppressWarnings("deprecation") // CloseableResource: how JUnit 5.10 to 5.12 close stored values; 5.13 on close AutoCloseable
public final class RunTarget<T> implements AutoCloseable, ExtensionContext.Store.CloseableResource {
  private final T target;
  private final AutoCloseable platform;
  private final String incomplete;
  private final RuntimeException failure;
  private boolean closed;

  private RunTarget(T target, AutoCloseable platform, String incomplete, RuntimeException failure) {
    this.target = target;
    this.platform = platform;
    this.incomplete = incomplete;
    this.failure = failure;
  }

  /** A target the operator configured; nothing to close when the run ends. */
  public static <T> RunTarget<T> configured(T target) {
    return new RunTarget<>(Objects.requireNonNull(target, "target"), null, null, null);
  }

  /** A target pointing at an embedded platform the kit started; the platform is closed when the run ends. */
  public static <T> RunTarget<T> embedded(T target, AutoCloseable platform) {
    return new RunTarget<>(Objects.requireNonNull(target, "target"), Objects.requireNonNull(platform, "platform"),
        null, null);
  }

  /** A configuration that cannot be certified; every clause aborts with {@code reason}. */
  public static <T> RunTarget<T> incomplete(String reason) {
    return new RunTarget<>(null, null, Objects.requireNonNull(reason, "reason"), null);
  }

  /** A target that could not be set up (say, its embedded platform did not start); every clause fails with it. */
  public static <T> RunTarget<T> failed(RuntimeException failure) {
    return new RunTarget<>(null, null, null, Objects.requireNonNull(failure, "failure"));
  }

  /**
   * The run's target for {@code owner}, resolving it on first use and keeping it in the engine's root store, which
   * closes it when the run ends.
   *
   * @throws TestAbortedException when the configuration is {@linkplain #incomplete incomplete}
   */
  @SuppressWarnings({"unchecked", "deprecation"})
  static <T> T of(ExtensionContext context, Object owner, Function<ExtensionContext, RunTarget<T>> resolve) {
    ExtensionContext root = context.getRoot();
    // getOrComputeIfAbsent: the Store method JUnit 5.10 to 6 all have (6 adds computeIfAbsent, which 5.x lacks)
    RunTarget<T> resolved = root.getStore(ExtensionContext.Namespace.create(RunTarget.class, owner))
        .getOrComputeIfAbsent(RunTarget.class, key -> resolve.apply(root), RunTarget.class);
    return resolved.target();
  }

  /**
   * The target, for the clause that asks.
   *
   * @throws TestAbortedException when the configuration is {@linkplain #incomplete incomplete}
   */
  public T target() {
    if (failure != null) {
      throw failure;
    }
    if (incomplete != null) {
      throw new TestAbortedException(incomplete);
    }
    return target;
  }

  /** Closes the embedded platform, if any; the root store calls this when the run ends. */
  @Override
  public synchronized void close() throws Exception {
    if (closed) {
      return;
    }
    closed = true;
    if (platform != null) {
      platform.close();
    }
  }
}
