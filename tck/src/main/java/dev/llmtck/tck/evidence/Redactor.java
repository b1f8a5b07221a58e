package dev.llmtck.tck.evidence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Removes secrets from evidence before it leaves the kit: the values of credential headers, and every known
 * secret value wherever it appears (URLs, bodies, messages). Applied at the source, so no report, log or
 * exception message built from evidence can carry a key.
 */
public final class Redactor {

  /** What a removed secret is replaced with. */
  public static final String MASK = "[REDACTED]";

  private static final Set<String> SECRET_HEADERS = Set.of("authorization", "proxy-authorization", "api-key",
      "x-api-key", "x-amz-security-token", "cookie", "set-cookie");

  /** Shorter values are too likely to occur by chance in ordinary text to be masked everywhere. */
  private static final int MIN_SECRET_LENGTH = 4;

  private final List<String> secrets;

  private Redactor(List<String> secrets) {
    this.secrets = secrets;
  }

  /** A redactor that masks credential headers and the given secret values (null or blank ones are ignored). */
  public static Redactor of(Collection<String> secrets) {
    List<String> kept = new ArrayList<>();
    for (String secret : secrets) {
      if (secret != null && secret.strip().length() >= MIN_SECRET_LENGTH) {
        kept.add(secret);
      }
    }
    // Longest first, so a secret that contains another is masked whole.
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

  /** The text with every known secret value masked. */
  public String text(String text) {
    if (text == null) {
      return null;
    }
    String result = text;
    for (String secret : secrets) {
      result = result.replace(secret, MASK);
    }
    return result;
  }
}
