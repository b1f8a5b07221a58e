package dev.llmtck.tck.sse;

import java.io.IOException;

/**
 * A stream went past a bound of the kit's reader (a line, an event, the whole stream, the number of events): the
 * reader stops there rather than spend the kit's memory on it, and the clause fails with this message.
 */
public final class SseLimitExceeded extends IOException {

  SseLimitExceeded(String message) {
    super(message);
  }
}
