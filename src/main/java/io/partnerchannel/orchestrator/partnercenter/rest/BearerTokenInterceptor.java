package io.partnerchannel.orchestrator.partnercenter.rest;

import io.partnerchannel.orchestrator.partnercenter.AccessTokenProvider;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenterEndpoints;
import java.io.IOException;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Adds {@code Authorization: Bearer <token>} to every request of the Partner Center client, with the token of
 * the audience the URL belongs to (Graph or Partner Center, {@link PartnerCenterEndpoints#audienceOf}); the
 * token comes from the mode's {@link AccessTokenProvider}, freshly on every request (it caches and refreshes).
 */
class BearerTokenInterceptor implements ClientHttpRequestInterceptor {

  private final AccessTokenProvider tokens;
  private final PartnerCenterEndpoints endpoints;

  /**
   * @param tokens the access tokens of the mode
   * @param endpoints tells the audience of a URL
   */
  public BearerTokenInterceptor(AccessTokenProvider tokens, PartnerCenterEndpoints endpoints) {
    this.tokens = tokens;
    this.endpoints = endpoints;
  }

  @Override
  public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
      throws IOException {
    request.getHeaders().setBearerAuth(tokens.accessToken(endpoints.audienceOf(request.getURI().toString())));
    return execution.execute(request, body);
  }
}
