package io.partnerchannel.orchestrator.partnercenter.rest;

import io.partnerchannel.orchestrator.partnercenter.AccessTokenProvider;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenterEndpoints;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenterProperties;
import java.time.Duration;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings.Redirects;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.DefaultUriBuilderFactory;

/**
 * The HTTP plumbing every Partner Center / Graph client shares: HTTP/1.1 over Apache HttpClient 5 with the
 * configured connect and read timeouts, {@code Retry-After} throttling ({@link ThrottlingRetryInterceptor}) and
 * the bearer token of the URL's audience ({@link BearerTokenInterceptor}).
 *
 * <p>Apache HttpClient's classic client reads and writes in the calling thread (a job thread) over pooled keep-alive
 * connections. The JDK's {@code HttpClient}, used before, hands every exchange to its selector and executor threads
 * and back; on the 2-core benchmark machine that cost 15 to 20 % of the node's CPU per invitation
 * (docs/benchmark.md). Redirects are not followed (Partner Center answers none we should follow), the client
 * retries nothing by itself (throttling is waited out by {@link ThrottlingRetryInterceptor}, every other failure
 * fails the job, which the engine retries) and keeps no cookies.
 */
public final class PartnerCenterHttp {

  /**
   * Connections kept per host (Partner Center, Graph): more than a node's job, event correlation and request threads
   * usually call at once (the benchmark's node: 8 job threads, 4 correlation threads); a call beyond waits for one.
   */
  static final int MAX_CONNECTIONS_PER_HOST = 64;

  private PartnerCenterHttp() {}

  /**
   * @param restClientBuilder Spring Boot's builder (cloned, not changed)
   * @param endpoints tells the audience of a URL
   * @param accessTokens the bearer tokens of the mode
   * @param partnerCenter timeouts and throttling
   * @return a builder with the plumbing; callers add their status handler
   */
  public static RestClient.Builder restClient(RestClient.Builder restClientBuilder, PartnerCenterEndpoints endpoints,
      AccessTokenProvider accessTokens, PartnerCenterProperties partnerCenter) {
    return restClientBuilder.clone()
        .requestFactory(requestFactory(partnerCenter.connectTimeout(), partnerCenter.readTimeout()))
        .uriBuilderFactory(new DefaultUriBuilderFactory())
        .requestInterceptor(new ThrottlingRetryInterceptor(partnerCenter.throttling()))
        .requestInterceptor(new BearerTokenInterceptor(accessTokens, endpoints));
  }

  /**
   * @param connectTimeout the longest wait to open a connection
   * @param readTimeout the longest wait for data on an open connection
   * @return Apache HttpClient 5 with those timeouts, {@value #MAX_CONNECTIONS_PER_HOST} connections per host (one
   *     idle for more than 2 s is checked before it is used again, Apache's default, so a connection the server
   *     closed meanwhile is not used: the client retries nothing by itself), no redirects, no automatic retries and no
   *     cookies
   */
  static ClientHttpRequestFactory requestFactory(Duration connectTimeout, Duration readTimeout) {
    return ClientHttpRequestFactoryBuilder.httpComponents()
        .withHttpClientCustomizer(client -> client.disableAutomaticRetries().disableCookieManagement())
        .withConnectionManagerCustomizer(pool -> pool
            .setMaxConnPerRoute(MAX_CONNECTIONS_PER_HOST)
            .setMaxConnTotal(2 * MAX_CONNECTIONS_PER_HOST))
        .build(ClientHttpRequestFactorySettings.defaults()
            .withConnectTimeout(connectTimeout)
            .withReadTimeout(readTimeout)
            .withRedirects(Redirects.DONT_FOLLOW));
  }
}
