package dev.llmtck.tck.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The flags of {@code llmtck run}, as given; {@code null} where a flag was not given. */
final class RunOptions {
  static final String USAGE = String.join("\n",
      "usage: llmtck run [--profile FILE ...] [--platform openai|bedrock|azure] [--base-url URL] [--model NAME]",
      "                  [--api-key KEY] [--capability NAME ...] [--waivers FILE] [--report-dir DIR]",
      "                  [--timeout SECONDS] [--region R] [--endpoint URL] [--deployment NAME]",
      "                  [--api-version V] [--expected-vllm-version V] [--set llmtck.KEY=VALUE ...]",
      "With no options: certifies the embedded reference platform (an OpenAI-compatible vLLM simulator).",
      "  --profile FILE         a target described in YAML (see profiles/); flags override it. Repeat it to",
      "                         certify several targets in one run, side by side (then only --report-dir and",
      "                         --timeout may be given: every other setting belongs in the profiles)",
      "  --platform P           which contract: openai (default), bedrock or azure",
      "  --base-url URL         OpenAI-compatible base URL, ending in /v1 (e.g. http://gpu-box:8000/v1)",
      "  --model NAME           the served model (OpenAI), model id (Bedrock) or deployment (Azure)",
      "  --api-key KEY          the API key; better: LLMTCK_API_KEY or OPENAI_API_KEY (Azure:",
      "                         AZURE_OPENAI_API_KEY) in the environment, so it is not on the command line",
      "  --capability NAME      an optional capability the target has (repeat or comma-separate), e.g. tools",
      "  --waivers FILE         accepted failures (YAML: waivers: [{id, reason, expires}])",
      "  --report-dir DIR       where report.json, report.html and junit.xml go (default target/llmtck-report)",
      "  --timeout SECONDS      per-request timeout (default 60); a clause is stopped after 3x this + 10 s",
      "  --region R             AWS region (Bedrock; default AWS_REGION_NAME or AWS_REGION)",
      "  --endpoint URL         Bedrock endpoint override (default AWS_BEDROCK_RUNTIME_ENDPOINT) or Azure",
      "                         resource endpoint (default AZURE_OPENAI_ENDPOINT)",
      "  --deployment NAME      Azure deployment; --api-version V  Azure api-version",
      "  --expected-vllm-version V  the vLLM version GET /version should report",
      "  --set KEY=VALUE        any other llmtck.* setting, passed to the contract as is",
      "Bedrock credentials come from AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN.",
      "Exit codes: 0 every MUST clause passed, 1 a MUST clause failed (of any target), 2 usage or configuration",
      "error (of any target, found before anything runs).");

  String platform;
  String baseUrl;
  String model;
  String apiKey;
  final List<Path> profiles = new ArrayList<>();
  /** The flags given, as typed ({@code --model}), in order; to refuse target flags beside several profiles. */
  final Set<String> given = new LinkedHashSet<>();
  final List<String> capabilities = new ArrayList<>();
  Path waivers;
  Path reportDir;
  Integer timeoutSeconds;
  String region;
  String endpoint;
  String deployment;
  String apiVersion;
  String expectedVllmVersion;
  final Map<String, String> settings = new LinkedHashMap<>();
  boolean help;

  static RunOptions parse(String... args) {
    RunOptions options = new RunOptions();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String value = null;
      int equals = arg.indexOf('=');
      if (arg.startsWith("--") && equals > 0) {
        value = arg.substring(equals + 1);
        arg = arg.substring(0, equals);
      }
      if (arg.equals("--help") || arg.equals("-h")) {
        options.help = true;
        continue;
      }
      if (!arg.startsWith("--")) {
        throw new UsageException("unexpected argument '" + arg + "'");
      }
      if (value == null) {
        if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
          throw new UsageException(arg + " needs a value");
        }
        value = args[++i];
      }
      options.set(arg, value);
    }
    return options;
  }

  /** Flags that apply to the whole run rather than to one target; all others describe a target. */
  static final Set<String> RUN_FLAGS = Set.of("--profile", "--report-dir", "--timeout");

  /** The target flags given; with several profiles they would be ambiguous. */
  List<String> targetFlags() {
    return given.stream().filter(flag -> !RUN_FLAGS.contains(flag)).toList();
  }

  private void set(String flag, String value) {
    given.add(flag.equals("--capabilities") ? "--capability" : flag);
    switch (flag) {
      case "--platform" -> platform = value;
      case "--base-url" -> baseUrl = value;
      case "--model" -> model = value;
      case "--api-key" -> apiKey = value;
      case "--profile" -> profiles.add(Path.of(value));
      case "--capability", "--capabilities" -> Arrays.stream(value.split(",")).map(String::strip)
          .filter(s -> !s.isEmpty()).forEach(capabilities::add);
      case "--waivers" -> waivers = Path.of(value);
      case "--report-dir" -> reportDir = Path.of(value);
      case "--timeout" -> timeoutSeconds = positive(flag, value);
      case "--region" -> region = value;
      case "--endpoint" -> endpoint = value;
      case "--deployment" -> deployment = value;
      case "--api-version" -> apiVersion = value;
      case "--expected-vllm-version" -> expectedVllmVersion = value;
      case "--set" -> {
        int equals = value.indexOf('=');
        if (equals <= 0 || !value.startsWith("llmtck.")) {
          throw new UsageException("--set takes llmtck.KEY=VALUE, not '" + value + "'");
        }
        settings.put(value.substring(0, equals), value.substring(equals + 1));
      }
      default -> throw new UsageException("unknown option " + flag);
    }
  }

  static int positive(String what, String value) {
    try {
      int number = Integer.parseInt(value.strip());
      if (number > 0) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException(what + " must be a positive whole number of seconds, not '" + value + "'");
  }
}
