package dev.llmtck.tck.platform.echo;

import dev.llmtck.tck.evidence.Evidence;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;

/** Asks the echo platform to echo, publishing each exchange as evidence. */
public final class EchoClient {
  private final EchoTarget target;
  private final BiConsumer<String, String> reportEntry;

  EchoClient(EchoTarget target, BiConsumer<String, String> reportEntry) {
    this.target = target;
    this.reportEntry = reportEntry;
  }

  String echo(String text) throws Exception {
    URI uri = URI.create(target.url() + "/echo?text=" + URLEncoder.encode(text, StandardCharsets.UTF_8));
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri)
        .timeout(target.timeout()).build(), HttpResponse.BodyHandlers.ofString());
    reportEntry.accept(Evidence.KEY, "{\"request\":{\"method\":\"GET\",\"url\":\"" + uri + "\",\"headers\":{},"
        + "\"body\":null},\"response\":{\"status\":" + response.statusCode() + ",\"headers\":{},\"body\":\""
        + response.body().replace("\"", "'") + "\",\"timeToFirstByteMs\":1}}");
    return response.body();
  }
}
