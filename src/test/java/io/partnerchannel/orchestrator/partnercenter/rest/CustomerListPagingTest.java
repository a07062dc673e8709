package io.partnerchannel.orchestrator.partnercenter.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.partnerchannel.orchestrator.partnercenter.Customer;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenterException;
import org.junit.jupiter.api.Test;

/**
 * {@link RestPartnerCenter#getCustomers()} follows Partner Center's seek-based paging
 * (learn.microsoft.com/partner-center/developer/get-a-list-of-customers: {@code GET /v1/customers?size={size}};
 * each page's {@code links.next} names the next request and the {@code MS-ContinuationToken} header to send with
 * it) until a page has no {@code next}, and refuses a listing whose next link repeats.
 */
class CustomerListPagingTest extends ContractTestSupport {

  private static final String PAGE = """
      {"totalCount": 1, "items": [{"id": "%1$s", "companyProfile": {"tenantId": "%1$s", "domain": "%2$s",
        "companyName": "%2$s"}, "relationshipToPartner": "%3$s", "attributes": {"objectType": "Customer"}}],
       "links": {"self": {"uri": "/customers?size=100", "method": "GET", "headers": []}%4$s},
       "attributes": {"objectType": "Collection"}}""";
  private static final String NEXT = """
      , "next": {"uri": "/customers?size=100&seekOperation=Next", "method": "GET",
        "headers": [{"key": "MS-ContinuationToken", "value": "%s"}]}""";

  @Test
  void followsEveryContinuationTokenToTheLastPage() {
    MICROSOFT.stubFor(get(urlPathEqualTo("/v1/customers")).withQueryParam("size", equalTo("100"))
        .withQueryParam("seekOperation", absent())
        .willReturn(json(PAGE.formatted("11111111-0000-4000-8000-000000000001", "first.onmicrosoft.com", "reseller",
            NEXT.formatted("token-after-1")))));
    MICROSOFT.stubFor(get(urlPathEqualTo("/v1/customers")).withQueryParam("seekOperation", equalTo("Next"))
        .withHeader("MS-ContinuationToken", equalTo("token-after-1"))
        .willReturn(json(PAGE.formatted("11111111-0000-4000-8000-000000000002", "second.onmicrosoft.com", "reseller",
            NEXT.formatted("token-after-2")))));
    MICROSOFT.stubFor(get(urlPathEqualTo("/v1/customers")).withQueryParam("seekOperation", equalTo("Next"))
        .withHeader("MS-ContinuationToken", equalTo("token-after-2"))
        .willReturn(json(PAGE.formatted("11111111-0000-4000-8000-000000000003", "third.onmicrosoft.com", "none", ""))));

    assertThat(partnerCenter.getCustomers())
        .extracting(Customer::id, Customer::isReseller)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("11111111-0000-4000-8000-000000000001", true),
            org.assertj.core.groups.Tuple.tuple("11111111-0000-4000-8000-000000000002", true),
            org.assertj.core.groups.Tuple.tuple("11111111-0000-4000-8000-000000000003", false));
    MICROSOFT.verify(1, getRequestedFor(urlPathEqualTo("/v1/customers")).withHeader("MS-ContinuationToken", equalTo("token-after-2")));
  }

  @Test
  void refusesAListingWhoseNextLinkRepeats() {
    MICROSOFT.stubFor(get(urlPathEqualTo("/v1/customers"))
        .willReturn(json(PAGE.formatted("11111111-0000-4000-8000-000000000001", "first.onmicrosoft.com", "reseller",
            NEXT.formatted("always-the-same")))));

    assertThatThrownBy(() -> partnerCenter.getCustomers())
        .isInstanceOf(PartnerCenterException.class)
        .hasMessageContaining("GET /v1/customers").hasMessageContaining("already read");
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8").withBody(body);
  }
}
