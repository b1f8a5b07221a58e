package dev.llmtck.bench;

import dev.llmtck.fixtures.Pacing;
import dev.llmtck.fixtures.openai.VllmSimulator;
import dev.llmtck.fixtures.canned.CannedChat;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;

/** The OpenAI/vLLM reference platform, in process, serving {@link BenchRequests#MODEL} without an API key. */
final class ReferencePlatformTarget implements SpeedTarget {
  private final VllmSimulator platform;

  ReferencePlatformTarget(Duration timeToFirstToken, Duration interTokenLatency) {
    platform = VllmSimulator.builder().servedModelNames(BenchRequests.MODEL)
        .pacing(Pacing.of(timeToFirstToken, interTokenLatency)).start();
  }

  /**
   * The platform's own answers to the benchmark requests (JSON and event stream) for {@code maxTokens}: what
   * WireMock and the raw server then replay, so every target sends the same bytes.
   */
  CannedChat capture(int maxTokens) {
    return CannedChat.captured(body(BenchRequests.chat(false, maxTokens)), body(BenchRequests.chat(true, maxTokens)));
  }

  @Override
  public String name() {
    return "reference platform";
  }

  @Override
  public InetSocketAddress address() {
    return new InetSocketAddress("127.0.0.1", platform.port());
  }

  @Override
  public void close() {
    platform.close();
  }

  /** Sends one request and returns the de-chunked body of a 200 answer. */
  private byte[] body(byte[] request) {
    var body = new java.io.ByteArrayOutputStream();
    int[] status = {0};
    boolean[] done = {false};
    var parser = new ResponseParser(new ResponseParser.Listener() {
      @Override
      public void onBody(byte[] data, int offset, int length, long nanos) {
        body.write(data, offset, length);
      }

      @Override
      public void onComplete(int code, long nanos) {
        status[0] = code;
        done[0] = true;
      }
    });
    try (Socket socket = new Socket()) {
      socket.connect(address(), 5_000);
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(request);
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[16 * 1024];
      int n;
      while (!done[0] && (n = in.read(buffer)) > 0) {
        parser.feed(ByteBuffer.wrap(buffer, 0, n), System.nanoTime());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (status[0] != 200) {
      throw new IllegalStateException("the reference platform answered the benchmark request with " + status[0]);
    }
    return body.toByteArray();
  }
}
