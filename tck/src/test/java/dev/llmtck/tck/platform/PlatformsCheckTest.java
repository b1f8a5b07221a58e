package dev.llmtck.tck.platform;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmtck.tck.platform.echo.EchoPlatform;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A platform that names a clause its contract lacks does not load: a typo must not drop a check silently. */
class PlatformsCheckTest {

  @Test
  void likelyCausesMustBeClausesOfTheContract() {
    assertThatCode(() -> Platforms.check(echoWithLikelyCauses(List.of("ECHO-BASIC-1")))).doesNotThrowAnyException();

    assertThatThrownBy(() -> Platforms.check(echoWithLikelyCauses(List.of("ECHO-BASIC-1", "ECHO-TYPO-9"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("platform echo: its likely causes name clauses its contract does not have")
        .hasMessageContaining("ECHO-TYPO-9");
  }

  /** The test platform of AddingAPlatformTest, with other likely causes. */
  private static Platform<?, ?> echoWithLikelyCauses(List<String> causes) {
    EchoPlatform echo = new EchoPlatform();
    return (Platform<?, ?>) Proxy.newProxyInstance(Platform.class.getClassLoader(), new Class<?>[] {Platform.class},
        (proxy, method, args) -> {
          if (method.getName().equals("likelyCauses")) {
            return causes;
          }
          try {
            return method.invoke(echo, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }
}
