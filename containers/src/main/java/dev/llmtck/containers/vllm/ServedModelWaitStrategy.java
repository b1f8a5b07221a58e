package dev.llmtck.containers.vllm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;

/**
 * Ready means ready: vLLM opens its port long before the weights are loaded, so this waits until
 * {@code GET /health} answers 200 and then until {@code GET /v1/models} (with the API key) lists the served
 * model. A container that exits while loading fails the start at once instead of after the timeout.
 */
final class ServedModelWaitStrategy extends AbstractWaitStrategy {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

  private final int port;
  private final Supplier<String> servedModelName;
  private final Supplier<String> apiKey;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();

  ServedModelWaitStrategy(int port, Supplier<String> servedModelName, Supplier<String> apiKey) {
    this.port = port;
    this.servedModelName = servedModelName;
    this.apiKey = apiKey;
  }

  @Override
  protected void waitUntilReady() {
    String base = "http://" + waitStrategyTarget.getHost() + ":" + waitStrategyTarget.getMappedPort(port);
    String model = servedModelName.get();
    Instant deadline = Instant.now().plus(startupTimeout);
    String lastObservation = "no answer yet";
    while (Instant.now().isBefore(deadline)) {
      if (!waitStrategyTarget.isRunning()) {
        throw new ContainerLaunchException("the vLLM container stopped before serving '" + model
            + "' (last observation: " + lastObservation + "); see its log");
      }
      try {
        HttpResponse<String> health = get(base + "/health");
        if (health.statusCode() != 200) {
          lastObservation = "/health answered " + health.statusCode();
        } else {
          HttpResponse<String> models = get(base + "/v1/models");
          if (models.statusCode() != 200) {
            lastObservation = "/v1/models answered " + models.statusCode();
          } else if (lists(models.body(), model)) {
            return;
          } else {
            lastObservation = "/v1/models does not list '" + model + "'";
          }
        }
      } catch (IOException e) {
        lastObservation = "no HTTP answer (" + e.getClass().getSimpleName() + ")";
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ContainerLaunchException("interrupted while waiting for vLLM to serve '" + model + "'");
      }
      try {
        Thread.sleep(POLL_INTERVAL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ContainerLaunchException("interrupted while waiting for vLLM to serve '" + model + "'");
      }
    }
    throw new ContainerLaunchException("vLLM did not serve '" + model + "' within " + startupTimeout
        + " (last observation: " + lastObservation + "); loading weights can take minutes: raise"
        + " withStartupTimeout(...)");
  }

  private HttpResponse<String> get(String url) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT).GET();
    String key = apiKey.get();
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static boolean lists(String body, String model) {
    try {
      for (JsonNode entry : JSON.readTree(body).path("data")) {
        if (model.equals(entry.path("id").asText(null))) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      return false;
    }
  }
}
