package dev.llmtck.bench.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * The fuzz cases of one mock, each made from its index and the run's seed alone (so a run can be repeated, and
 * cases made on any thread): seeded random mutations of the platform's valid requests (of the JSON tree and of
 * its bytes, properly framed and authenticated, so the body is what is tested), requests without or with wrong
 * credentials, mutated paths, queries and headers, HTTP framing attacks, pipelines, half-closed requests and
 * streams the client drops after their first bytes.
 */
final class Cases {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** What a case sends and what it may expect back. */
  record Case(String kind, String label, byte[] wire, int answers, boolean halfClose, boolean abort,
      boolean headRequest, boolean h2) {
    static Case of(String kind, String label, byte[] wire) {
      return new Case(kind, label, wire, 1, false, false, false, false);
    }

    Case answers(int n) {
      return new Case(kind, label, wire, n, halfClose, abort, headRequest, h2);
    }

    Case halfClosed() {
      return new Case(kind, label, wire, answers, true, abort, headRequest, h2);
    }

    Case aborted() {
      return new Case(kind, label, wire, answers, halfClose, true, headRequest, h2);
    }

    Case head() {
      return new Case(kind, label, wire, answers, halfClose, abort, true, h2);
    }

    Case http2() {
      return new Case(kind, label, wire, answers, halfClose, abort, headRequest, true);
    }
  }

  private final FuzzTarget target;
  private final int port;
  private final long seed;
  private final List<FuzzTarget.Template> templates;

  Cases(FuzzTarget target, int port, long seed) {
    this.target = target;
    this.port = port;
    this.seed = seed;
    this.templates = target.templates();
  }

  /** Case number {@code index}: the same bytes for the same seed, whoever asks. */
  Case make(int index) {
    Case made = pick(index);
    return new Case(made.kind(), "#" + index + " " + made.label(), made.wire(), made.answers(), made.halfClose(),
        made.abort(), made.headRequest(), made.h2());
  }

  private Case pick(int index) {
    var random = new Random(seed * 1_000_003L + index);
    int roll = random.nextInt(100);
    if (roll < 45) {
      return jsonMutation(random);
    }
    if (roll < 55) {
      return byteMutation(random);
    }
    if (roll < 62) {
      return credentials(random);
    }
    if (roll < 70) {
      return targetAndHeaders(random);
    }
    if (roll < 85) {
      return framing(random);
    }
    if (roll < 90) {
      return pipeline(random);
    }
    return abortedStream(random);
  }

  // --- bodies -------------------------------------------------------------------------------------------------

  private Case jsonMutation(Random random) {
    FuzzTarget.Template template = pickWithBody(random);
    JsonNode tree = parse(template.body());
    int mutations = 1 + random.nextInt(3);
    var label = new StringBuilder("json");
    for (int i = 0; i < mutations; i++) {
      tree = mutateTree(tree, random, label);
    }
    byte[] body;
    try {
      body = write(tree);
    } catch (RuntimeException | StackOverflowError e) { // nested deeper than a writer goes: nest as bytes instead
      body = ("{\"messages\":" + "[".repeat(3_000) + "]".repeat(3_000) + "}").getBytes(StandardCharsets.US_ASCII);
      label.append(" (nested as bytes)");
    }
    if (body.length > MAX_BODY) {
      body = Arrays.copyOf(body, (int) MAX_BODY); // over the limit, and cut: the limit's 413 is what is tested
      label.append(" cut at the limit");
    }
    return Case.of("json", label + " " + template.path(), framed(template.method(), template.path(), body, true));
  }

  private Case byteMutation(Random random) {
    FuzzTarget.Template template = pickWithBody(random);
    byte[] body = template.body().getBytes(StandardCharsets.UTF_8);
    var label = new StringBuilder("bytes");
    int mutations = 1 + random.nextInt(3);
    for (int i = 0; i < mutations; i++) {
      body = mutateBytes(body, random, label);
    }
    return Case.of("bytes", label + " " + template.path(), framed(template.method(), template.path(), body, true));
  }

