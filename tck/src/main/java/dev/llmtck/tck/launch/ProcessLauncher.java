package dev.llmtck.tck.launch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmtck.tck.runner.Profile;
import dev.llmtck.tck.runner.TargetLauncher;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Starts a local process for a profile whose {@code launch:} section has a {@code process:} entry: a real engine
 * (vLLM for CPU, llama.cpp's server) that the kit starts, waits for and stops itself, so that
 * {@code ./llmtck run --profile profiles/vllm-cpu.yaml} needs nothing started by hand.
 *
 * <pre>
 * launch:
 *   process:
 *     command: [bash, ../ci/engines/vllm-cpu/serve.sh, --port, "${port}"]
 *     workingDirectory: ..              # relative to the profile's directory; default: that directory
 *     env: {VLLM_API_KEY: "${apiKey}"}  # secrets travel in the environment, never on the command line
 *     ready:                            # polled every second until it answers 200 (and contains the text)
 *       url: "http://127.0.0.1:${port}/v1/models"
 *       authorization: "Bearer ${apiKey}"
 *       contains: tiny-chat
 *     startupTimeoutMinutes: 20
 *     log: target/llmtck-launch/vllm-cpu.log   # relative to the working directory
 *     settings:                         # what points the contract at the process
 *       llmtck.openai.baseUrl: "http://127.0.0.1:${port}/v1"
 *       llmtck.openai.model: tiny-chat
 *       llmtck.openai.apiKey: "${apiKey}"
 * </pre>
 *
 * <p>{@code ${port}} is a free local port chosen at launch; {@code ${apiKey}} is the value of the profile's
 * {@code apiKeyEnv} variable when set, else a random key. A setting that carries {@code ${apiKey}} is a secret.
 * The process and every process it started are stopped when the run ends (or the JVM exits). If the process
 * exits or the timeout passes before it is ready, the launch fails with the last lines of its log.
 */
public final class ProcessLauncher implements TargetLauncher {

  /** The section this launcher handles. */
  static final String SECTION = "process";

  private static final Set<String> KEYS = Set.of("command", "workingDirectory", "env", "ready",
      "startupTimeoutMinutes", "log", "settings");
  private static final Set<String> READY_KEYS = Set.of("url", "authorization", "contains");
  private static final int LOG_LINES_ON_FAILURE = 40;

  @Override
  public boolean supports(JsonNode launch) {
    return launch.has(SECTION);
  }

  @Override
  public Launched launch(Profile profile, JsonNode launch) throws Exception {
    return launch(profile, launch, Path.of("."));
  }

  @Override
  public Launched launch(Profile profile, JsonNode launch, Path profileDirectory) throws Exception {
    JsonNode section = launch.get(SECTION);
    checkKeys(section, KEYS, "launch.process");
    Map<String, String> values = Map.of("port", String.valueOf(freePort()), "apiKey", LaunchKeys.apiKey(profile));
    Placeholders placeholders = new Placeholders(values);

    List<String> command = new ArrayList<>();
    section.path("command").forEach(part -> command.add(placeholders.fill(part.asText())));
    if (command.isEmpty()) {
      throw new IllegalArgumentException("launch.process: 'command' must list the program and its arguments");
    }
    Path directory = profileDirectory.resolve(text(section, "workingDirectory", ".")).normalize();
    Path log = directory.resolve(text(section, "log", "target/llmtck-launch/" + safeName(profile) + ".log"));
    Files.createDirectories(log.toAbsolutePath().getParent());
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    section.path("env").fields().forEachRemaining(e ->
        builder.environment().put(e.getKey(), placeholders.fill(e.getValue().asText())));

    Map<String, String> settings = new LinkedHashMap<>();
    java.util.Set<String> secretKeys = new java.util.LinkedHashSet<>();
    section.path("settings").fields().forEachRemaining(e -> {
      settings.put(e.getKey(), placeholders.fill(e.getValue().asText()));
      if (e.getValue().asText().contains("${apiKey}")) {
        secretKeys.add(e.getKey());
      }
    });
    JsonNode ready = section.path("ready");
    checkKeys(ready, READY_KEYS, "launch.process.ready");
    if (!ready.hasNonNull("url")) {
      throw new IllegalArgumentException("launch.process.ready: 'url' is required (what answers 200 once the"
          + " process serves)");
    }
    Duration timeout = Duration.ofMinutes(section.path("startupTimeoutMinutes").asLong(20));

    LaunchedProcess started = new LaunchedProcess(builder.start(), log, describe(command, values.get("apiKey")),
        settings, secretKeys, values.get("apiKey"));
    try {
      started.awaitReady(URI.create(placeholders.fill(ready.get("url").asText())),
          ready.hasNonNull("authorization") ? placeholders.fill(ready.get("authorization").asText()) : null,
          ready.hasNonNull("contains") ? placeholders.fill(ready.get("contains").asText()) : null, timeout);
    } catch (Exception | Error e) {
      started.close();
      throw e;
    }
    return started;
  }

  /** A process started by this launcher; closing it stops the process and its descendants. */
  private static final class LaunchedProcess implements Launched {
    private final Process process;
    private final Path log;
    private final String command;
    private final Map<String, String> settings;
    private final Set<String> secretKeys;
    private final String apiKey;
    private final Thread stopOnExit;

    LaunchedProcess(Process process, Path log, String command, Map<String, String> settings, Set<String> secretKeys,
        String apiKey) {
      this.process = process;
      this.log = log;
      this.command = command;
      this.settings = settings;
      this.secretKeys = secretKeys;
      this.apiKey = apiKey;
      this.stopOnExit = new Thread(this::stop, "llmtck-stop-launched-process");
      Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    void awaitReady(URI url, String authorization, String contains, Duration timeout) throws Exception {
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      long deadline = System.nanoTime() + timeout.toNanos();
      String last = "no answer yet";
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          throw new IllegalStateException("the process exited with code " + process.exitValue()
              + " before it was ready; the end of its log (" + log + "):\n" + tail());
        }
        try {
          HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).GET();
          if (authorization != null) {
            request.header("Authorization", authorization);
          }
          HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
          if (response.statusCode() == 200 && (contains == null || response.body().contains(contains))) {
            return;
          }
          last = "status " + response.statusCode();
        } catch (IOException e) {
          last = e.getClass().getSimpleName();
        }
        Thread.sleep(1000);
      }
      throw new IllegalStateException("the process was not ready within " + timeout.toMinutes() + " min ("
          + url + ": " + last + "); the end of its log (" + log + "):\n" + tail());
    }

    private String tail() {
      try {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        String text = String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_LINES_ON_FAILURE),
            lines.size()));
        return apiKey.isEmpty() ? text : text.replace(apiKey, "[REDACTED]");
      } catch (IOException | RuntimeException e) {
        return "(log unreadable: " + e.getMessage() + ")";
      }
    }

    @Override
    public Map<String, String> settings() {
      return settings;
    }

    @Override
    public Set<String> secretKeys() {
      return secretKeys;
    }

    @Override
    public String describe() {
      return "process " + command + " (pid " + process.pid() + ", log " + log + ")";
    }

    @Override
    public void close() {
      stop();
      try {
        Runtime.getRuntime().removeShutdownHook(stopOnExit);
      } catch (IllegalStateException e) {
        // the JVM is exiting: the hook runs (or ran) stop() itself
      }
    }

    /** Asks the process tree to stop (SIGTERM), then kills what is still running after 15 s. */
    private void stop() {
      List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
      tree.add(process.toHandle());
      tree.forEach(ProcessHandle::destroy);
      long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
      for (ProcessHandle handle : tree) {
        while (handle.isAlive() && System.nanoTime() < deadline) {
          try {
            Thread.sleep(100);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            break;
          }
        }
        if (handle.isAlive()) {
          handle.destroyForcibly();
        }
      }
    }
  }

  /** Fills {@code ${name}} placeholders; an unknown one is an error, so a typo cannot reach the process. */
  private record Placeholders(Map<String, String> values) {
    String fill(String text) {
      StringBuilder out = new StringBuilder();
      int at = 0;
      while (true) {
        int start = text.indexOf("${", at);
        if (start < 0) {
          return out.append(text, at, text.length()).toString();
        }
        int end = text.indexOf('}', start);
        String name = end < 0 ? null : text.substring(start + 2, end);
        if (name == null || !values.containsKey(name)) {
          throw new IllegalArgumentException("launch.process: unknown placeholder in '" + text + "' (known: "
              + String.join(", ", new TreeSet<>(values.keySet()).stream().map(n -> "${" + n + "}").toList()) + ")");
        }
        out.append(text, at, start).append(values.get(name));
        at = end + 1;
      }
    }
  }

  private static void checkKeys(JsonNode section, Set<String> known, String where) {
    for (Iterator<String> names = section.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        throw new IllegalArgumentException(where + ": unknown key '" + name + "' (known: "
            + String.join(", ", new TreeSet<>(known)) + ")");
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }


  /** The command for the console: the key masked, long arguments (a class path) shortened. */
  private static String describe(List<String> command, String apiKey) {
    return String.join(" ", command.stream().map(part -> part.replace(apiKey, "[REDACTED]"))
        .map(part -> part.length() > 80 ? part.substring(0, 40) + "..." + part.substring(part.length() - 20) : part)
        .toList());
  }

  private static String safeName(Profile profile) {
    String name = profile.name() == null ? "process" : profile.name();
    return name.replaceAll("[^A-Za-z0-9._-]+", "-");
  }

  private static String text(JsonNode section, String key, String fallback) {
    JsonNode value = section.get(key);
    return value == null || value.isNull() || value.asText().isBlank() ? fallback : value.asText();
  }
}
