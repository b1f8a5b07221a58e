package dev.llmtck.tck.evidence;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Removes secrets from evidence before it leaves the kit: the values of credential headers, and every known
 * secret value wherever it appears (URLs, bodies, header names and values, messages). Applied at the source, so
 * no report, log or exception message built from evidence can carry a key.
 *
 * <p>A platform that echoes a key rarely echoes it verbatim: it may lower-case it (a header folded to lower
 * case), base64 it (a Basic or Bearer credential, a JWT-like token, standard or URL-safe alphabet, padded or
 * not, the key alone or inside {@code Bearer <key>} or {@code <id>:<key>}), URL-encode it, hex it, or
 * JSON-escape some or all of its characters (<code>&#92;u0073k-...</code>, {@code \/}), and a report escapes it
 * once more (JSON, HTML and XML escaping). So the match is case-insensitive, and it reads through escapes: at
 * every position the text is decoded on the fly ({@code \}<i>uXXXX</i> with any number of backslashes,
 * {@code \}<i>xXX</i>, {@code \/}, {@code \"}, an escaped backslash, {@code %XX} (also {@code %25XX}), HTML
 * character references) and compared with the key, its hex, and its base64 in each of the three byte alignments
 * base64 can put it in (so the key is found inside the base64 of any longer text); a base64 or hex match masks
 * the whole base64 or hex run around it. Out of scope: a key spread out (a character between each of its
 * characters, its halves in two places) and encodings other than these.
 */
public final class Redactor {

  /** What a removed secret is replaced with. */
  public static final String MASK = "[REDACTED]";

  private static final Set<String> SECRET_HEADERS = Set.of("authorization", "proxy-authorization", "api-key",
      "x-api-key", "x-amz-security-token", "cookie", "set-cookie", "x-goog-api-key", "ocp-apim-subscription-key",
      "x-auth-token");

  /** Shorter values are too likely to occur by chance in ordinary text to be masked everywhere. */
  private static final int MIN_SECRET_LENGTH = 4;

  /** Base64 pieces shorter than this are too likely to occur by chance (a whole short key's base64 still counts). */
  private static final int MIN_ENCODED_PIECE = 8;

  private enum Run {
    /** Masks the match alone. */
    NONE,
    /** Masks the base64 token around the match (a key's base64 is part of a longer base64 text). */
    BASE64,
    /** Masks the hex run around the match. */
    HEX
  }

  private record Needle(char[] chars, Run run) {
  }

  private final List<String> secrets;
  /** Every form, longest first. */
  private final Needle[] needles;
  /** The forms by their first character (ASCII), longest first; null when none starts with it. */
  private final Needle[][] byFirst = new Needle[128][];
  /** The first characters of forms outside ASCII. */
  private final String otherFirst;

  private Redactor(List<String> secrets) {
    this.secrets = secrets;
    Map<String, Run> forms = new LinkedHashMap<>();
    for (String secret : secrets) {
      forms(secret, forms);
    }
    List<Needle> all = new ArrayList<>();
    forms.forEach((form, run) -> all.add(new Needle(form.toCharArray(), run)));
    // Longest first, so a secret that contains another is masked whole.
    all.sort((a, b) -> b.chars().length - a.chars().length);
    this.needles = all.toArray(Needle[]::new);
    StringBuilder other = new StringBuilder();
    for (char first = 0; first < 128; first++) {
      char c = first;
      Needle[] starting = all.stream().filter(n -> n.chars()[0] == c).toArray(Needle[]::new);
      byFirst[first] = starting.length == 0 ? null : starting;
    }
    for (Needle needle : needles) {
      char first = needle.chars()[0];
      if (first >= 128 && other.indexOf(String.valueOf(first)) < 0) {
        other.append(first);
      }
    }
    // Escapes can stand for any character, so they may start any form.
    byFirst['\\'] = needles;
    byFirst['%'] = needles;
    byFirst['&'] = needles;
    this.otherFirst = other.toString();
  }

  /** A redactor that masks credential headers and the given secret values (null or blank ones are ignored). */
  public static Redactor of(Collection<String> secrets) {
    List<String> kept = new ArrayList<>();
    for (String secret : secrets) {
      if (secret != null && secret.strip().length() >= MIN_SECRET_LENGTH && !kept.contains(secret)) {
        kept.add(secret);
      }
    }
    kept.sort((a, b) -> b.length() - a.length());
    return new Redactor(List.copyOf(kept));
  }

  /** A redactor that knows one more secret value. */
  public Redactor and(String secret) {
    List<String> all = new ArrayList<>(secrets);
    all.add(secret);
    return of(all);
  }

  /** Whether a header's value is a credential, whatever it holds. */
  public static boolean isSecretHeader(String name) {
    return SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT));
  }

  /** The header's value, or the mask for credential headers. */
  public String header(String name, String value) {
    return isSecretHeader(name) ? MASK : text(value);
  }

  /** The text with every known secret value masked, in any of the encodings this class reads through. */
  public String text(String text) {
    if (text == null || needles.length == 0) {
      return text;
    }
    StringBuilder out = null;
    int copied = 0;
    int length = text.length();
    int i = 0;
    while (i < length) {
      char lower = Character.toLowerCase(text.charAt(i));
      Needle[] candidates = lower < 128 ? byFirst[lower] : otherFirst.indexOf(lower) >= 0 ? needles : null;
      if (candidates == null) {
        i++;
        continue;
      }
      int end = -1;
      Run run = Run.NONE;
      for (Needle needle : candidates) {
        end = matchAt(text, i, needle.chars());
        if (end > 0) {
          run = needle.run();
          break;
        }
      }
      if (end < 0) {
        i++;
        continue;
      }
      int start = i;
      if (run != Run.NONE) {
        while (start > copied && inRun(text.charAt(start - 1), run)) {
          start--;
        }
        while (end < length && inRun(text.charAt(end), run)) {
          end++;
        }
        if (run == Run.BASE64) {
          end = padding(text, end);
        }
      }
      if (out == null) {
        out = new StringBuilder(text.length());
      }
      out.append(text, copied, start).append(MASK);
      copied = end;
      i = end;
    }
    if (out == null) {
      return text;
    }
    return out.append(text, copied, length).toString();
  }

  /** Where a match of {@code needle} (lower case, decoded) starting at {@code start} ends, or -1. */
  private static int matchAt(String text, int start, char[] needle) {
    return matchFrom(text, start, needle, 0);
  }

  /**
   * Matches {@code needle[from..]} at {@code at}: each character either as it stands or as the escape that
   * starts there (where both fit, e.g. a key holding a backslash, both ways are tried).
   */
  private static int matchFrom(String text, int at, char[] needle, int from) {
    for (int k = from; k < needle.length; k++) {
      if (at >= text.length()) {
        return -1;
      }
      char wanted = needle[k];
      char raw = text.charAt(at);
      boolean rawFits = Character.toLowerCase(raw) == wanted;
      if (raw == '\\' || raw == '%' || raw == '&') {
        long decoded = decode(text, at);
        if (decoded >= 0 && Character.toLowerCase((char) (decoded >>> 32)) == wanted) {
          if (!rawFits) {
            at = (int) decoded;
            continue;
          }
          int end = matchFrom(text, (int) decoded, needle, k + 1);
          if (end >= 0) {
            return end;
          }
        }
      }
      if (!rawFits) {
        return -1;
      }
      at++;
    }
    return at;
  }

  /**
   * The escape at {@code at}, decoded: {@code (char << 32) | indexAfterIt}, or -1 when no escape starts there.
   */
  private static long decode(String text, int at) {
    char c = text.charAt(at);
    if (c == '\\') {
      int p = at;
      while (p < text.length() && text.charAt(p) == '\\') {
        p++;
      }
      if (p >= text.length()) {
        return -1;
      }
      char kind = text.charAt(p);
      if ((kind == 'u' || kind == 'U') && hexAt(text, p + 1, 4) >= 0) {
        return ((long) hexAt(text, p + 1, 4) << 32) | (p + 5);
      }
      if (kind == 'x' && hexAt(text, p + 1, 2) >= 0) {
        return ((long) hexAt(text, p + 1, 2) << 32) | (p + 3);
      }
      if (kind == '/' || kind == '"' || kind == '\'') {
        return ((long) kind << 32) | (p + 1);
      }
      if (p - at >= 2) {
        return ((long) '\\' << 32) | p; // an escaped backslash, escaped again as often as JSON nests
      }
      return -1;
    }
    if (c == '%') {
      int value = hexAt(text, at + 1, 2);
      if (value == '%' && hexAt(text, at + 3, 2) >= 0) {
        return ((long) hexAt(text, at + 3, 2) << 32) | (at + 5); // %25XX: URL-encoded twice
      }
      return value < 0 ? -1 : ((long) value << 32) | (at + 3);
    }
    if (c == '&') {
      return entity(text, at);
    }
    return -1;
  }

  private static final String[][] ENTITIES = {{"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""},
      {"&apos;", "'"}};

  private static long entity(String text, int at) {
    for (String[] entity : ENTITIES) {
      if (text.startsWith(entity[0], at)) {
        return ((long) entity[1].charAt(0) << 32) | (at + entity[0].length());
      }
    }
    if (!text.startsWith("&#", at)) {
      return -1;
    }
    boolean hex = at + 2 < text.length() && (text.charAt(at + 2) == 'x' || text.charAt(at + 2) == 'X');
    int p = at + (hex ? 3 : 2);
    int value = 0;
    int digits = 0;
    while (p < text.length() && digits < 7) {
      int digit = Character.digit(text.charAt(p), hex ? 16 : 10);
      if (digit < 0) {
        break;
      }
      value = value * (hex ? 16 : 10) + digit;
      digits++;
      p++;
    }
    if (digits == 0 || p >= text.length() || text.charAt(p) != ';' || value > 0xFFFF) {
      return -1;
    }
    return ((long) value << 32) | (p + 1);
  }

  private static int hexAt(String text, int at, int digits) {
    if (at + digits > text.length()) {
      return -1;
    }
    int value = 0;
    for (int i = at; i < at + digits; i++) {
      int digit = Character.digit(text.charAt(i), 16);
      if (digit < 0) {
        return -1;
      }
      value = value * 16 + digit;
    }
    return value;
  }

  private static boolean inRun(char c, Run run) {
    boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (run == Run.HEX) {
      return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
    return alnum || c == '+' || c == '/' || c == '-' || c == '_';
  }

  /** Past the padding after a base64 run: {@code =}, also URL-encoded or JSON-escaped. */
  private static int padding(String text, int end) {
    int at = end;
    while (true) {
      if (at < text.length() && text.charAt(at) == '=') {
        at++;
      } else if (text.regionMatches(true, at, "%3D", 0, 3)) {
        at += 3;
      } else if (text.regionMatches(true, at, "\\u003d", 0, 6)) {
        at += 6;
      } else {
        return at;
      }
    }
  }

  /** Every form of {@code secret} to look for, in lower case, with how far a match is widened. */
  private static void forms(String secret, Map<String, Run> forms) {
    add(forms, secret, Run.NONE);
    byte[] utf8 = secret.getBytes(StandardCharsets.UTF_8);
    // A percent-encoded non-ASCII key decodes byte by byte: look for its bytes as characters too.
    add(forms, new String(utf8, StandardCharsets.ISO_8859_1), Run.NONE);
    add(forms, HexFormat.of().formatHex(utf8), Run.HEX);
    for (Base64.Encoder encoder : List.of(Base64.getEncoder().withoutPadding(),
        Base64.getUrlEncoder().withoutPadding())) {
      // The whole encodings of the credentials a client sends, for keys too short for the pieces below.
      for (String credential : List.of(secret, "Bearer " + secret)) {
        String encoded = encoder.encodeToString(credential.getBytes(StandardCharsets.UTF_8));
        if (encoded.length() >= 6) {
          add(forms, encoded, Run.BASE64);
        }
      }
      // The key inside the base64 of any text ("<id>:<key>", "Bearer <key>", a JSON document): base64 puts it at
      // one of three byte alignments; keep the characters that depend on the key's bytes alone.
      for (int offset = 0; offset < 3; offset++) {
        byte[] shifted = new byte[offset + utf8.length];
        System.arraycopy(utf8, 0, shifted, offset, utf8.length);
        String encoded = encoder.encodeToString(shifted);
        int from = (8 * offset + 5) / 6;
        int to = (8 * (offset + utf8.length)) / 6;
        if (to - from >= MIN_ENCODED_PIECE) {
          add(forms, encoded.substring(from, to), Run.BASE64);
        }
      }
    }
  }

  private static void add(Map<String, Run> forms, String form, Run run) {
    StringBuilder lower = new StringBuilder(form.length());
    for (int i = 0; i < form.length(); i++) {
      lower.append(Character.toLowerCase(form.charAt(i)));
    }
    forms.putIfAbsent(lower.toString(), run);
  }
}
