package dev.llmtck.tck.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/** The parsed command line of {@code llmtck bench}; a bad option is an {@link IllegalArgumentException}. */
record BenchOptions(URI baseUrl, String model, String apiKey, Integer concurrency, Double rate, int requests,
    int warmups, int inputTokens, int outputTokens, boolean stream, boolean ignoreEos, int timeoutSeconds,
    double gatewayTimeoutSeconds, boolean measureOverhead, Path reportDir, int simTtftMillis, int simItlMillis,
    boolean textCompletions, boolean help) {

  static BenchOptions parse(String[] args, String apiKeyFromEnvironment) {
    URI baseUrl = null;
    String model = null;
    String apiKey = apiKeyFromEnvironment == null || apiKeyFromEnvironment.isBlank() ? null : apiKeyFromEnvironment;
    Integer concurrency = null;
    Double rate = null;
    int requests = 100;
    int warmups = 2;
    int inputTokens = 128;
    int outputTokens = 128;
    boolean stream = true;
    boolean ignoreEos = false;
    int timeout = 300;
    double gatewayTimeout = GatewayTimeoutCheck.DEFAULT_TIMEOUT_SECONDS;
    boolean overhead = false;
    Path reportDir = Path.of("target", "llmtck-bench");
    int simTtft = 50;
    int simItl = 10;
    boolean text = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--help", "-h" -> {
          return new BenchOptions(null, null, null, null, null, 1, 0, 1, 1, true, false, 1, 60, false, reportDir,
              0, 0, false, true);
        }
        case "--base-url" -> baseUrl = url(value(args, ++i, arg));
        case "--model" -> model = value(args, ++i, arg);
        case "--api-key" -> apiKey = value(args, ++i, arg);
        case "--concurrency" -> concurrency = positiveInt(value(args, ++i, arg), arg);
        case "--rate" -> rate = positiveDouble(value(args, ++i, arg), arg);
        case "--requests" -> requests = positiveInt(value(args, ++i, arg), arg);
        case "--warmups" -> warmups = nonNegativeInt(value(args, ++i, arg), arg);
        case "--input-tokens" -> inputTokens = positiveInt(value(args, ++i, arg), arg);
        case "--output-tokens" -> outputTokens = positiveInt(value(args, ++i, arg), arg);
        case "--timeout" -> timeout = positiveInt(value(args, ++i, arg), arg);
        case "--gateway-timeout" -> gatewayTimeout = positiveDouble(value(args, ++i, arg), arg);
        case "--report-dir" -> reportDir = Path.of(value(args, ++i, arg));
        case "--no-stream" -> stream = false;
        case "--ignore-eos" -> ignoreEos = true;
        case "--measure-overhead" -> overhead = true;
        case "--endpoint" -> {
          String endpoint = value(args, ++i, arg);
          if (!endpoint.equals("chat") && !endpoint.equals("completions")) {
            throw new IllegalArgumentException("--endpoint is chat or completions, not '" + endpoint + "'");
          }
          text = endpoint.equals("completions");
        }
        case "--sim-ttft-ms" -> simTtft = nonNegativeInt(value(args, ++i, arg), arg);
        case "--sim-itl-ms" -> simItl = nonNegativeInt(value(args, ++i, arg), arg);
        default -> throw new IllegalArgumentException("unknown option " + arg);
      }
    }
    if (concurrency != null && rate != null) {
      throw new IllegalArgumentException("give either --concurrency or --rate, not both");
    }
    if (baseUrl == null && apiKey != null && apiKeyFromEnvironment == null) {
      throw new IllegalArgumentException("--api-key needs --base-url (the embedded platform makes its own key)");
    }
    return new BenchOptions(baseUrl, model, apiKey, concurrency, rate, requests, warmups, inputTokens,
        outputTokens, stream, ignoreEos, timeout, gatewayTimeout, overhead, reportDir, simTtft, simItl, text, false);
  }

  LoadSettings settings(URI target, String modelName, String key) {
    return new LoadSettings(target, modelName, key, concurrency == null ? 4 : concurrency,
        rate == null ? Double.POSITIVE_INFINITY : rate, requests, warmups, inputTokens, outputTokens, stream,
        ignoreEos, Duration.ofSeconds(timeoutSeconds), textCompletions);
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length || args[i].startsWith("--")) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  private static URI url(String text) {
    try {
      URI uri = new URI(text);
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
        throw new IllegalArgumentException("--base-url must be an http or https URL, e.g. http://host:8000/v1");
      }
      return uri;
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException("--base-url is not a valid URL");
    }
  }

  private static int positiveInt(String text, String option) {
    int value = nonNegativeInt(text, option);
    if (value < 1) {
      throw new IllegalArgumentException(option + " must be at least 1");
    }
    return value;
  }

  private static int nonNegativeInt(String text, String option) {
    try {
      int value = Integer.parseInt(text);
      if (value < 0) {
        throw new IllegalArgumentException(option + " must not be negative");
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " needs a whole number, not '" + text + "'");
    }
  }

  private static double positiveDouble(String text, String option) {
    try {
      double value = Double.parseDouble(text);
      if (!(value > 0) || Double.isInfinite(value)) {
        throw new IllegalArgumentException(option + " must be a positive number");
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " needs a number, not '" + text + "'");
    }
  }
}
