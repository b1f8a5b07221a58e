package dev.llmtck.tck.cli;

import dev.llmtck.tck.openai.OpenAiSettings;
import com.fasterxml.jackson.databind.JsonNode;
import dev.llmtck.tck.runner.Profile;
import dev.llmtck.tck.runner.TargetLauncher;
import dev.llmtck.tck.runner.fake.FakePlatformServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Launches a {@link FakePlatformServer} for profiles with {@code launch: {fake: conforming}} (registered for tests). */
public final class FakeLauncher implements TargetLauncher {
  static volatile boolean stopped;

  @Override
  public boolean supports(JsonNode launch) {
    return launch.has("fake");
  }

  @Override
  public Launched launch(Profile profile, JsonNode launch) throws IOException {
    FakePlatformServer server = FakePlatformServer.start(FakePlatformServer.Mode.valueOf(
        launch.path("fake").asText().toUpperCase(java.util.Locale.ROOT)));
    stopped = false;
    return new Launched() {
      @Override
      public Map<String, String> settings() {
        return Map.of(OpenAiSettings.BASE_URL.key(), server.baseUrl());
      }

      @Override
      public String describe() {
        return "the fake platform at " + server.baseUrl();
      }

      @Override
      public void close() {
        try {
          server.close();
          stopped = true;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }
}
