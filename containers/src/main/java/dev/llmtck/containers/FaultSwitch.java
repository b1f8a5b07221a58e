package dev.llmtck.containers;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The fault switch of an llmtck mock running in a container, {@code /llmtck/faults}: {@code POST} with a JSON
 * body switches a fault on, {@code DELETE} switches every fault off. A served mock guards the switch with a
 * credential it accepts, so each request carries the container's ({@code credential}: header name and value).
 * Each mock's container words its own faults; a refusal or an unreachable mock is an
 * {@link IllegalStateException}.
 */
final class FaultSwitch {
  private static final String PATH = "/llmtck/faults";
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private FaultSwitch() {
  }

  /** Switches on the fault {@code json} describes in the mock at {@code endpoint}. */
  static void on(String endpoint, String[] credential, String json) {
    send(HttpRequest.newBuilder(URI.create(endpoint + PATH)).header("Content-Type", "application/json")
        .header(credential[0], credential[1]).POST(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  /** Switches every fault off in the mock at {@code endpoint}. */
  static void clear(String endpoint, String[] credential) {
    send(HttpRequest.newBuilder(URI.create(endpoint + PATH)).header(credential[0], credential[1]).DELETE().build());
  }

  private static void send(HttpRequest request) {
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException("the mock refused the fault switch: " + response.statusCode());
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot reach the mock's fault switch", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while switching a fault", e);
    }
  }
}
