package io.partnerchannel.orchestrator.partnercenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.partnerchannel.orchestrator.invitation.GdapApprovalLink;
import org.junit.jupiter.api.Test;
import io.partnerchannel.orchestrator.system.LocalServer;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

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
      PartnerCenterEndpoints endpoints = endpoints(partner(cloud), null, null);
      assertThat(endpoints.apiBaseUrl()).isEqualTo("https://api.partnercenter.microsoft.com");
      assertThat(endpoints.graphBaseUrl()).isEqualTo("https://graph.microsoft.com/v1.0");
      assertThat(endpoints.cloud().authority()).isEqualTo("https://login.microsoftonline.com");
      assertThat(new GdapApprovalLink(new CloudAdminPortal(partner(cloud))).forRelationship("rel-1"))
          .isEqualTo("https://admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/rel-1");
    }
  }

  @Test
  void twentyOneVianetHasItsOwnEndpointsAndAdminPortal() {
    PartnerCenterEndpoints endpoints = endpoints(partner("21VIANET"), null, null);
    assertThat(endpoints.apiBaseUrl()).isEqualTo("https://partner.partnercenterapi.microsoftonline.cn");
    assertThat(endpoints.graphBaseUrl()).isEqualTo("https://microsoftgraph.chinacloudapi.cn/v1.0");
    assertThat(endpoints.cloud().authority()).isEqualTo("https://login.chinacloudapi.cn");
    assertThat(new GdapApprovalLink(new CloudAdminPortal(partner("21VIANET"))).forRelationship("rel-1"))
        .startsWith("https://portal.partner.microsoftonline.cn/AdminPortal/Home#/");
  }

  @Test
  void configuredBaseUrlsWinAndTellTheAudienceOfAUrl() {
    PartnerCenterEndpoints endpoints = endpoints(partner("GLOBAL"), "http://localhost:9/pc/", "http://localhost:9/pc/graph/v1.0");
    assertThat(endpoints.apiBaseUrl()).isEqualTo("http://localhost:9/pc");
    assertThat(endpoints.audienceOf("http://localhost:9/pc/graph/v1.0/tenantRelationships")).isEqualTo(TokenAudience.GRAPH);
    assertThat(endpoints.audienceOf("http://localhost:9/pc/v1/customers")).isEqualTo(TokenAudience.PARTNER_CENTER);
  }

  @Test
  void aBasePathIsOnThisApplication() {
    PartnerCenterEndpoints endpoints = endpoints(partner("GLOBAL"), "/sandbox", "/sandbox/graph/v1.0");
    assertThat(endpoints.apiBaseUrl()).isEqualTo("http://localhost:8080/sandbox");
    assertThat(endpoints.graphBaseUrl()).isEqualTo("http://localhost:8080/sandbox/graph/v1.0");
  }

  /**
   * @param partner the operating partner
   * @param apiBaseUrl {@code pco.partner-center.api-base-url}, may be null
   * @param graphBaseUrl {@code pco.partner-center.graph-base-url}, may be null
   * @return the endpoints of an application that has not started its web server (port 8080)
   */
  static PartnerCenterEndpoints endpoints(PartnerProperties partner, String apiBaseUrl, String graphBaseUrl) {
    PartnerCenterProperties properties = new PartnerCenterProperties(PartnerCenterProperties.Mode.PARTNER_CENTER,
        null, null, null, null, Duration.ofMinutes(5), Duration.ofSeconds(10), Duration.ofSeconds(60),
        new PartnerCenterProperties.Throttling(3, Duration.ofSeconds(30), Duration.ofSeconds(2)), 100,
        new PartnerCenterProperties.Webhook(false, List.of()), apiBaseUrl, graphBaseUrl);
    return new PartnerCenterEndpoints(properties, partner,
        new LocalServer(new StaticListableBeanFactory().getBeanProvider(ServerProperties.class)));
  }

  @Test
  void anUnknownCloudIsRefused() {
    assertThatThrownBy(() -> PartnerCenterCloud.fromProperty("GERMANY")).hasMessageContaining("GLOBAL, US_GOVERNMENT or 21VIANET");
  }
}
