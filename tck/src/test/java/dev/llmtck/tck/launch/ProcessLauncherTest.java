package dev.llmtck.tck.launch;

import dev.llmtck.tck.openai.OpenAiSettings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmtck.tck.runner.Profile;
import dev.llmtck.tck.runner.TargetLauncher;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code launch: process:} starts a real process (here the kit's own OpenAI reference platform in a second JVM, the
 * way a profile starts vLLM), waits until it serves, points the contract at it and stops it afterwards.
 */
class ProcessLauncherTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path directory;

  @Test
  void startsWaitsForReadinessAndStopsTheProcess() throws Exception {
    JsonNode launch = launch(serveOpenAi("--port", "${port}", "--api-key", "${apiKey}", "--model", "launched"),
        "launched");
    long pid;
    try (TargetLauncher.Launched launched = new ProcessLauncher().launch(profile(), launch, directory)) {
      String baseUrl = launched.settings().get(OpenAiSettings.BASE_URL.key());
      String key = launched.settings().get(OpenAiSettings.API_KEY.key());
      assertThat(baseUrl).matches("http://127\\.0\\.0\\.1:\\d+/v1");
      assertThat(key).startsWith("llmtck-").hasSizeGreaterThan(20);
      assertThat(launched.secretKeys()).containsExactly(OpenAiSettings.API_KEY.key());
      assertThat(launched.describe()).doesNotContain(key);
      HttpResponse<String> models = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl
          + "/models")).header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(models.body()).contains("\"launched\"");
      pid = Long.parseLong(launched.describe().replaceAll(".*\\(pid (\\d+),.*", "$1"));
      assertThat(ProcessHandle.of(pid)).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());
    }
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("stopped after close").isFalse();
  }

  @Test
  void aProcessThatExitsBeforeItIsReadyFailsTheLaunchWithTheEndOfItsLog() throws Exception {
    JsonNode launch = launch(serveOpenAi("--no-such-flag"), "never");

    assertThatThrownBy(() -> new ProcessLauncher().launch(profile(), launch, directory))
        .hasMessageContaining("exited with code").hasMessageContaining("--no-such-flag");
  }

  @Test
  void aProcessThatNeverGetsReadyFailsAfterTheStartupTimeout() throws Exception {
    ObjectNode launch = (ObjectNode) launch(serveOpenAi("--port", "${port}", "--model", "other"), "never-listed");
    ((ObjectNode) launch.get("process")).put("startupTimeoutMinutes", 0);

    assertThatThrownBy(() -> new ProcessLauncher().launch(profile(), launch, directory))
        .hasMessageContaining("was not ready within");
  }

  @Test
  void anUnknownPlaceholderIsAnErrorBeforeAnythingStarts() throws Exception {
    JsonNode launch = launch(List.of("java", "${prot}"), "x");

    assertThatThrownBy(() -> new ProcessLauncher().launch(profile(), launch, directory))
        .hasMessageContaining("unknown placeholder").hasMessageContaining("${port}");
  }

  @Test
  void theShippedVllmProfilesAreForThisLauncher() {
    for (String name : List.of("vllm-cpu.yaml", "vllm-cpu-tools.yaml")) {
      Profile profile = Profile.load(Path.of("..", "profiles", name));
      assertThat(new ProcessLauncher().supports(profile.launch())).as(name).isTrue();
      assertThat(Files.isRegularFile(Path.of("..", profile.launch().path("process").path("command").get(1)
          .asText()))).as("the script %s names", name).isTrue();
    }
  }

  private static List<String> serveOpenAi(String... arguments) {
    List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-cp", System.getProperty("java.class.path"), "dev.llmtck.fixtures.FixturesMain", "serve",
        "openai"));
    command.addAll(List.of(arguments));
    return command;
  }

  private static JsonNode launch(List<String> command, String model) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode process = root.putObject("process");
    ArrayNode parts = process.putArray("command");
    command.forEach(parts::add);
    process.putObject("ready").put("url", "http://127.0.0.1:${port}/v1/models")
        .put("authorization", "Bearer ${apiKey}").put("contains", "\"" + model + "\"");
    process.put("startupTimeoutMinutes", 2);
    process.putObject("settings").put(OpenAiSettings.BASE_URL.key(), "http://127.0.0.1:${port}/v1")
        .put(OpenAiSettings.MODEL.key(), model).put(OpenAiSettings.API_KEY.key(), "${apiKey}");
    return root;
  }

  private static Profile profile() {
    return Profile.parse("name: launch-test\nplatform: openai\n");
  }
}
