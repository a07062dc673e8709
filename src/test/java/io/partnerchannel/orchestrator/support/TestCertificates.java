package io.partnerchannel.orchestrator.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * Self-signed RSA certificates made for a test with the JDK's {@code keytool} (no third-party crypto
 * library), and RSA-SHA256 signatures with their keys, as Partner Center signs its webhook callbacks.
 */
public final class TestCertificates {

  private TestCertificates() {}

  /**
   * A key pair and self-signed certificate, valid from now for two days.
   *
   * @param certificate the certificate
   * @param privateKey its private key
   */
  public record SigningKey(X509Certificate certificate, PrivateKey privateKey) {

    /**
     * @param body the bytes to sign
     * @return the base64 RSA-SHA256 signature, as in {@code Authorization: Signature <base64>}
     */
    public String sign(byte[] body) {
      try {
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(privateKey);
        signature.update(body);
        return Base64.getEncoder().encodeToString(signature.sign());
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /**
   * @param distinguishedName subject and issuer, e.g. {@code CN=pcnotifications, O=Microsoft Corporation}
   * @return a new key pair with its self-signed certificate
   */
  public static SigningKey selfSigned(String distinguishedName) {
    return selfSigned(distinguishedName, "+0d");
  }

  /**
   * @param distinguishedName subject and issuer
   * @param startDate when the two days of validity begin, relative as keytool takes it (e.g. {@code -5d}
   *     for a certificate that expired three days ago)
   * @return a new key pair with its self-signed certificate
   */
  public static SigningKey selfSigned(String distinguishedName, String startDate) {
    try {
      Path directory = Files.createTempDirectory("pco-test-cert");
      Path keyStore = directory.resolve("key.p12");
      Process keytool = new ProcessBuilder(
          Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
          "-genkeypair", "-alias", "signing", "-keyalg", "RSA", "-keysize", "2048", "-sigalg", "SHA256withRSA",
          "-dname", distinguishedName, "-startdate", startDate, "-validity", "2", "-storetype", "PKCS12",
          "-keystore", keyStore.toString(), "-storepass", "changeit", "-keypass", "changeit")
          .redirectErrorStream(true)
          .start();
      String output = new String(keytool.getInputStream().readAllBytes());
      if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
        throw new IllegalStateException("keytool failed: " + output);
      }
      KeyStore store = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(keyStore)) {
        store.load(in, "changeit".toCharArray());
      }
      SigningKey key = new SigningKey(
          (X509Certificate) store.getCertificate("signing"), (PrivateKey) store.getKey("signing", "changeit".toCharArray()));
      Files.delete(keyStore);
      Files.delete(directory);
      return key;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
