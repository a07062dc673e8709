package io.partnerchannel.orchestrator.partnercenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.partnerchannel.orchestrator.invitation.GdapApprovalLink;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * Each cloud's endpoints (reference §6; learn partner-center-rest-urls): base URLs, token audiences, sign-in
 * authority and the admin portal the customer's approval links go to, chosen by {@code pco.partner.cloud}.
 */
class PartnerCenterCloudTest {

  static PartnerProperties partner(String cloud) {
    return new PartnerProperties("0a7e57ed-0000-4000-8000-00000000beef", cloud);
  }

  @Test
  void globalAndUsGovernmentUseTheGlobalEndpoints() {
    for (String cloud : new String[] {"GLOBAL", "US_GOVERNMENT"}) {
      PartnerCenterEndpoints endpoints = new PartnerCenterEndpoints(new MockEnvironment(), partner(cloud));
      assertThat(endpoints.apiBaseUrl()).isEqualTo("https://api.partnercenter.microsoft.com");
      assertThat(endpoints.graphBaseUrl()).isEqualTo("https://graph.microsoft.com/v1.0");
      assertThat(endpoints.cloud().authority()).isEqualTo("https://login.microsoftonline.com");
      assertThat(new GdapApprovalLink(new CloudAdminPortal(partner(cloud))).forRelationship("rel-1"))
          .isEqualTo("https://admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/rel-1");
    }
  }

  @Test
  void twentyOneVianetHasItsOwnEndpointsAndAdminPortal() {
    PartnerCenterEndpoints endpoints = new PartnerCenterEndpoints(new MockEnvironment(), partner("21VIANET"));
    assertThat(endpoints.apiBaseUrl()).isEqualTo("https://partner.partnercenterapi.microsoftonline.cn");
    assertThat(endpoints.graphBaseUrl()).isEqualTo("https://microsoftgraph.chinacloudapi.cn/v1.0");
    assertThat(endpoints.cloud().authority()).isEqualTo("https://login.chinacloudapi.cn");
    assertThat(new GdapApprovalLink(new CloudAdminPortal(partner("21VIANET"))).forRelationship("rel-1"))
        .startsWith("https://portal.partner.microsoftonline.cn/AdminPortal/Home#/");
  }

  @Test
  void configuredBaseUrlsWinAndTellTheAudienceOfAUrl() {
    MockEnvironment environment = new MockEnvironment()
        .withProperty(PartnerCenterEndpoints.API_BASE_URL, "http://localhost:9/pc/")
        .withProperty(PartnerCenterEndpoints.GRAPH_BASE_URL, "http://localhost:9/pc/graph/v1.0");
    PartnerCenterEndpoints endpoints = new PartnerCenterEndpoints(environment, partner("GLOBAL"));
    assertThat(endpoints.apiBaseUrl()).isEqualTo("http://localhost:9/pc");
    assertThat(endpoints.audienceOf("http://localhost:9/pc/graph/v1.0/tenantRelationships")).isEqualTo(TokenAudience.GRAPH);
    assertThat(endpoints.audienceOf("http://localhost:9/pc/v1/customers")).isEqualTo(TokenAudience.PARTNER_CENTER);
  }

  @Test
  void anUnknownCloudIsRefused() {
    assertThatThrownBy(() -> PartnerCenterCloud.fromProperty("GERMANY")).hasMessageContaining("GLOBAL, US_GOVERNMENT or 21VIANET");
  }
}
