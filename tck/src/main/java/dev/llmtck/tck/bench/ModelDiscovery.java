package dev.llmtck.tck.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Asks a target which model it serves when the user named none (as vLLM's benchmark does). */
final class ModelDiscovery {

  private ModelDiscovery() {
  }

  static String firstModel(URI baseUrl, String apiKey, Duration timeout) throws InterruptedException {
    String base = baseUrl.toString();
    URI models = URI.create((base.endsWith("/") ? base : base + "/") + "models");
    HttpRequest.Builder request = HttpRequest.newBuilder(models).timeout(timeout).GET();
    if (apiKey != null) {
      request.header("Authorization", "Bearer " + apiKey);
    }
    try {
      HttpResponse<byte[]> response = HttpClient.newBuilder().connectTimeout(timeout).build()
          .send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new DiscoveryException("GET " + models + " answered HTTP " + response.statusCode()
            + "; name the model with --model");
      }
      JsonNode first = new ObjectMapper().readTree(response.body()).path("data").path(0).path("id");
      if (!first.isTextual()) {
        throw new DiscoveryException("GET " + models + " lists no model; name the model with --model");
      }
      return first.asText();
    } catch (IOException e) {
      throw new DiscoveryException("cannot reach " + models + " (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** The target could not say which model it serves. */
  static final class DiscoveryException extends RuntimeException {
    DiscoveryException(String message) {
      super(message);
    }
  }
}
