package dev.llmtck.tck.hostile;

import dev.llmtck.tck.console.NoStackTraceInConsoles;
import org.junit.jupiter.api.extension.ExtendWith;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, point 10 (custom CA): before, a target whose certificate came from a private CA failed every clause
 * with a raw {@code SSLHandshakeException: PKIX path building failed...}, and only an undocumented JVM flag helped.
 * Now the clients trust the JVM's trust store (its standard {@code javax.net.ssl.trustStore} properties) plus the
 * PEM bundle in {@code LLMTCK_CA_FILE}, and a certificate problem fails the clause with what to do.
 */
@ExtendWith(NoStackTraceInConsoles.class)
class TlsTrustTest {
  private static final String PASSWORD = "changeit";
  private static final String CA_FILE_ENV = "LLMTCK_CA_FILE";
  /** The same as a system property, for a run inside this JVM. */
  private static final String CA_FILE_PROPERTY = "llmtck.caFile";
  private static final String MODELS = "{\"object\":\"list\",\"data\":[{\"id\":\"m\",\"object\":\"model\","
      + "\"created\":1,\"owned_by\":\"x\"}]}";

  @TempDir
  Path dir;

  @Test
  void anUntrustedCertificateSaysWhatToDo() throws Exception {
    Path keys = certificate("good", "ip:127.0.0.1");
    try (HostileServer server = tlsServer(keys)) {
      Kit kit = Kit.run(dir, "run", "--base-url", url(server), "--model", "m", "--clause", "OAI-MODELS-1");

      assertThat(kit.message("OAI-MODELS-1")).as("%s", kit)
          .contains("the target's TLS certificate is not trusted: set LLMTCK_CA_FILE to a PEM file with its CA")
          .doesNotContain("SSLHandshakeException:");
    }
  }

  @Test
  void theCaFileInTheEnvironmentIsTrustedBesidesTheJvmTrustStore() throws Exception {
    Path good = certificate("good", "ip:127.0.0.1");
    Path other = certificate("other", "dns:other.invalid");
    try (HostileServer server = tlsServer(good)) {
      Kit withCaFile = Kit.fork(dir.resolve("ca-file"), Map.of(CA_FILE_ENV, pem(good).toString()),
          List.of(), "run", "--base-url", url(server), "--model", "m", "--clause", "OAI-MODELS-1");
      assertThat(withCaFile.exitCode()).as("%s", withCaFile).isZero();

      // The JVM's own properties still count: the server's certificate in javax.net.ssl.trustStore, another one
      // in LLMTCK_CA_FILE.
      Kit withBoth = Kit.fork(dir.resolve("both"), Map.of(CA_FILE_ENV, pem(other).toString()),
          List.of("-Djavax.net.ssl.trustStore=" + dir.resolve("good-trust.p12"),
              "-Djavax.net.ssl.trustStorePassword=" + PASSWORD,
              "-Djavax.net.ssl.trustStoreType=PKCS12"),
          "run", "--base-url", url(server), "--model", "m", "--clause", "OAI-MODELS-1");
      assertThat(withBoth.exitCode()).as("%s", withBoth).isZero();

      Kit wrongCa = Kit.fork(dir.resolve("wrong"), Map.of(CA_FILE_ENV, pem(other).toString()), List.of(),
          "run", "--base-url", url(server), "--model", "m", "--clause", "OAI-MODELS-1");
      assertThat(wrongCa.message("OAI-MODELS-1")).contains("not trusted, not even with LLMTCK_CA_FILE=" + pem(other));
    }
  }

  @Test
  void aCertificateForAnotherHostOrAnUnusableCaFileSaysSo() throws Exception {
    Path elsewhere = certificate("elsewhere", "dns:elsewhere.invalid");
    Path notPem = Files.writeString(dir.resolve("not-a-pem.txt"), "hello");
    try (HostileServer server = tlsServer(elsewhere)) {
      Kit wrongHost = withCaFileProperty(pem(elsewhere), () -> Kit.run(dir.resolve("host"), "run", "--base-url",
          url(server), "--model", "m", "--clause", "OAI-MODELS-1"));
      assertThat(wrongHost.message("OAI-MODELS-1")).contains("the target's TLS certificate does not name the host"
          + " 127.0.0.1");

      Kit badFile = withCaFileProperty(notPem, () -> Kit.run(dir.resolve("bad"), "run", "--base-url", url(server),
          "--model", "m", "--clause", "OAI-MODELS-1"));
      assertThat(badFile.message("OAI-MODELS-1")).contains("LLMTCK_CA_FILE=" + notPem + " holds no PEM certificate");
    }
  }

  private interface KitRun {
    Kit run() throws Exception;
  }

  private static Kit withCaFileProperty(Path file, KitRun run) throws Exception {
    System.setProperty(CA_FILE_PROPERTY, file.toString());
    try {
      return run.run();
    } finally {
      System.clearProperty(CA_FILE_PROPERTY);
    }
  }

  private static String url(HostileServer server) {
    return "https://127.0.0.1:" + server.port() + "/v1";
  }

  private static HostileServer tlsServer(Path keys) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keys)) {
      store.load(in, PASSWORD.toCharArray());
    }
    KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    managers.init(store, PASSWORD.toCharArray());
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(managers.getKeyManagers(), null, null);
    return HostileServer.start(context.getServerSocketFactory(), (request, out) ->
        HostileServer.respond(out, 200, "application/json", MODELS));
  }

  /** A self-signed certificate (its own CA) for {@code san}, in a PKCS12 key store, made by the JDK's keytool. */
  private Path certificate(String name, String san) throws IOException, InterruptedException {
    Path store = dir.resolve(name + ".p12");
    keytool("-genkeypair", "-alias", name, "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname",
        "CN=llmtck hostile " + name, "-ext", "SAN=" + san, "-ext", "BC=ca:true", "-keystore", store.toString(),
        "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD);
    keytool("-exportcert", "-rfc", "-alias", name, "-keystore", store.toString(), "-storepass", PASSWORD, "-file",
        dir.resolve(name + ".pem").toString());
    keytool("-importcert", "-noprompt", "-alias", name, "-file", dir.resolve(name + ".pem").toString(), "-keystore",
        dir.resolve(name + "-trust.p12").toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
    return store;
  }

  private static Path pem(Path store) {
    return store.resolveSibling(store.getFileName().toString().replace(".p12", ".pem"));
  }

  private static void keytool(String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as("keytool %s: %s", String.join(" ", args), output).isZero();
  }
}
