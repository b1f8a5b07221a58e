package dev.llmtck.tck.openai;

/** How bodies appear in assertion messages: short enough to read, long enough to recognise. */
final class Bodies {

  private static final int MAX = 300;

  private Bodies() {}

  static String abbreviate(String body) {
    if (body == null) {
      return "(no body)";
    }
    String oneLine = body.replace("\r", "\\r").replace("\n", "\\n");
    if (oneLine.isEmpty()) {
      return "(empty body)";
    }
    return oneLine.length() <= MAX ? oneLine : oneLine.substring(0, MAX) + "... (" + oneLine.length() + " chars)";
  }
}
