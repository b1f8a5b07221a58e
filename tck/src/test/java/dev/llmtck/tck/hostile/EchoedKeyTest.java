package dev.llmtck.tck.hostile;

import dev.llmtck.tck.console.NoStackTraceInConsoles;
import org.junit.jupiter.api.extension.ExtendWith;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmtck.tck.evidence.Redactor;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, point 9: a key a target echoes back never reaches a report, the console or a message, in whatever
 * encoding a platform echoes it. Before, only the verbatim key was masked: its base64 (a Basic credential, a
 * token), upper- or lower-cased form (a folded header), URL encoding, hex, JSON escapes and a header name that
 * carried it all reached report.json and report.html.
 */
@ExtendWith(NoStackTraceInConsoles.class)
class EchoedKeyTest {
  /** A '+' (a token character, so it can be in a header name) that URL-encodes and changes base64's alphabet. */
  private static final String KEY = "sk-hostile-SECRET+9f8e7d6c5b4a3210";

  @TempDir
  Path dir;

  /** Every form of the key a platform could plausibly echo, by name. */
  static Map<String, String> encodings(String key) {
    byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
    Map<String, String> forms = new LinkedHashMap<>();
    forms.put("verbatim", key);
    forms.put("upper case", key.toUpperCase(Locale.ROOT));
    forms.put("lower case", key.toLowerCase(Locale.ROOT));
    forms.put("base64", Base64.getEncoder().encodeToString(bytes));
    forms.put("base64 unpadded", Base64.getEncoder().withoutPadding().encodeToString(bytes));
    forms.put("base64url", Base64.getUrlEncoder().encodeToString(bytes));
    forms.put("base64url unpadded", Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    forms.put("base64 of Bearer key", Base64.getEncoder().encodeToString(("Bearer " + key)
        .getBytes(StandardCharsets.UTF_8)));
    forms.put("base64 of id:key (Basic)", Base64.getEncoder().encodeToString(("AKIDEXAMPLE:" + key)
        .getBytes(StandardCharsets.UTF_8)));
    forms.put("base64 of a JSON document holding it", Base64.getEncoder().encodeToString(("{\"token\":\"" + key
        + "\",\"n\":1}").getBytes(StandardCharsets.UTF_8)));
    forms.put("base64url of id:key", Base64.getUrlEncoder().encodeToString(("u:" + key)
        .getBytes(StandardCharsets.UTF_8)));
    forms.put("URL-encoded", URLEncoder.encode(key, StandardCharsets.UTF_8));
    StringBuilder everyByte = new StringBuilder();
    for (byte b : bytes) {
      everyByte.append(String.format(Locale.ROOT, "%%%02X", b));
    }
    forms.put("URL-encoded, every byte", everyByte.toString());
    forms.put("URL-encoded twice", URLEncoder.encode(URLEncoder.encode(key, StandardCharsets.UTF_8),
        StandardCharsets.UTF_8));
    forms.put("hex", HexFormat.of().formatHex(bytes));
    forms.put("HEX", HexFormat.of().withUpperCase().formatHex(bytes));
    forms.put("JSON \\u escapes, every character", key.chars().mapToObj(c -> String.format(Locale.ROOT, "\\u%04x", c))
        .collect(Collectors.joining()));
    StringBuilder some = new StringBuilder();
    for (int i = 0; i < key.length(); i++) {
      some.append(i % 3 == 1 ? String.format(Locale.ROOT, "\\u%04X", (int) key.charAt(i)) : key.charAt(i));
    }
    forms.put("JSON \\u escapes, some characters", some.toString());
    forms.put("JSON with escaped slashes", key.replace("/", "\\/"));
    forms.put("HTML character references", key.chars().mapToObj(c -> "&#" + c + ";").collect(Collectors.joining()));
    return forms;
  }

  @Test
  void theRedactorMasksEveryEncodingInEveryContext() {
    Redactor redactor = Redactor.of(List.of(KEY));
    for (Map.Entry<String, String> form : encodings(KEY).entrySet()) {
      for (String context : List.of("%s", "{\"echo\":\"%s\"}", "Authorization: Basic %s", "x-echo-%s: 1",
          "https://h/v1?token=%s&x=1", "<td>%s</td>", "\"%s\"")) {
        String text = String.format(Locale.ROOT, context, form.getValue());
        String masked = redactor.text(text);
        assertThat(masked).as("%s in %s", form.getKey(), context).contains(Redactor.MASK)
            .doesNotContain(form.getValue()).doesNotContainIgnoringCase("SECRET");
      }
    }
    // A key with JSON's special characters, as JSON (and JSON in JSON) writes it.
    String odd = "we\"ird\\key/12345";
    Redactor oddRedactor = Redactor.of(List.of(odd));
    String once = new com.fasterxml.jackson.databind.node.TextNode(odd).toString();
    String twice = new com.fasterxml.jackson.databind.node.TextNode("{\"k\":" + once + "}").toString();
    assertThat(oddRedactor.text("{\"k\":" + once + "}")).isEqualTo("{\"k\":\"[REDACTED]\"}");
    assertThat(oddRedactor.text(twice)).doesNotContain("ird").contains(Redactor.MASK);
    // Ordinary text around a key, and text without one, is left alone.
    assertThat(redactor.text("before " + KEY + " after")).isEqualTo("before [REDACTED] after");
    assertThat(redactor.text("{\"id\":\"chatcmpl-123\",\"content\":\"Hello, sk-other 100%\"}"))
        .isEqualTo("{\"id\":\"chatcmpl-123\",\"content\":\"Hello, sk-other 100%\"}");
    assertThat(redactor.text("token=" + Base64.getEncoder().encodeToString(KEY.getBytes(StandardCharsets.UTF_8))
        + "&next=1")).isEqualTo("token=[REDACTED]&next=1");
  }

  @Test
  void aKeyEchoedInEveryEncodingReachesNoReportAndNoConsole() throws Exception {
    Map<String, String> forms = encodings(KEY);
    StringBuilder json = new StringBuilder("{\"object\":\"list\",\"data\":[{\"id\":\"m\",\"object\":\"model\","
        + "\"created\":1,\"owned_by\":\"x\"}],\"echo\":{");
    forms.forEach((name, form) -> json.append('"').append(name.replace("\\", "\\\\")).append("\":\"")
        .append(form.replace("\\u", "\\\\u").replace("\\/", "\\\\/")).append("\","));
    json.append("\"raw escapes\":\"").append(forms.get("JSON \\u escapes, some characters")).append("\"}}");
    String headers = "X-Echo-" + KEY + ": 1"; // the JDK's client gives it to the kit as x-echo-sk-hostile-secret+...
    try (HostileServer server = HostileServer.start((request, out) -> {
      String auth = String.valueOf(request.header("authorization"));
      String[] echo = {headers, "X-Echo-B64: " + forms.get("base64"), "X-Echo-Upper: " + forms.get("upper case"),
          "WWW-Authenticate: " + auth, "X-Echo-Hex: " + forms.get("hex")};
      if (request.path().endsWith("/models")) {
        HostileServer.respond(out, 200, "application/json", json.toString(), echo);
      } else {
        HostileServer.respond(out, 401, "application/json", "{\"error\":{\"message\":\"Incorrect API key provided: "
            + forms.get("base64 of Bearer key") + " (" + forms.get("URL-encoded") + ", "
            + auth.toUpperCase(Locale.ROOT) + ")\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}",
            echo);
      }
    })) {
      Kit kit = Kit.run(dir, "run", "--base-url", server.baseUrl(), "--model", "m", "--api-key", KEY, "--clause",
          "OAI-MODELS-1", "--clause", "OAI-MODELS-4", "--clause", "OAI-HEALTH-2", "--clause", "OAI-CHAT-1",
          "--clause", "OAI-AUTH-3");

      assertThat(kit.report().path("clauses")).hasSize(5);
      assertThat(kit.out()).contains("[REDACTED]");
      assertNowhere(kit, forms);
    }
  }

  @Test
  void anAzureKeyEchoedInItsHeaderAndBodyIsMaskedToo() throws Exception {
    String key = "0123456789abcdefAZUREkey0123456789";
    Map<String, String> forms = encodings(key);
    try (HostileServer server = HostileServer.start((request, out) -> HostileServer.respond(out, 401,
        "application/json", "{\"error\":{\"code\":\"401\",\"message\":\"Access denied: key "
            + forms.get("base64") + " / " + forms.get("HEX") + " / " + forms.get("JSON \\u escapes, every character")
            + "\"}}", "X-Echo-" + key + ": " + forms.get("URL-encoded, every byte")))) {
      Kit kit = Kit.run(dir, "run", "--platform", "azure", "--endpoint", "http://127.0.0.1:" + server.port(),
          "--deployment", "d", "--api-key", key, "--clause", "AZ-BODY-1", "--clause", "AZ-AUTH-1");

      assertThat(kit.report().path("clauses")).hasSize(2);
      assertNowhere(kit, forms);
    }
  }

  private static void assertNowhere(Kit kit, Map<String, String> forms) throws Exception {
    for (Map.Entry<String, String> text : kit.everything().entrySet()) {
      for (Map.Entry<String, String> form : forms.entrySet()) {
        assertThat(text.getValue()).as("%s in %s", form.getKey(), text.getKey()).doesNotContain(form.getValue());
      }
      // The report is HTML or JSON: an escaped key is as good as a plain one to whoever reads the file.
      assertThat(Redactor.of(List.of(forms.get("verbatim"))).text(text.getValue())).as(text.getKey())
          .isEqualTo(text.getValue());
    }
  }
}
