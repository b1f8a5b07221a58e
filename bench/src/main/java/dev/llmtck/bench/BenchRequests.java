package dev.llmtck.bench;

import java.nio.charset.StandardCharsets;

/** The raw bytes of the chat completion requests every target gets (the same for all of them). */
final class BenchRequests {
  static final String MODEL = "bench-model";

  private BenchRequests() {
  }

  /** A keep-alive POST to {@code /v1/chat/completions} asking for {@code maxTokens} tokens. */
  static byte[] chat(boolean stream, int maxTokens) {
    String body = "{\"model\":\"" + MODEL + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Write a short note"
        + " about the weather in the mountains.\"}],\"max_tokens\":" + maxTokens + ",\"temperature\":0,"
        + "\"stream\":" + stream + (stream ? ",\"stream_options\":{\"include_usage\":true}" : "") + "}";
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String head = "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        + "Content-Length: " + bytes.length + "\r\n\r\n";
    byte[] all = new byte[head.length() + bytes.length];
    System.arraycopy(head.getBytes(StandardCharsets.US_ASCII), 0, all, 0, head.length());
    System.arraycopy(bytes, 0, all, head.length(), bytes.length);
    return all;
  }
}
