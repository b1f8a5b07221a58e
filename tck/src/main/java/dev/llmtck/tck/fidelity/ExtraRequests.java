package dev.llmtck.tck.fidelity;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Requests no clause makes in exactly this form, sent after the contract so the comparison also covers how the
 * two platforms refuse bad input: broken JSON, wrong types, out-of-range values, unknown paths and methods,
 * missing and wrong credentials. Each is one {@link Extra} with a name the report shows.
 */
final class ExtraRequests {

  /** One request: a name for the report, the method, the path below the base URL, headers and a body. */
  record Extra(String name, String method, String path, Map<String, String> headers, byte[] body) {
  }

  private ExtraRequests() {
  }

  /** The requests for a model served under {@code model}, authenticated with {@code bearer} (or none). */
  static List<Extra> forModel(String model, String bearer) {
    List<Extra> extras = new ArrayList<>();
    String m = "\"model\":\"" + model + "\"";
    String hi = "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]";
    chat(extras, bearer, "broken JSON", "{\"model\":");
    chat(extras, bearer, "messages missing", "{" + m + "}");
    chat(extras, bearer, "messages empty", "{" + m + ",\"messages\":[]}");
    chat(extras, bearer, "messages not an array", "{" + m + ",\"messages\":\"hi\"}");
    chat(extras, bearer, "content not a string", "{" + m + ",\"messages\":[{\"role\":\"user\",\"content\":42}]}");
    chat(extras, bearer, "max_tokens negative", "{" + m + "," + hi + ",\"max_tokens\":-1}");
    chat(extras, bearer, "max_tokens a string", "{" + m + "," + hi + ",\"max_tokens\":\"ten\"}");
    chat(extras, bearer, "temperature out of range", "{" + m + "," + hi + ",\"temperature\":-3}");
    chat(extras, bearer, "n zero", "{" + m + "," + hi + ",\"n\":0}");
    chat(extras, bearer, "stream not a boolean", "{" + m + "," + hi + ",\"stream\":\"yes\"}");
    chat(extras, bearer, "unknown model", "{\"model\":\"llmtck-no-such-model\"," + hi + "}");
    chat(extras, bearer, "model missing", "{" + hi + "}");
    chat(extras, bearer, "tool_choice without tools", "{" + m + "," + hi + ",\"tool_choice\":\"required\"}");
    chat(extras, bearer, "body an array", "[1,2,3]");
    extras.add(new Extra("completions: prompt missing", "POST", "/completions", json(bearer),
        bytes("{" + m + "}")));
    extras.add(new Extra("completions: prompt a number", "POST", "/completions", json(bearer),
        bytes("{" + m + ",\"prompt\":7}")));
    extras.add(new Extra("GET on chat/completions", "GET", "/chat/completions", auth(bearer), null));
    extras.add(new Extra("unknown path", "GET", "/llmtck-no-such-path", auth(bearer), null));
    extras.add(new Extra("models without a key", "GET", "/models", Map.of(), null));
    extras.add(new Extra("chat with a wrong key", "POST", "/chat/completions",
        json("llmtck-wrong-key-0123456789"), bytes("{" + m + "," + hi + "}")));
    return extras;
  }

  private static void chat(List<Extra> extras, String bearer, String name, String body) {
    extras.add(new Extra("chat: " + name, "POST", "/chat/completions", json(bearer), bytes(body)));
  }

  private static Map<String, String> json(String bearer) {
    Map<String, String> headers = new LinkedHashMap<>(auth(bearer));
    headers.put("Content-Type", "application/json");
    return headers;
  }

  private static Map<String, String> auth(String bearer) {
    return bearer == null ? Map.of() : Map.of("Authorization", "Bearer " + bearer);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
