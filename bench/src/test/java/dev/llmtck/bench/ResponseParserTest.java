package dev.llmtck.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseParserTest {
  private final StringBuilder body = new StringBuilder();
  private final List<String> completed = new ArrayList<>();
  private final ResponseParser parser = new ResponseParser(new ResponseParser.Listener() {
    @Override
    public void onBody(byte[] data, int offset, int length, long nanos) {
      body.append(new String(data, offset, length, StandardCharsets.US_ASCII));
    }

    @Override
    public void onComplete(int status, long nanos) {
      completed.add(status + ":" + body);
      body.setLength(0);
    }
  });

  private void feed(String text) {
    parser.feed(ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)), 0);
  }

  @Test
  void readsContentLengthBodiesBackToBackOnOneConnection() {
    feed("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhelloHTTP/1.1 404 Not Found\r\ncontent-length: 2\r\n\r\nno");

    assertThat(completed).containsExactly("200:hello", "404:no");
  }

  @Test
  void readsChunkedBodiesSplitAnywhere() {
    String response = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6;x=y\r\n world\r\n0\r\n\r\n";
    for (int i = 0; i < response.length(); i++) {
      feed(response.substring(i, i + 1)); // one byte at a time
    }

    assertThat(completed).containsExactly("200:hello world");
  }

  @Test
  void anEmptyBodyCompletesAtTheEndOfTheHeaders() {
    feed("HTTP/1.1 204 No Content\r\n\r\n");

    assertThat(completed).containsExactly("204:");
  }
}