  private JsonNode mutateTree(JsonNode root, Random random, StringBuilder label) {
    List<JsonNode> containers = new ArrayList<>();
    collect(root, containers);
    JsonNode container = containers.get(random.nextInt(containers.size()));
    int op = random.nextInt(12);
    if (container instanceof ObjectNode object && object.size() > 0) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      String name = names.get(random.nextInt(names.size()));
      switch (op) {
        case 0 -> {
          object.remove(name);
          label.append(" remove ").append(name);
        }
        case 1, 2, 3 -> {
          object.set(name, randomValue(random, 0));
          label.append(" set ").append(name);
        }
        case 4 -> {
          object.set("fuzz_" + random.nextInt(1000), randomValue(random, 0));
          label.append(" unknown field");
        }
        case 5 -> {
          object.set(name, NODES.arrayNode().add(object.get(name)));
          label.append(" wrap ").append(name);
        }
        case 6 -> {
          object.set(name, repeated(object.get(name), random));
          label.append(" repeat ").append(name);
        }
        case 7 -> {
          object.set(name, deep(random.nextBoolean(), 100 + random.nextInt(800))); // deeper: a byte mutation
          label.append(" nest ").append(name);
        }
        case 8 -> { // the amplification the caps are for: many prompts or messages, times a large n
          object.put("n", random.nextBoolean() ? 128 : 1 + random.nextInt(200));
          object.set(name, repeated(object.get(name), random));
          label.append(" amplify ").append(name);
        }
        default -> {
          object.set(name, numberOrString(random));
          label.append(" extreme ").append(name);
        }
      }
    } else if (container instanceof ArrayNode array && array.size() > 0) {
      int at = random.nextInt(array.size());
      switch (op % 4) {
        case 0 -> {
          array.remove(at);
          label.append(" drop element");
        }
        case 1 -> {
          array.set(at, randomValue(random, 0));
          label.append(" set element");
        }
        case 2 -> {
          JsonNode element = array.get(at);
          int copies = affordable(element, new int[] {2, 100, 5_000, 20_000}[random.nextInt(4)]);
          for (int i = 0; i < copies; i++) {
            array.add(element.deepCopy());
          }
          label.append(" ").append(copies).append(" more elements");
        }
        default -> {
          array.removeAll();
          label.append(" empty array");
        }
      }
    } else if (random.nextInt(4) == 0) {
      label.append(" replace root");
      return randomValue(random, 0);
    }
    return root;
  }

  private static void collect(JsonNode node, List<JsonNode> out) {
    if (node.isContainerNode()) {
      out.add(node);
      for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
        collect(it.next(), out);
      }
    }
    if (out.isEmpty()) {
      out.add(node);
    }
  }

  private static JsonNode repeated(JsonNode value, Random random) {
    ArrayNode array = NODES.arrayNode();
    JsonNode element = value == null ? NODES.textNode("a") : value.isArray() && value.size() > 0 ? value.get(0)
        : value;
    int copies = affordable(element, new int[] {2, 50, 2_048, 20_000}[random.nextInt(4)]);
    for (int i = 0; i < copies; i++) {
      array.add(element.deepCopy());
    }
    return array;
  }

  /**
   * At most {@code wanted} copies of {@code element}, fewer when they would make a body over {@value #MAX_BODY}
   * bytes (a little over the mocks' 8 MiB limit, so the limit itself is fuzzed too).
   */
  private static int affordable(JsonNode element, int wanted) {
    long size = Math.max(1, write(element).length + 1);
    return (int) Math.max(1, Math.min(wanted, MAX_BODY / size));
  }

  private static final long MAX_BODY = 9L * 1024 * 1024;

  private static JsonNode deep(boolean arrays, int depth) {
    JsonNode node = NODES.textNode("x");
    for (int i = 0; i < depth; i++) {
      node = arrays ? NODES.arrayNode().add(node) : NODES.objectNode().set("a", node);
    }
    return node;
  }

  private static JsonNode numberOrString(Random random) {
    switch (random.nextInt(14)) {
      case 0: return NODES.numberNode(0);
      case 1: return NODES.numberNode(-1);
      case 2: return NODES.numberNode(Integer.MAX_VALUE);
      case 3: return NODES.numberNode(Long.MAX_VALUE);
      case 4: return NODES.numberNode(Long.MIN_VALUE);
      case 5: return NODES.numberNode(1e308);
      case 6: return NODES.numberNode(-0.0);
      case 7: return NODES.numberNode(new java.math.BigInteger("9".repeat(300)));
      case 8: return NODES.numberNode(2.5);
      case 9: return NODES.textNode("");
      case 10: return NODES.textNode("\u0000\u0001\ud800\uffff\u202e");
      case 11: return NODES.textNode("x".repeat(1 << (10 + random.nextInt(11))));
      case 12: return NODES.numberNode(128);
      default: return NODES.textNode("NaN");
    }
  }

  private static JsonNode randomValue(Random random, int depth) {
    switch (random.nextInt(depth > 2 ? 6 : 9)) {
      case 0: return NODES.nullNode();
      case 1: return NODES.booleanNode(random.nextBoolean());
      case 2: case 3: return numberOrString(random);
      case 4: return NODES.textNode(randomText(random, 1 + random.nextInt(40)));
      case 5: return NODES.numberNode(random.nextInt());
      case 6: {
        ArrayNode array = NODES.arrayNode();
        for (int i = random.nextInt(4); i > 0; i--) {
          array.add(randomValue(random, depth + 1));
        }
        return array;
      }
      case 7: {
        ObjectNode object = NODES.objectNode();
        for (int i = random.nextInt(4); i > 0; i--) {
          object.set(new String[] {"role", "content", "type", "text", "name", "x"}[random.nextInt(6)],
              randomValue(random, depth + 1));
        }
        return object;
      }
      default: return NODES.objectNode().put("role", "user").set("content", randomValue(random, depth + 1));
    }
  }

  private static String randomText(Random random, int length) {
    var text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      int kind = random.nextInt(10);
      text.append(kind < 6 ? (char) (' ' + random.nextInt(95)) : kind < 8 ? (char) random.nextInt(0x20)
          : (char) (0x80 + random.nextInt(0xD000)));
    }
    return text.toString();
  }

  private static byte[] mutateBytes(byte[] body, Random random, StringBuilder label) {
    if (body.length == 0) {
      return "{".getBytes(StandardCharsets.US_ASCII);
    }
    int at = random.nextInt(body.length);
    var out = new ByteArrayOutputStream(body.length + 16);
    switch (random.nextInt(10)) {
      case 0 -> {
        byte[] copy = body.clone();
        copy[at] ^= (byte) (1 << random.nextInt(8));
        label.append(" flip");
        return copy;
      }
      case 1 -> {
        out.write(body, 0, at);
        byte[] junk = new byte[1 + random.nextInt(8)];
        random.nextBytes(junk);
        out.writeBytes(junk);
        out.write(body, at, body.length - at);
        label.append(" insert junk");
      }
      case 2 -> {
        int end = Math.min(body.length, at + 1 + random.nextInt(20));
        out.write(body, 0, at);
        out.write(body, end, body.length - end);
        label.append(" delete");
      }
      case 3 -> {
        label.append(" truncate");
        return Arrays.copyOf(body, at);
      }
      case 4 -> {
        out.write(body, 0, at);
        out.writeBytes(new byte[] {(byte) 0xC0, (byte) 0xAF, (byte) 0xFF, (byte) 0xED, (byte) 0xA0, (byte) 0x80});
        out.write(body, at, body.length - at);
        label.append(" invalid UTF-8");
      }
      case 5 -> {
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        out.writeBytes(body);
        label.append(" BOM");
      }
      case 6 -> {
        out.writeBytes(body);
        out.writeBytes(" {\"trailing\":1}".getBytes(StandardCharsets.US_ASCII));
        label.append(" trailing data");
      }
      case 7 -> { // a duplicate key
        out.writeBytes("{\"model\":\"a\",".getBytes(StandardCharsets.US_ASCII));
        out.write(body, 1, body.length - 1);
        label.append(" duplicate key");
      }
      case 8 -> {
        out.write(body, 0, at);
        out.writeBytes(("[".repeat(random.nextBoolean() ? 10 : 3_000) + "{\"\"\"\\").getBytes(StandardCharsets.US_ASCII));
        out.write(body, at, body.length - at);
        label.append(" brackets");
      }
      default -> {
        int end = Math.min(body.length, at + 1 + random.nextInt(40));
        out.writeBytes(body);
        for (int i = 0; i < 1 + random.nextInt(300); i++) {
          out.write(body, at, end - at);
        }
        label.append(" repeat bytes");
      }
    }
    return out.toByteArray();
  }

  // --- credentials, targets, headers ----------------------------------------------------------------------------

  private Case credentials(Random random) {
    List<FuzzTarget.Template> pool = new ArrayList<>(templates);
    pool.addAll(target.unauthenticatedOnly());
    FuzzTarget.Template template = pool.get(random.nextInt(pool.size()));
    byte[] body = template.body() == null ? null : template.body().getBytes(StandardCharsets.UTF_8);
    List<String[]> headers = baseHeaders(body);
    String label;
    switch (random.nextInt(6)) {
      case 0 -> label = "no credentials";
      case 1 -> {
        headers.add(new String[] {"Authorization", "Bearer wrong-" + random.nextInt(1000)});
        headers.add(new String[] {"api-key", "wrong"});
        label = "wrong key";
      }
      case 2 -> {
        headers.add(new String[] {"Authorization", "AWS4-HMAC-SHA256 Credential=AKIAFUZZ000000000001/20200101/"
            + "us-east-1/bedrock/aws4_request, SignedHeaders=host, Signature=" + "0".repeat(64)});
        headers.add(new String[] {"X-Amz-Date", "20200101T000000Z"});
        label = "stale signature";
      }
      case 3 -> {
        headers.add(new String[] {"Authorization", randomText(random, 30).replaceAll("[\\r\\n\\x00-\\x1f\\x7f-\\uffff]",
            "x")});
        label = "garbage Authorization";
      }
      case 4 -> {
        headers.add(new String[] {"Authorization", "AWS4-HMAC-SHA256 Credential=" + "/".repeat(random.nextInt(8))
            + ", SignedHeaders=" + ";".repeat(random.nextInt(2000)) + ", Signature="});
        label = "broken signature";
      }
      default -> {
        headers.add(new String[] {"Authorization", "Bearer"});
        label = "empty bearer";
      }
    }
    return Case.of("credentials", label + " " + template.path(),
        RawHttp.request(template.method(), template.path(), headers, body));
  }

  private Case targetAndHeaders(Random random) {
    FuzzTarget.Template template = templates.get(random.nextInt(templates.size()));
    String path = template.path();
    String method = template.method();
    String label;
    byte[] body = template.body() == null ? null : template.body().getBytes(StandardCharsets.UTF_8);
    List<String[]> extra = new ArrayList<>();
    switch (random.nextInt(14)) {
      case 0 -> {
        path = path + (path.contains("?") ? "&" : "?") + "x=%" + (random.nextBoolean() ? "zz" : "");
        label = "bad % in query";
      }
      case 1 -> {
        path = path.replaceFirst("/", "/%" + (random.nextBoolean() ? "G1" : "") + "/");
        label = "bad % in path";
      }
      case 2 -> {
        path = "/" + randomText(random, 1 + random.nextInt(30)).replaceAll("[^A-Za-z0-9/._~-]", "-");
        label = "random path";
      }
      case 3 -> {
        path = path + "/" + "a".repeat(random.nextBoolean() ? 9_000 : 20_000);
        label = "long path";
      }
      case 4 -> {
        method = new String[] {"PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE", "FOO", "get"}[random.nextInt(8)];
        label = "method " + method;
      }
      case 5 -> {
        path = "http://127.0.0.1:" + port + path;
        label = "absolute-form target";
      }
      case 6 -> {
        extra.add(new String[] {"Content-Type", new String[] {"text/plain", "application/json; charset=latin1",
            "multipart/form-data; boundary=x", "", "application/x-www-form-urlencoded"}[random.nextInt(5)]});
        label = "content type";
      }
      case 7 -> {
        extra.add(new String[] {"Expect", random.nextBoolean() ? "100-continue" : "teapot"});
        label = "expect";
      }
      case 8 -> {
        for (int i = 0; i < 2_000; i++) {
          extra.add(new String[] {"X-Many-" + i, "v"});
        }
        label = "2000 headers";
      }
      case 9 -> {
        extra.add(new String[] {"X-Big", "b".repeat(random.nextBoolean() ? 9_000 : 70_000)});
        label = "big header";
      }
      case 10 -> {
        extra.add(new String[] {"X-Unicode", "caf\u00e9 \u00ff"});
        extra.add(new String[] {"Accept-Encoding", "gzip, br"});
        label = "latin-1 header";
      }
      case 11 -> {
        path = path + (path.contains("?") ? "&" : "?") + "a=" + "b".repeat(5_000) + "&&=&%20=x";
        label = "odd query";
      }
      case 12 -> {
        path = path.replace("/", "//");
        label = "doubled slashes";
      }
      default -> {
        path = path + "/../" + "./" + "%2e%2e/";
        label = "dot segments";
      }
    }
    List<String[]> headers = baseHeaders(body);
    headers.addAll(target.authentication(method, safeForSigning(path), body, port));
    headers.addAll(extra);
    Case made = Case.of("target", label, RawHttp.request(method, path, headers, body));
    return method.equals("HEAD") ? made.head() : made;
  }

  private static String safeForSigning(String path) {
    return path.startsWith("http") ? path.substring(path.indexOf('/', 8)) : path;
  }

  // --- framing ----------------------------------------------------------------------------------------------------

  private Case framing(Random random) {
    FuzzTarget.Template template = pickWithBody(random);
    byte[] body = template.body().getBytes(StandardCharsets.UTF_8);
    String path = template.path();
    String host = "Host: 127.0.0.1:" + port + "\r\n";
    String auth = authLines(template.method(), path, body);
    String head = template.method() + " " + path + " HTTP/1.1\r\n" + host + "Content-Type: application/json\r\n" + auth;
    String chunked = chunk(body);
    int op = random.nextInt(26);
    switch (op) {
      case 0:
        return wire("CL+TE", head + "Content-Length: " + body.length + "\r\nTransfer-Encoding: chunked\r\n\r\n" + chunked
            + "GET /smuggled HTTP/1.1\r\n" + host + "\r\n");
      case 1:
        return wire("TE+CL", head + "Transfer-Encoding: chunked\r\nContent-Length: 4\r\n\r\n" + chunked);
      case 2: {
        String coding = new String[] {"chunked ", " chunked", "Chunked", "chunked\t", "xchunked", "chunked, identity",
            "identity, chunked", "gzip", "chunked;foo=bar", "chunked, chunked", "\u000bchunked", "chunk", "cHuNkEd"}
            [random.nextInt(13)];
        return wire("TE " + RawHttp.printable(coding), head + "Transfer-Encoding: " + coding + "\r\n\r\n" + chunked);
      }
      case 3:
        return wire("two TE", head + "Transfer-Encoding: chunked\r\nTransfer-Encoding: identity\r\n\r\n" + chunked);
      case 4:
        return wire("TE space before colon", head + "Transfer-Encoding : chunked\r\n\r\n" + chunked);
      case 5:
        return wire("TE obs-fold", head + "Transfer-Encoding:\r\n chunked\r\n\r\n" + chunked);
      case 6: {
        String size = new String[] {"zz", "-1", "ffffffffffffffff", "1 2", "0x10", "", " 5", "5 ;x"}[random.nextInt(8)];
        return wire("chunk size " + size, head + "Transfer-Encoding: chunked\r\n\r\n" + size + "\r\nhello\r\n0\r\n\r\n");
      }
      case 7:
        return wire("chunk without CRLF", head + "Transfer-Encoding: chunked\r\n\r\n5\r\nhelloXX0\r\n\r\n");
      case 8:
        return wire("chunk extension", head + "Transfer-Encoding: chunked\r\n\r\n"
            + Integer.toHexString(body.length) + ";" + "e".repeat(random.nextBoolean() ? 10 : 70_000) + "\r\n"
            + new String(body, StandardCharsets.ISO_8859_1) + "\r\n0\r\n\r\n");
      case 9:
        return wire("trailers", head + "Transfer-Encoding: chunked\r\n\r\n" + chunked.substring(0, chunked.length() - 2)
            + "X-Trailer: 1\r\nBroken trailer\r\n\r\n");
      case 10: {
        String length = new String[] {"-1", "+5", "5, 5", "5, 6", " 5 ", "0x5", "99999999999999999999", "1e3", ""}
            [random.nextInt(9)];
        return wire("Content-Length " + length, head + "Content-Length: " + length + "\r\n\r\n"
            + new String(body, StandardCharsets.ISO_8859_1));
      }
      case 11:
        return wire("two Content-Length", head + "Content-Length: " + body.length + "\r\nContent-Length: "
            + (body.length + 1) + "\r\n\r\n" + new String(body, StandardCharsets.ISO_8859_1));
      case 12:
        return wire("Content-Length over the limit", head + "Content-Length: " + (8 * 1024 * 1024 + 1) + "\r\n\r\n{");
      case 13:
        return wire("body shorter, half-closed", head + "Content-Length: " + (body.length + 50) + "\r\n\r\n"
            + new String(body, StandardCharsets.ISO_8859_1)).halfClosed();
      case 14:
        return wire("whole request, half-closed", head + "Content-Length: " + body.length + "\r\n\r\n"
            + new String(body, StandardCharsets.ISO_8859_1)).halfClosed();
      case 15:
        return wire("NUL in header", head + "X-Nul: a\u0000b\r\nContent-Length: 0\r\n\r\n");
      case 16:
        return wire("NUL in name", head + "X-N\u0000ul: ab\r\nContent-Length: 0\r\n\r\n");
      case 17:
        return wire("header without colon", head + "NoColonHere\r\nContent-Length: 0\r\n\r\n");
      case 18:
        return wire("space before colon", head + "X-Space : v\r\nContent-Length: 0\r\n\r\n");
      case 19:
        return wire("bare LF", (template.method() + " " + path + " HTTP/1.1\n" + host.replace("\r\n", "\n")
            + "Content-Length: 0\n\n"));
      case 20: {
        String line = new String[] {"GET / HTTP/2.0", "GET / HTTP/1.2", "GET /", "GET  /  HTTP/1.1", "G\u0000T / HTTP/1.1",
            "GET / FOO/1.1", "/ HTTP/1.1", "GET * HTTP/1.1", "CONNECT 127.0.0.1:1 HTTP/1.1"}[random.nextInt(9)];
        return wire("request line " + RawHttp.printable(line), line + "\r\n" + host + "\r\n");
      }
      case 21: {
        String value = new String[] {"a b", "a/b", "a@b", "[::1", "a:port", "a:99999999", "", "a\tb"}
            [random.nextInt(8)];
        return wire("Host " + RawHttp.printable(value), template.method() + " " + path + " HTTP/1.1\r\nHost: " + value
            + "\r\nContent-Length: 0\r\n\r\n");
      }
      case 22:
        return wire("no Host", template.method() + " " + path + " HTTP/1.1\r\nContent-Length: 0\r\n\r\n");
      case 23:
        return wire("two Host", template.method() + " " + path + " HTTP/1.1\r\n" + host + host
            + "Content-Length: 0\r\n\r\n");
      case 24:
        return wire("HTTP/1.0 with TE", template.method() + " " + path + " HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n"
            + chunked);
      default: {
        byte[] junk = new byte[1 + random.nextInt(200)];
        random.nextBytes(junk);
        String text = new String(junk, StandardCharsets.ISO_8859_1);
        if (random.nextInt(3) == 0) { // HTTP/2's preface then garbage: the front (Bedrock) goes to HTTP/2
          return Case.of("framing", "h2 preface + junk", ("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n" + text)
              .getBytes(StandardCharsets.ISO_8859_1)).http2();
        }
        return wire("junk", text.replace("\n", "") + "\r\n\r\n");
      }
    }
  }

  private static Case wire(String label, String text) {
    return Case.of("framing", label, text.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static String chunk(byte[] body) {
    return Integer.toHexString(body.length) + "\r\n" + new String(body, StandardCharsets.ISO_8859_1) + "\r\n0\r\n\r\n";
  }

  private String authLines(String method, String path, byte[] body) {
    var lines = new StringBuilder();
    for (String[] header : target.authentication(method, path, body, port)) {
      lines.append(header[0]).append(": ").append(header[1]).append("\r\n");
    }
    return lines.toString();
  }

  // --- pipelines and dropped streams --------------------------------------------------------------------------

  private Case pipeline(Random random) {
    int n = 2 + random.nextInt(5);
    var wire = new ByteArrayOutputStream();
    for (int i = 0; i < n; i++) {
      FuzzTarget.Template template = templates.get(random.nextInt(templates.size()));
      byte[] body = template.body() == null ? null : template.body().getBytes(StandardCharsets.UTF_8);
      wire.writeBytes(framed(template.method(), template.path(), body, true));
    }
    Case made = Case.of("pipeline", n + " pipelined requests", wire.toByteArray()).answers(n);
    return random.nextBoolean() ? made.halfClosed() : made;
  }

  private Case abortedStream(Random random) {
    List<FuzzTarget.Template> streams = templates.stream().filter(FuzzTarget.Template::stream).toList();
    FuzzTarget.Template template = streams.get(random.nextInt(streams.size()));
    byte[] body = template.body().getBytes(StandardCharsets.UTF_8);
    if (random.nextInt(4) == 0) { // dropped while sending the request: nothing to wait for
      byte[] whole = framed(template.method(), template.path(), body, true);
      return Case.of("aborted", "request dropped halfway", Arrays.copyOf(whole, whole.length / 2)).answers(0)
          .aborted();
    }
    return Case.of("aborted", "stream dropped after its first bytes",
        framed(template.method(), template.path(), body, true)).aborted();
  }

  // --- helpers ----------------------------------------------------------------------------------------------------

  private FuzzTarget.Template pickWithBody(Random random) {
    List<FuzzTarget.Template> withBody = templates.stream().filter(t -> t.body() != null).toList();
    return withBody.get(random.nextInt(withBody.size()));
  }

  /** A well-framed request: Host, Content-Type, Content-Length (of the body as it is) and, if asked, credentials. */
  private byte[] framed(String method, String path, byte[] body, boolean authenticated) {
    List<String[]> headers = baseHeaders(body);
    if (authenticated) {
      headers.addAll(target.authentication(method, path, body, port));
    }
    return RawHttp.request(method, path, headers, body);
  }

  private List<String[]> baseHeaders(byte[] body) {
    List<String[]> headers = new ArrayList<>();
    headers.add(new String[] {"Host", "127.0.0.1:" + port});
    if (body != null) {
      headers.add(new String[] {"Content-Type", "application/json"});
      headers.add(new String[] {"Content-Length", Integer.toString(body.length)});
    }
    return headers;
  }

  private static JsonNode parse(String json) {
    try {
      return FuzzTarget.JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a template is not JSON", e);
    }
  }

  private static byte[] write(JsonNode tree) {
    try {
      return FuzzTarget.JSON.writeValueAsBytes(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
