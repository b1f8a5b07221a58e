package dev.llmtck.tck.evidence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Which TLS certificates the clients trust, and what to say when a target's is not trusted. The JVM's own trust
 * store applies as always (so its standard properties, {@code javax.net.ssl.trustStore},
 * {@code javax.net.ssl.trustStorePassword} and {@code javax.net.ssl.trustStoreType}, work); on top of it, the
 * certificates of the PEM bundle named by the environment variable {@value #CA_FILE_ENV} (or the system property
 * {@value #CA_FILE_PROPERTY}) are trusted too, for a target whose certificate comes from a private CA. A TLS
 * failure becomes a sentence that says what to do, never a raw {@code SSLHandshakeException}.
 */
public final class TargetTls {
  /** Environment variable: a PEM file of CA certificates to trust besides the JVM's. */
  public static final String CA_FILE_ENV = "LLMTCK_CA_FILE";
  /** System property with the same meaning (it wins over the environment variable). */
  public static final String CA_FILE_PROPERTY = "llmtck.caFile";

  private static final Pattern PEM = Pattern.compile(
      "-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]+?)-----END CERTIFICATE-----");

  private static volatile Trust trust;

  private TargetTls() {
  }

  /** The trust in effect: the JVM's default, or that plus a CA file; or why the CA file cannot be used. */
  record Trust(String caFile, SSLContext context, int added, String problem) {
  }

  /** The CA file named by the property or the environment, or {@code null}. */
  public static String caFile() {
    return caFile(System::getenv);
  }

  static String caFile(Function<String, String> env) {
    String value = System.getProperty(CA_FILE_PROPERTY);
    if (value == null || value.isBlank()) {
      value = env.apply(CA_FILE_ENV);
    }
    return value == null || value.isBlank() ? null : value.strip();
  }

  /**
   * A builder of an HTTP client that trusts the JVM's trust store and the CA file, if one is named.
   *
   * @throws AssertionError when the CA file cannot be read (the clause fails, saying so)
   */
  public static HttpClient.Builder clientBuilder() {
    Trust current = trust();
    if (current.problem() != null) {
      throw new AssertionError(current.problem());
    }
    HttpClient.Builder builder = HttpClient.newBuilder();
    return current.context() == null ? builder : builder.sslContext(current.context());
  }

  private static Trust trust() {
    String file = caFile();
    Trust current = trust;
    if (current == null || !java.util.Objects.equals(current.caFile(), file)) {
      current = load(file);
      trust = current;
    }
    return current;
  }

  /** The trust for a CA file ({@code null}: the JVM's default alone). */
  static Trust load(String file) {
    if (file == null) {
      return new Trust(null, null, 0, null);
    }
    String name = CA_FILE_ENV + "=" + file;
    try {
      List<X509Certificate> certificates = certificates(Files.readString(Path.of(file), StandardCharsets.US_ASCII));
      if (certificates.isEmpty()) {
        return new Trust(file, null, 0, name + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
      }
      TrustManagerFactory defaults = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      defaults.init((KeyStore) null); // the JVM's trust store, javax.net.ssl.trustStore if set
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int n = 0;
      for (var manager : defaults.getTrustManagers()) {
        if (manager instanceof X509TrustManager x509) {
          for (X509Certificate anchor : x509.getAcceptedIssuers()) {
            store.setCertificateEntry("jvm-" + n++, anchor);
          }
        }
      }
      for (int i = 0; i < certificates.size(); i++) {
        store.setCertificateEntry("llmtck-ca-" + i, certificates.get(i));
      }
      TrustManagerFactory combined = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      combined.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, combined.getTrustManagers(), null);
      return new Trust(file, context, certificates.size(), null);
    } catch (IOException e) {
      return new Trust(file, null, 0, name + " cannot be read: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return new Trust(file, null, 0, name + " is not a PEM file of certificates: " + e.getMessage());
    }
  }

  private static List<X509Certificate> certificates(String pem) throws GeneralSecurityException {
    CertificateFactory factory = CertificateFactory.getInstance("X.509");
    List<X509Certificate> certificates = new ArrayList<>();
    Matcher matcher = PEM.matcher(pem);
    while (matcher.find()) {
      byte[] der = Base64.getMimeDecoder().decode(matcher.group(1));
      certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
    }
    return certificates;
  }

  /**
   * What to tell the user about a TLS failure somewhere in {@code thrown}'s causes, or {@code null} when it is
   * not one.
   */
  public static String explain(Throwable thrown, String host) {
    SSLException tls = null;
    Throwable certificate = null;
    Throwable t = thrown;
    for (int depth = 0; t != null && depth < 12; depth++, t = t.getCause()) {
      if (t instanceof SSLException ssl && tls == null) {
        tls = ssl;
      }
      if (t instanceof CertPathBuilderException || t instanceof CertPathValidatorException
          || t instanceof CertificateException) {
        certificate = t;
      }
    }
    if (tls == null) {
      return null;
    }
    String detail = SafeText.line(SafeText.cut(String.valueOf((certificate != null ? certificate : tls)
        .getMessage()), 300));
    String lower = detail.toLowerCase(Locale.ROOT);
    String ca = caFile();
    if (certificate instanceof CertificateExpiredException || lower.contains("validity check failed")
        || lower.contains("expired")) {
      return "the target's TLS certificate has expired or is not yet valid (" + detail + "): renew it";
    }
    if (certificate instanceof CertificateNotYetValidException) {
      return "the target's TLS certificate is not valid yet (" + detail + ")";
    }
    if (lower.contains("no subject alternative") || lower.contains("no name matching")) {
      return "the target's TLS certificate does not name the host " + host + " (" + detail + "): use a host name"
          + " the certificate names, or a certificate for this one";
    }
    if (certificate != null || tls instanceof SSLPeerUnverifiedException || lower.contains("pkix")
        || lower.contains("certification path")) {
      if (ca != null) {
        return "the target's TLS certificate is not trusted, not even with " + CA_FILE_ENV + "=" + ca + " ("
            + detail + "): that file must hold the CA that issued the target's certificate (PEM)";
      }
      return "the target's TLS certificate is not trusted: set " + CA_FILE_ENV + " to a PEM file with its CA"
          + " (or point the JVM's javax.net.ssl.trustStore at a trust store that holds it) (" + detail + ")";
    }
    if (tls instanceof SSLHandshakeException) {
      return "the TLS handshake with " + host + " failed (" + detail + ")";
    }
    return "TLS failed with " + host + " (" + detail + "): is the URL's scheme right (https:// for TLS)?";
  }
}
