package io.partnerchannel.orchestrator.partnercenter.rest;

import io.partnerchannel.orchestrator.partnercenter.AccessTokenProvider;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenterEndpoints;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenterProperties;
import java.net.http.HttpClient;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.DefaultUriBuilderFactory;

/**
 * The HTTP plumbing every Partner Center / Graph client shares: HTTP/1.1 with the configured connect and read
 * timeouts, {@code Retry-After} throttling ({@link ThrottlingRetryInterceptor}) and the bearer token of the URL's
 * audience ({@link BearerTokenInterceptor}).
 */
public final class PartnerCenterHttp {

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
    JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(partnerCenter.connectTimeout())
        .build());
    requestFactory.setReadTimeout(partnerCenter.readTimeout());
    return restClientBuilder.clone()
        .requestFactory(requestFactory)
        .uriBuilderFactory(new DefaultUriBuilderFactory())
        .requestInterceptor(new ThrottlingRetryInterceptor(partnerCenter.throttling()))
        .requestInterceptor(new BearerTokenInterceptor(accessTokens, endpoints));
  }
}
