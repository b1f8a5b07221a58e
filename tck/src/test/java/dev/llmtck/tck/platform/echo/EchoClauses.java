package dev.llmtck.tck.platform.echo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmtck.tck.clause.Clause;
import dev.llmtck.tck.clause.Level;

/** The echo platform's contract. */
@EchoContract
public class EchoClauses {

  @Clause(id = "ECHO-BASIC-1", level = Level.MUST, statement = "GET /echo?text=hi answers hi",
      source = "the echo platform's own rule (a test platform)")
  void echoesTheText(EchoClient client) throws Exception {
    assertThat(client.echo("hi")).as("the echo of 'hi'").isEqualToIgnoringCase("hi");
  }

  @Clause(id = "ECHO-CASE-1", level = Level.SHOULD, statement = "the echo keeps the text's case",
      source = "the echo platform's own rule (a test platform)")
  void keepsTheCase(EchoClient client) throws Exception {
    assertThat(client.echo("Hello")).as("the echo of 'Hello'").isEqualTo("Hello");
  }
}
