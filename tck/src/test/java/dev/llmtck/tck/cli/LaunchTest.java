package dev.llmtck.tck.cli;

import dev.llmtck.tck.console.NoStackTraceInConsoles;
import org.junit.jupiter.api.extension.ExtendWith;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A profile's {@code launch:} section: a {@link dev.llmtck.tck.runner.TargetLauncher} found with ServiceLoader
 * starts the target before the run and stops it after; a section no launcher supports is a configuration error.
 */
@ExtendWith(NoStackTraceInConsoles.class)
class LaunchTest {
  @TempDir
  Path dir;

  @Test
  void launcherStartsTheTargetForTheRunAndStopsItAfter() throws Exception {
    Path profile = dir.resolve("launched.yaml");
    Files.writeString(profile, "name: launched\nplatform: openai\nmodel: m\nlaunch:\n  fake: conforming\n");

    CliRun run = CliRun.run("--profile", profile.toString(), "--report-dir", dir.resolve("r").toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("launched the fake platform at http://127.0.0.1:");
    assertThat(FakeLauncher.stopped).as("the launched target is stopped after the run").isTrue();
    assertThat(run.out()).as("the profile's model with the launched URL").contains("custom_openai/m");
  }

  @Test
  void launchSectionNoLauncherSupportsIsAConfigurationError() throws Exception {
    Path profile = dir.resolve("unknown.yaml");
    Files.writeString(profile, "name: gpu\nplatform: openai\nlaunch:\n  image: vllm/vllm-openai\n");

    CliRun run = CliRun.run("--profile", profile.toString(), "--report-dir", dir.resolve("r").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("has a launch: section, but no launcher in this kit understands it");
  }
}
