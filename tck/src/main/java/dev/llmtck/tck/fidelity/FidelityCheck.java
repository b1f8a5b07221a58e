package dev.llmtck.tck.fidelity;

import dev.llmtck.fixtures.Pacing;
import dev.llmtck.tck.clause.ClauseInfo;
import dev.llmtck.tck.openai.OpenAiSettings;
import dev.llmtck.tck.platform.CommonSettings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmtck.fixtures.openai.VllmSimulator;

import dev.llmtck.tck.runner.ClauseProgress;
import dev.llmtck.tck.runner.ClauseResult;
import dev.llmtck.tck.runner.ClauseRunner;
import dev.llmtck.tck.runner.RunResult;
import dev.llmtck.tck.runner.Target;
import dev.llmtck.tck.runner.Waivers;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The differential fidelity check: the OpenAI contract and a set of malformed requests are sent, through a
 * {@link TeeProxy}, to an OpenAI-compatible platform (a real vLLM) and to llmtck's vLLM simulator configured as the
 * same release (same vLLM version, served names, key, context window and tool calling), and every answer pair is
 * compared shape by shape ({@link ResponseShape}). The result says where the simulator is unfaithful to the real
 * server, or the real server differs from what the contract was written against.
 */
final class FidelityCheck {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The tool-call parser the simulator is given when the target declares tools (the kit's engines use hermes). */
  static final String DEFAULT_TOOL_CALL_PARSER = "hermes";

  private FidelityCheck() {
  }

  /** What the simulator was configured with, read from the platform itself. */
  record Mirror(List<String> servedModelNames, String vllmVersion, Integer maxModelLen, String toolCallParser) {
  }

  /**
   * The outcome: the contract's run through the proxy, every exchange with its differences (explained or
   * not), and the known differences that matched nothing.
   */
  record Result(Mirror mirror, RunResult contract, List<Compared> exchanges, List<KnownDifferences.Entry> stale) {

    List<Compared> withUnexplained() {
      return exchanges.stream().filter(c -> c.unexplained().size() > 0).toList();
    }

    long unexplainedCount() {
      return exchanges.stream().mapToLong(c -> c.unexplained().size()).sum();
    }

    long explainedCount() {
      return exchanges.stream().mapToLong(c -> c.explained().size()).sum();
    }
  }

  /** One exchange, compared. */
  record Compared(TeeProxy.TeeExchange exchange, List<ShapeDiff> unexplained,
      Map<ShapeDiff, KnownDifferences.Entry> explained) {
  }

  /** Runs the check against {@code target} (platform {@code openai}, pointing at the real server). */
  static Result run(Target target, KnownDifferences known, ClauseProgress progress, String kitVersion)
      throws IOException {
    URI baseUrl = URI.create(target.get(OpenAiSettings.BASE_URL.key()).replaceAll("/+$", ""));
    String key = target.get(OpenAiSettings.API_KEY.key());
    Duration timeout = Duration.ofSeconds(Long.parseLong(target.settings().getOrDefault(
        CommonSettings.TIMEOUT_SECONDS.key(), String.valueOf(ClauseRunner.DEFAULT_TIMEOUT_SECONDS))));
    Mirror mirror = mirror(baseUrl, key, target, timeout);
    VllmSimulator.Builder simulator = VllmSimulator.builder()
        .servedModelNames(mirror.servedModelNames().toArray(String[]::new))
        .pacing(Pacing.of(Duration.ofMillis(5), Duration.ofMillis(1)));
    if (key != null) {
      simulator.apiKey(key);
    }
    if (mirror.vllmVersion() != null) {
      simulator.vllmVersion(mirror.vllmVersion());
    }
    if (mirror.maxModelLen() != null) {
      simulator.maxModelLen(mirror.maxModelLen());
    }
    if (mirror.toolCallParser() != null) {
      simulator.toolCalling(mirror.toolCallParser());
    }
    AtomicReference<String> label = new AtomicReference<>("(before the contract)");
    try (VllmSimulator reference = simulator.start();
        TeeProxy proxy = new TeeProxy(root(baseUrl), root(reference.baseUrl()), label::get, timeout)) {
      Map<String, String> settings = new LinkedHashMap<>(target.settings());
      settings.put(OpenAiSettings.BASE_URL.key(), proxy.root() + baseUrl.getRawPath());
      Target proxied = new Target(target.platform(), target.profile(), settings, target.secretKeys());
      ClauseProgress labelling = new ClauseProgress() {
        @Override
        public void started(int clauses) {
          progress.started(clauses);
        }

        @Override
        public void clauseStarted(ClauseInfo clause) {
          label.set(clause.id());
          progress.clauseStarted(clause);
        }

        @Override
        public void finished(ClauseResult result, int done, int total) {
          progress.finished(result, done, total);
        }
      };
      RunResult contract = ClauseRunner.of(dev.llmtck.tck.platform.Platforms.byId("openai").orElseThrow())
          .run(proxied, Waivers.none(), labelling, kitVersion);
      for (ExtraRequests.Extra extra : ExtraRequests.forModel(mirror.servedModelNames().get(0), key)) {
        label.set("extra: " + extra.name());
        proxy.send(extra.method(), baseUrl.getRawPath() + extra.path(), extra.headers(), extra.body());
      }
      return compare(mirror, contract, proxy.exchanges(), known);
    }
  }

  static Result compare(Mirror mirror, RunResult contract, List<TeeProxy.TeeExchange> exchanges,
      KnownDifferences known) {
    List<Compared> compared = new ArrayList<>();
    java.util.Set<KnownDifferences.Entry> used = new java.util.HashSet<>();
    for (TeeProxy.TeeExchange exchange : exchanges) {
      List<ShapeDiff> unexplained = new ArrayList<>();
      Map<ShapeDiff, KnownDifferences.Entry> explained = new LinkedHashMap<>();
      String label = exchange.label() + " " + exchange.method() + " " + exchange.pathAndQuery();
      for (ShapeDiff diff : ShapeDiff.between(ResponseShape.of(exchange.primary()),
          ResponseShape.of(exchange.secondary()))) {
        KnownDifferences.Entry entry = known.explain(label, diff);
        if (entry == null) {
          unexplained.add(diff);
        } else {
          explained.put(diff, entry);
          used.add(entry);
        }
      }
      compared.add(new Compared(exchange, unexplained, explained));
    }
    List<KnownDifferences.Entry> stale = known.entries().stream().filter(e -> !used.contains(e)).toList();
    return new Result(mirror, contract, compared, stale);
  }

  /** Reads what the simulator must mirror from the platform: served names and context window, version. */
  private static Mirror mirror(URI baseUrl, String key, Target target, Duration timeout) throws IOException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    JsonNode models = get(client, URI.create(baseUrl + "/models"), key, timeout);
    List<String> names = new ArrayList<>();
    Integer maxModelLen = null;
    for (JsonNode model : models.path("data")) {
      names.add(model.path("id").asText());
      if (maxModelLen == null && model.path("max_model_len").isInt()) {
        maxModelLen = model.path("max_model_len").asInt();
      }
    }
    String wanted = target.get(OpenAiSettings.MODEL.key());
    if (wanted != null && names.remove(wanted)) {
      names.add(0, wanted);
    }
    if (names.isEmpty()) {
      throw new IOException("GET " + baseUrl + "/models lists no model: nothing to mirror");
    }
    String root = baseUrl.toString().endsWith("/v1") ? baseUrl.toString().substring(0, baseUrl.toString().length()
        - 3) : baseUrl.toString();
    JsonNode version = get(client, URI.create(root + "/version"), key, timeout);
    String capabilities = target.get(CommonSettings.CAPABILITIES.key());
    String parser = capabilities != null && List.of(capabilities.split(",")).stream().map(String::strip)
        .anyMatch("tools"::equals) ? DEFAULT_TOOL_CALL_PARSER : null;
    return new Mirror(List.copyOf(names), version.path("version").isTextual() ? version.path("version").asText()
        : null, maxModelLen, parser);
  }

  private static JsonNode get(HttpClient client, URI uri, String key, Duration timeout) throws IOException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET();
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    try {
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? MAPPER.readTree(response.body()) : MAPPER.createObjectNode();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (IOException e) {
      throw new IOException("cannot read " + uri + ": " + e.getMessage(), e);
    }
  }

  private static URI root(URI url) {
    return URI.create(url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort()));
  }
}
