package dev.llmtck.tck.platform.echo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmtck.tck.clause.ContractClauses;
import dev.llmtck.tck.clause.Proves;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The echo clauses fail on a server that shouts. */
class EchoProofTest {
  private static final ContractClauses CONTRACT = ContractClauses.of(new EchoPlatform().contractClasses());

  @Test
  @Proves({"ECHO-BASIC-1", "ECHO-CASE-1"})
  void aShoutingServerFailsTheCaseClauseOnlyAndAMissingOneFailsBoth() {
    try (EchoServer shouting = EchoServer.start(true)) {
      Map<String, String> config = Map.of(EchoPlatform.URL.key(), shouting.url().toString());
      assertThat(CONTRACT.run("ECHO-BASIC-1", config).testEvents().succeeded().count()).isEqualTo(1);
      assertThat(CONTRACT.run("ECHO-CASE-1", config).testEvents().failed().count()).isEqualTo(1);
    }
    Map<String, String> nothing = Map.of(EchoPlatform.URL.key(), "http://127.0.0.1:9");
    assertThat(CONTRACT.run("ECHO-BASIC-1", nothing).testEvents().failed().count()).isEqualTo(1);
  }
}
