package dev.llmtck.tck.platform.echo;

import dev.llmtck.tck.platform.CommonSettings;
import dev.llmtck.tck.platform.Platform;
import dev.llmtck.tck.platform.RunTarget;
import dev.llmtck.tck.platform.Setting;
import dev.llmtck.tck.platform.Settings;
import dev.llmtck.tck.platform.TargetFacts;
import dev.llmtck.tck.runner.DuoFeature;
import dev.llmtck.tck.runner.GitLabValues;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/** The echo platform: declared here and in the test service file, nowhere else. */
public final class EchoPlatform implements Platform<EchoTarget, EchoClient> {
  /** Where the echo server answers. */
  public static final Setting URL = Setting.of("llmtck.echo.url", Setting.Kind.URL, "the echo server's URL")
      .withFlags("--echo-url").withProfileFields("url").withEnvironment("LLMTCK_ECHO_URL");
  /** The model name GitLab would be given. */
  public static final Setting MODEL = Setting.of("llmtck.echo.model", Setting.Kind.TEXT, "the echo model")
      .withDefault("parrot").withFlags("--echo-model").withProfileFields("model");

  @Override
  public String id() {
    return "echo";
  }

  @Override
  public String displayName() {
    return "Echo (a test platform)";
  }

  @Override
  public List<Setting> settings() {
    return List.of(URL, MODEL);
  }

  @Override
  public List<Class<?>> contractClasses() {
    return List.of(EchoClauses.class);
  }

  @Override
  public Class<EchoTarget> targetType() {
    return EchoTarget.class;
  }

  @Override
  public Class<EchoClient> clientType() {
    return EchoClient.class;
  }

  @Override
  public RunTarget<EchoTarget> open(Settings settings) {
    Duration timeout = settings.seconds(CommonSettings.TIMEOUT_SECONDS).orElseThrow();
    if (settings.get(URL).isEmpty()) {
      EchoServer server = EchoServer.start(false);
      return RunTarget.embedded(new EchoTarget(server.url(), settings.text(MODEL), timeout, true), server);
    }
    return RunTarget.configured(new EchoTarget(URI.create(settings.text(URL)), settings.text(MODEL), timeout,
        false));
  }

  @Override
  public EchoClient client(EchoTarget target, BiConsumer<String, String> reportEntry) {
    return new EchoClient(target, reportEntry);
  }

  @Override
  public Set<String> capabilities(EchoTarget target) {
    return Set.of();
  }

  @Override
  public TargetFacts facts(Settings settings) {
    if (settings.get(URL).isEmpty()) {
      return new TargetFacts(true, "the embedded reference platform", List.of(), new GitLabValues(Map.of(),
          List.of()));
    }
    Map<String, String> values = new LinkedHashMap<>();
    values.put("Endpoint", settings.text(URL));
    values.put("Model identifier", "echo/" + settings.text(MODEL));
    return new TargetFacts(false, settings.text(URL), List.of(), new GitLabValues(values, List.of()));
  }

  @Override
  public List<DuoFeature> duoFeatures() {
    return List.of(new DuoFeature(DuoFeature.CODE_COMPLETION, List.of("ECHO-BASIC-1"), List.of(), null),
        new DuoFeature(DuoFeature.DUO_CHAT, List.of("ECHO-BASIC-1", "ECHO-CASE-1"), List.of(), null));
  }
}
