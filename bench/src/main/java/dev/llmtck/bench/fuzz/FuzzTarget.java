package dev.llmtck.bench.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * One mock as the fuzz sees it: how {@code serve} starts it, its health path, valid requests to mutate, how a
 * request authenticates (a key, or a SigV4 signature made by the AWS SDK's own signer over the body as sent),
 * and what its error envelope looks like.
 */
abstract class FuzzTarget {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String KEY = "fuzz-key";

  /** A request before its framing headers: what the fuzz mutates. */
  record Template(String method, String path, String body, boolean stream) {
  }

  /** The name {@code serve} knows it by. */
  abstract String name();

  abstract List<String> serveArguments(int port);

  Map<String, String> environment() {
    return Map.of();
  }

  abstract String healthPath();

  abstract List<Template> templates();

  /** The headers that authenticate {@code body} sent as {@code method path} (path with its query), in order. */
  abstract List<String[]> authentication(String method, String path, byte[] body, int port);

  /** Whether an error answer is in this platform's own envelope; null if it is, else what is wrong. */
  abstract String envelopeProblem(RawHttp.Response response);

  /** Requests sent only without credentials, which the mock must refuse (e.g. a guarded control path). */
  List<Template> unauthenticatedOnly() {
    return List.of();
  }

  /** Paths of the API the mutated paths are made from. */
  List<String> paths() {
    return templates().stream().map(Template::path).distinct().toList();
  }

  static JsonNode parse(RawHttp.Response response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      return null;
    }
  }

  static FuzzTarget byName(String name) {
    switch (name) {
      case "openai":
        return new OpenAi();
      case "azure":
        return new Azure();
      case "bedrock":
        return new Bedrock();
      default:
        throw new IllegalArgumentException("unknown mock " + name + " (openai, azure, bedrock)");
    }
  }

  /** The vLLM simulator ({@code serve openai}), tool calling on so the tool paths are fuzzed too. */
  static final class OpenAi extends FuzzTarget {
    private static final String CHAT = "{\"model\":\"m\",\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"},"
        + "{\"role\":\"user\",\"content\":\"Say hello\"}],\"max_tokens\":16,\"temperature\":0}";

    @Override
    String name() {
      return "openai";
    }

    @Override
    List<String> serveArguments(int port) {
      return List.of("--port", Integer.toString(port), "--api-key", KEY, "--model", "m", "--tool-call-parser",
          "hermes");
    }

    @Override
    String healthPath() {
      return "/health";
    }

    @Override
    List<Template> templates() {
      return List.of(
          new Template("POST", "/v1/chat/completions", CHAT, false),
          new Template("POST", "/v1/chat/completions", "{\"model\":\"m\",\"messages\":[{\"role\":\"user\","
              + "\"content\":[{\"type\":\"text\",\"text\":\"Hi\"}]}],\"stream\":true,\"stream_options\":"
              + "{\"include_usage\":true},\"n\":2,\"seed\":7,\"stop\":[\".\"]}", true),
          new Template("POST", "/v1/chat/completions", "{\"model\":\"m\",\"messages\":[{\"role\":\"user\","
              + "\"content\":\"Weather in Paris?\"}],\"tools\":[{\"type\":\"function\",\"function\":{\"name\":"
              + "\"get_weather\",\"parameters\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"},"
              + "\"days\":{\"type\":\"integer\"}},\"required\":[\"city\"]}}}],\"tool_choice\":\"auto\"}", false),
          new Template("POST", "/v1/completions", "{\"model\":\"m\",\"prompt\":\"def add(a, b):\",\"max_tokens\":16,"
              + "\"temperature\":0}", false),
          new Template("POST", "/v1/completions", "{\"model\":\"m\",\"prompt\":[\"a\",\"b\"],\"n\":2,\"echo\":true,"
              + "\"stream\":true,\"max_tokens\":8}", true),
          new Template("POST", "/v1/completions", "{\"model\":\"m\",\"prompt\":[1,2,3],\"max_tokens\":4}", false),
          new Template("GET", "/v1/models", null, false),
          new Template("GET", "/version", null, false));
    }

    @Override
    List<String[]> authentication(String method, String path, byte[] body, int port) {
      return List.<String[]>of(new String[] {"Authorization", "Bearer " + KEY});
    }

    @Override
    String envelopeProblem(RawHttp.Response response) {
      JsonNode body = parse(response);
      if (body == null || !body.isObject()) {
        return "not a JSON object";
      }
      JsonNode error = body.get("error");
      if (error != null && error.isObject()) { // vLLM 0.10.1+: OpenAI's error object
        return error.path("message").isTextual() && error.path("type").isTextual() && error.has("code") ? null
            : "error object without message/type/code";
      }
      if ("error".equals(body.path("object").asText())) { // vLLM before 0.10.1
        return body.path("message").isTextual() ? null : "flat error without message";
      }
      if (body.has("detail") && response.status() != 401) { // FastAPI's own 404/405, which vLLM does not wrap
        return response.status() == 404 || response.status() == 405 ? null : "detail on " + response.status();
      }
      if (response.status() == 401 && "Unauthorized".equals(body.path("error").asText())) { // vLLM's auth middleware
        return null;
      }
      return "not vLLM's error envelope";
    }
  }

  /** The Azure OpenAI mock ({@code serve azure}), its fault switch guarded by the key. */
  static final class Azure extends FuzzTarget {
    private static final String VERSION = "?api-version=2024-10-21";

    @Override
    String name() {
      return "azure";
    }

    @Override
    List<String> serveArguments(int port) {
      return List.of("--port", Integer.toString(port), "--api-key", KEY, "--deployment", "gpt-4o=gpt-4o-2024-08-06",
          "--deployment", "instruct=gpt-35-turbo-instruct", "--token-interval-ms", "0");
    }

    @Override
    String healthPath() {
      return "/llmtck/ready";
    }

    @Override
    List<Template> templates() {
      String chat = "{\"messages\":[{\"role\":\"user\",\"content\":\"Say hello\"}],\"max_tokens\":16,\"temperature\":0}";
      return List.of(
          new Template("POST", "/openai/deployments/gpt-4o/chat/completions" + VERSION, chat, false),
          new Template("POST", "/openai/deployments/gpt-4o/chat/completions" + VERSION, "{\"messages\":[{\"role\":"
              + "\"user\",\"content\":\"Hi\"}],\"stream\":true,\"stream_options\":{\"include_usage\":true},\"n\":2}",
              true),
          new Template("POST", "/openai/deployments/instruct/completions" + VERSION, "{\"prompt\":[\"a\",\"b\"],"
              + "\"max_tokens\":8,\"n\":2,\"echo\":true}", false),
          new Template("POST", "/openai/deployments/instruct/completions" + VERSION, "{\"prompt\":\"def f():\","
              + "\"stream\":true}", true),
          new Template("POST", "/openai/v1/chat/completions", "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\","
              + "\"content\":\"Hello\"}]}", false));
    }

    @Override
    List<Template> unauthenticatedOnly() {
      // The fault switch: only ever sent without the key (it must refuse), so the fuzz never switches a fault on.
      return List.of(new Template("POST", "/llmtck/faults", "{\"type\":\"server_error\"}", false),
          new Template("DELETE", "/llmtck/faults", null, false));
    }

    @Override
    List<String[]> authentication(String method, String path, byte[] body, int port) {
      return List.<String[]>of(new String[] {"api-key", KEY});
    }

    @Override
    String envelopeProblem(RawHttp.Response response) {
      JsonNode body = parse(response);
      if (body == null || !body.isObject()) {
        return "not a JSON object";
      }
      JsonNode error = body.get("error");
      if (error == null || !error.isObject()) {
        return "no error object";
      }
      if (!error.path("message").isTextual() || !error.has("code")) {
        return "error object without message/code";
      }
      return null;
    }
  }

  /** The Bedrock runtime mock ({@code serve bedrock}); bodies are signed with the AWS SDK's SigV4 signer. */
  static final class Bedrock extends FuzzTarget {
    static final String ACCESS_KEY = "AKIAFUZZ000000000001";
    static final String SECRET = "fuzz-secret-key";
    private static final String CLAUDE = "/model/anthropic.claude-3-haiku-20240307-v1%3A0/";
    private static final String MESSAGES = "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"Hello\"}]}],"
        + "\"inferenceConfig\":{\"maxTokens\":32,\"temperature\":0}}";
    private static final String ANTHROPIC = "{\"anthropic_version\":\"bedrock-2023-05-31\",\"max_tokens\":32,"
        + "\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}";

    @Override
    String name() {
      return "bedrock";
    }

    @Override
    List<String> serveArguments(int port) {
      return List.of("--port", Integer.toString(port), "--region", "us-east-1", "--access-key-id", ACCESS_KEY,
          "--model", "anthropic.claude-3-haiku-20240307-v1:0", "--model", "mistral.mixtral-8x7b-instruct-v0:1",
          "--model", "meta.llama3-8b-instruct-v1:0");
    }

    @Override
    Map<String, String> environment() {
      return Map.of("LLMTCK_BEDROCK_SECRET_ACCESS_KEY", SECRET);
    }

    @Override
    String healthPath() {
      return "/llmtck/ready";
    }

    @Override
    List<Template> templates() {
      return List.of(
          new Template("POST", CLAUDE + "converse", MESSAGES, false),
          new Template("POST", CLAUDE + "converse-stream", MESSAGES, true),
          new Template("POST", CLAUDE + "invoke", ANTHROPIC, false),
          new Template("POST", CLAUDE + "invoke-with-response-stream", ANTHROPIC, true),
          new Template("POST", "/model/mistral.mixtral-8x7b-instruct-v0%3A1/invoke", "{\"prompt\":\"<s>[INST] Hi "
              + "[/INST]\",\"max_tokens\":16}", false),
          new Template("POST", "/model/meta.llama3-8b-instruct-v1%3A0/invoke", "{\"prompt\":\"Hello\","
              + "\"max_gen_len\":16}", false));
    }

    @Override
    List<Template> unauthenticatedOnly() {
      // The fault switch, guarded in serve bedrock: only ever sent without credentials, so it must refuse.
      return List.of(new Template("POST", "/llmtck/faults", "{\"fault\":\"internal-error\"}", false),
          new Template("DELETE", "/llmtck/faults", null, false));
    }

    @Override
    List<String[]> authentication(String method, String path, byte[] body, int port) {
      int question = path.indexOf('?');
      SdkHttpMethod verb;
      try {
        URI.create("http://127.0.0.1:" + port + path);
        verb = SdkHttpMethod.fromValue(method);
      } catch (IllegalArgumentException e) {
        return List.of(); // a path or method the signer cannot take: sent unsigned (and refused as such)
      }
      SdkHttpRequest.Builder unsigned = SdkHttpRequest.builder().method(verb)
          .protocol("http").host("127.0.0.1").port(port)
          .encodedPath(question < 0 ? path : path.substring(0, question))
          .putHeader("Content-Type", "application/json");
      if (question >= 0) {
        for (String pair : path.substring(question + 1).split("&")) {
          int eq = pair.indexOf('=');
          unsigned.appendRawQueryParameter(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? null : pair.substring(eq + 1));
        }
      }
      try {
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r
            .identity(AwsCredentialsIdentity.create(ACCESS_KEY, SECRET)).request(unsigned.build())
            .payload(ContentStreamProvider.fromByteArray(body == null ? new byte[0] : body))
            .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "bedrock")
            .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")).request();
        List<String[]> headers = new ArrayList<>();
        signed.forEachHeader((name, values) -> {
          if (!name.equalsIgnoreCase("Host") && !name.equalsIgnoreCase("Content-Type")) {
            values.forEach(value -> headers.add(new String[] {name, value}));
          }
        });
        return headers;
      } catch (RuntimeException e) {
        return List.of();
      }
    }

    @Override
    String envelopeProblem(RawHttp.Response response) {
      String type = response.header("x-amzn-ErrorType");
      if (type == null || type.isBlank()) {
        return "no x-amzn-ErrorType";
      }
      if (response.header("x-amzn-RequestId") == null) {
        return "no x-amzn-RequestId";
      }
      JsonNode body = parse(response);
      // AWS's JSON errors say "message", some of its front door's "Message" (Bedrock API keys, as real Bedrock)
      if (body == null || !body.isObject() || !(body.has("message") || body.has("Message"))) {
        return "body is not AWS's {\"message\"}";
      }
      return null;
    }
  }
}
