package io.partnerchannel.orchestrator.security;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * {@code partner-center} mode: downloads the signing certificate (DER or PEM) over HTTPS without following
 * redirects, and keeps it by URL until it expires, so Partner Center's certificate is fetched once, not per
 * event, and a renewed certificate (a new URL) is fetched when first used (A16: "This will allow the
 * certificate to be renewed without you having to redeploy").
 */
@Component
@ConditionalOnProperty(name = "pco.partner-center.mode", havingValue = "partner-center")
class DownloadedSigningCertificates implements SigningCertificates {

  private static final int MAX_CACHED = 16;

  private final RestClient restClient;
  private final Map<URI, X509Certificate> cache = new ConcurrentHashMap<>();

  /** @param restClientBuilder builds the HTTP client */
  public DownloadedSigningCertificates(RestClient.Builder restClientBuilder) {
    HttpClient httpClient = HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(5))
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient);
    requestFactory.setReadTimeout(Duration.ofSeconds(10));
    this.restClient = restClientBuilder.clone().requestFactory(requestFactory).build();
  }

  @Override
  public X509Certificate certificate(URI url) {
    X509Certificate cached = cache.get(url);
    if (cached != null && isCurrent(cached)) {
      return cached;
    }
    X509Certificate downloaded = download(url);
    if (cache.size() >= MAX_CACHED) {
      cache.clear();
    }
    cache.put(url, downloaded);
    return downloaded;
  }

  private X509Certificate download(URI url) {
    byte[] bytes;
    try {
      bytes = restClient.get().uri(url).retrieve().body(byte[].class);
    } catch (RestClientException e) {
      throw new BadCredentialsException("the signing certificate could not be downloaded from " + url, e);
    }
    if (bytes == null || bytes.length == 0) {
      throw new BadCredentialsException("the signing certificate at " + url + " is empty");
    }
    try {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(bytes));
    } catch (CertificateException | ClassCastException e) {
      throw new BadCredentialsException("the document at " + url + " is not an X.509 certificate", e);
    }
  }

  private static boolean isCurrent(X509Certificate certificate) {
    try {
      certificate.checkValidity();
      return true;
    } catch (CertificateExpiredException | CertificateNotYetValidException e) {
      return false;
    }
  }
}
