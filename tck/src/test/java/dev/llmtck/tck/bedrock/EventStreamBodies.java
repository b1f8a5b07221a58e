package dev.llmtck.tck.bedrock;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.eventstream.HeaderValue;
import software.amazon.eventstream.Message;

/** Event-stream bodies for broken platforms, encoded with AWS's codec (then broken on purpose where asked). */
final class EventStreamBodies {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  static EventStreamBodies stream() {
    return new EventStreamBodies();
  }

  EventStreamBodies event(String type, String json) {
    Map<String, HeaderValue> headers = new LinkedHashMap<>();
    headers.put(":event-type", HeaderValue.fromString(type));
    headers.put(":content-type", HeaderValue.fromString("application/json"));
    headers.put(":message-type", HeaderValue.fromString("event"));
    ByteBuffer frame = new Message(headers, json.getBytes(StandardCharsets.UTF_8)).toByteBuffer();
    byte[] bytes = new byte[frame.remaining()];
    frame.get(bytes);
    out.writeBytes(bytes);
    return this;
  }

  /** A {@code chunk} event whose {@code bytes} hold {@code json}, base64 as Bedrock sends it. */
  EventStreamBodies chunk(String json) {
    return event("chunk", "{\"bytes\":\"" + Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8))
        + "\"}");
  }

  byte[] bytes() {
    return out.toByteArray();
  }

  /** The body with its last byte flipped: the last frame's message CRC no longer matches. */
  byte[] withBadCrc() {
    byte[] bytes = bytes();
    bytes[bytes.length - 1] ^= 0x5a;
    return bytes;
  }

  /** The body cut {@code n} bytes before its end: a partial last frame. */
  byte[] cut(int n) {
    byte[] bytes = bytes();
    return java.util.Arrays.copyOf(bytes, bytes.length - n);
  }
}
