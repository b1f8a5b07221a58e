package dev.llmtck.tck.launch;

import dev.llmtck.tck.console.NoStackTraceInConsoles;
import org.junit.jupiter.api.extension.ExtendWith;
import dev.llmtck.tck.console.Consoles;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmtck.containers.junit.RequiresDocker;
import dev.llmtck.tck.cli.LlmtckMain;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./llmtck run --profile profiles/vllm-simulator-container.yaml}: the kit starts the container itself. */
@RequiresDocker
@ExtendWith(NoStackTraceInConsoles.class)
class VllmSimulatorContainerProfileIT {

  @Test
  void theRunStartsTheSimulatorContainerAndCertifiesIt(@TempDir Path reports) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int exit = LlmtckMain.run(new String[] {"run", "--profile", "../profiles/vllm-simulator-container.yaml",
        "--report-dir", reports.toString()}, Consoles.capture(out),
        Consoles.capture(err));

    String console = out.toString(StandardCharsets.UTF_8);
    assertThat(exit).as(console + err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(console).contains("launched llmtck/vllm-simulator:").contains("serving mistral-7b");
    assertThat(console).doesNotContain("llmtck-"); // the launcher's random key is masked
    assertThat(Files.readString(reports.resolve("report.json"))).contains("OAI-CHAT-1");
  }
}
