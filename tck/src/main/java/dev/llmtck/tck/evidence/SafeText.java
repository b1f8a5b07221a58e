package dev.llmtck.tck.evidence;

/**
 * Target text made safe to show: a console, a CI log, an HTML page or a JUnit report must never <em>render</em>
 * what a target sent. Control characters (C0, DEL, C1) and the Unicode bidirectional controls (which reorder
 * how a line reads: "Trojan Source") are written as visible escapes instead, {@code \x1B} or
 * <code>&#92;u202E</code>, so a target cannot move the cursor, recolour a line, ring the bell, retitle the
 * terminal, or fake a {@code pass} line in a CI log; lone surrogates (not text) are escaped too. Only the kit's
 * views escape so: the data ({@code report.json}) keeps what was received, in JSON's own escaping.
 */
public final class SafeText {

  private SafeText() {
  }

  /** For one console or log line: every control character escaped, line breaks and tabs too. */
  public static String line(String text) {
    return escape(text, false);
  }

  /**
   * For text that may span lines (a {@code <pre>}, a JUnit failure): tab, line feed and a carriage return just
   * before a line feed kept, the rest escaped.
   */
  public static String multiline(String text) {
    return escape(text, true);
  }

  /** Whether {@code c} is never shown as is: C0 (but tab and line feed when {@code multiline}), DEL, C1, bidi. */
  public static boolean escaped(char c, boolean multiline) {
    if (c < 0x20) {
      return !(multiline && (c == '\n' || c == '\t'));
    }
    return c == 0x7F || (c >= 0x80 && c <= 0x9F) || isBidiControl(c) || c == 0x2028 || c == 0x2029;
  }

  /** The bidirectional formatting characters: embeddings, overrides, isolates and the invisible marks. */
  static boolean isBidiControl(char c) {
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F
        || c == 0x061C;
  }

  /**
   * {@code text} cut to at most {@code max} characters, saying how much was left out; never cuts a surrogate pair
   * in two.
   */
  public static String cut(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    int end = max;
    if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "...[cut: " + (text.length() - end) + " more chars]";
  }

  private static String escape(String text, boolean multiline) {
    if (text == null) {
      return null;
    }
    int first = firstToEscape(text, multiline);
    if (first < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    out.append(text, 0, first);
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isSurrogate(c)) {
        boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
            && Character.isLowSurrogate(text.charAt(i + 1));
        if (paired) {
          out.append(c).append(text.charAt(++i));
        } else {
          unicode(out, c);
        }
      } else if (!escaped(c, multiline) || crlf(text, i, multiline)) {
        out.append(c);
      } else if (c <= 0xFF) {
        out.append("\\x").append(hex(c >> 4)).append(hex(c));
      } else {
        unicode(out, c);
      }
    }
    return out.toString();
  }

  private static int firstToEscape(String text, boolean multiline) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
          continue;
        }
        return i;
      }
      if (escaped(c, multiline) && !crlf(text, i, multiline)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean crlf(String text, int i, boolean multiline) {
    return multiline && text.charAt(i) == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n';
  }

  private static void unicode(StringBuilder out, char c) {
    out.append("\\u").append(hex(c >> 12)).append(hex(c >> 8)).append(hex(c >> 4)).append(hex(c));
  }

  private static char hex(int nibble) {
    return "0123456789ABCDEF".charAt(nibble & 0xF);
  }
}
