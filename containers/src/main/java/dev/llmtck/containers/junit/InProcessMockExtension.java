package dev.llmtck.containers.junit;

import java.net.URI;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The lifecycle the in-process mock extensions share, as WireMock's {@code WireMockExtension} has it: registered
 * on a static field ({@code @RegisterExtension static ...}) the mock runs once for the class, started before the
 * first test and stopped after the last; on an instance field, one mock per test. Test and lifecycle methods take
 * the mock's URI ({@link #uri()}) or the mock itself as parameters. {@code @Nested} classes share the outer
 * class's mock, which stops when the class that started it ends. Only the JUnit Jupiter API of 5.10 is used, so
 * these run on JUnit 5.10 and later, 6 included.
 *
 * @param <T> the mock type
 */
abstract class InProcessMockExtension<T extends AutoCloseable>
    implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback, ParameterResolver {

  private final Supplier<T> starter;
  private final Class<T> type;
  private T running;
  private boolean perTest;
  /** The unique id of the context that started the running mock: only that context's end stops it. */
  private String startedBy;

  InProcessMockExtension(Class<T> type, Supplier<T> starter) {
    this.type = type;
    this.starter = starter;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    // A @Nested class inherits the outer class's static extension: it shares the running mock.
    if (running == null) {
      start(context, false);
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (running == null) {
      start(context, true);
    }
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    if (perTest && context.getUniqueId().equals(startedBy)) {
      stop();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (context.getUniqueId().equals(startedBy)) {
      stop();
    }
  }

  private void start(ExtensionContext context, boolean forOneTest) {
    running = starter.get();
    startedBy = context.getUniqueId();
    perTest = forOneTest;
  }

  private void stop() throws Exception {
    if (running != null) {
      try {
        stopped(running);
        running.close();
      } finally {
        running = null;
        startedBy = null;
      }
    }
  }

  /** What a subclass releases with the mock (clients it made). */
  void stopped(T mock) {
  }

  /** The running mock. */
  final T running() {
    if (running == null) {
      throw new IllegalStateException(getClass().getSimpleName() + " is not running: register it with"
          + " @RegisterExtension (static for one mock per class), and use it inside a test or a lifecycle method");
    }
    return running;
  }

  /** The URI a parameter of type {@link URI} receives. */
  abstract URI uri();

  /** Whether a further parameter type is resolved by the subclass (compared by name: its library may be absent). */
  boolean supportsMore(Class<?> parameterType) {
    return false;
  }

  /** The value of such a parameter. */
  Object resolveMore(Class<?> parameterType) {
    throw new ParameterResolutionException("unsupported parameter type " + parameterType.getName());
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
    Class<?> wanted = parameter.getParameter().getType();
    return wanted == URI.class || wanted == type || supportsMore(wanted);
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
    Class<?> wanted = parameter.getParameter().getType();
    if (wanted == URI.class) {
      return uri();
    }
    return wanted == type ? running() : resolveMore(wanted);
  }
}
