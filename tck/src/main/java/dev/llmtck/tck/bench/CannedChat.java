package dev.llmtck.tck.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One fixed chat completion answer of a chosen number of tokens, in both shapes an OpenAI-compatible server
 * sends: a JSON body, and the server-sent events of the same answer (a role chunk, one chunk per token, a
 * finish chunk, a usage chunk, {@code [DONE]}). The zero-latency targets serve it.
 */
public final class CannedChat {
  private final byte[] json;
  private final List<byte[]> events;

  private CannedChat(byte[] json, List<byte[]> events) {
    this.json = json;
    this.events = List.copyOf(events);
  }

  /** An answer of {@code tokens} tokens from {@code model} to a prompt of {@code promptTokens} tokens. */
  public static CannedChat of(String model, int tokens, int promptTokens) {
    String id = "chatcmpl-canned";
    String head = "{\"id\":\"" + id + "\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\""
        + model + "\",\"choices\":[{\"index\":0,\"delta\":";
    String usage = "\"usage\":{\"prompt_tokens\":" + promptTokens + ",\"completion_tokens\":" + tokens
        + ",\"total_tokens\":" + (promptTokens + tokens) + "}";
    List<byte[]> events = new ArrayList<>();
    events.add(event(head + "{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}"));
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < tokens; i++) {
      String token = (i == 0 ? "" : " ") + "word" + (i % 10);
      text.append(token);
      events.add(event(head + "{\"content\":\"" + token + "\"},\"finish_reason\":null}]}"));
    }
    events.add(event(head + "{},\"finish_reason\":\"length\"}]}"));
    events.add(event("{\"id\":\"" + id + "\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
        + "\"model\":\"" + model + "\",\"choices\":[]," + usage + "}"));
    events.add("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
    String json = "{\"id\":\"" + id + "\",\"object\":\"chat.completion\",\"created\":1700000000,\"model\":\""
        + model + "\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"" + text
        + "\"},\"finish_reason\":\"length\"}]," + usage + "}";
    return new CannedChat(json.getBytes(StandardCharsets.UTF_8), events);
  }

  /**
   * The answer a real server gave: its JSON body, and its event-stream body, cut into events at each blank
   * line (what a benchmark replays to compare servers on the same bytes).
   */
  public static CannedChat captured(byte[] json, byte[] eventStream) {
    List<byte[]> events = new ArrayList<>();
    int from = 0;
    for (int i = 1; i < eventStream.length; i++) {
      if (eventStream[i] == '\n' && eventStream[i - 1] == '\n') {
        events.add(java.util.Arrays.copyOfRange(eventStream, from, i + 1));
        from = i + 1;
      }
    }
    if (from < eventStream.length) {
      events.add(java.util.Arrays.copyOfRange(eventStream, from, eventStream.length));
    }
    return new CannedChat(json.clone(), events);
  }

  private static byte[] event(String data) {
    return ("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
  }

  /** The non-streamed answer ({@code application/json}). */
  public byte[] json() {
    return json.clone();
  }

  /** The streamed answer's events, each a complete {@code data: ...\n\n} event. */
  public List<byte[]> events() {
    return events;
  }

  /** Each event framed as one HTTP/1.1 chunk ({@code <hex length>\r\n<event>\r\n}), for raw servers. */
  public List<byte[]> chunkedEvents() {
    List<byte[]> chunks = new ArrayList<>();
    for (byte[] event : events) {
      byte[] head = (Integer.toHexString(event.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
      byte[] chunk = new byte[head.length + event.length + 2];
      System.arraycopy(head, 0, chunk, 0, head.length);
      System.arraycopy(event, 0, chunk, head.length, event.length);
      chunk[chunk.length - 2] = '\r';
      chunk[chunk.length - 1] = '\n';
      chunks.add(chunk);
    }
    return chunks;
  }

  /** The streamed answer as one body (what a server that cannot pace events sends). */
  public byte[] eventStream() {
    var out = new java.io.ByteArrayOutputStream();
    events.forEach(out::writeBytes);
    return out.toByteArray();
  }
}
