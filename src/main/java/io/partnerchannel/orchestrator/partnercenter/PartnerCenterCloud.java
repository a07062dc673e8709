package io.partnerchannel.orchestrator.partnercenter;

import java.util.Arrays;

/**
 * The Partner Center clouds and where each one lives (reference §6): the Partner Center REST base URL
 * (learn.microsoft.com/partner-center/developer/partner-center-rest-urls), the Microsoft Graph base URL, the
 * Entra ID sign-in authority and the Microsoft 365 admin portal where a customer's admin accepts invitations
 * and approves GDAP relationships. Chosen by {@code pco.partner.cloud}.
 */
public enum PartnerCenterCloud {

  /** Partner Center (global). */
  GLOBAL("GLOBAL", "https://api.partnercenter.microsoft.com", "https://graph.microsoft.com",
      "https://login.microsoftonline.com", "https://admin.microsoft.com"),
  /** Partner Center for Microsoft Cloud for US Government: the global endpoints (A17). */
  US_GOVERNMENT("US_GOVERNMENT", "https://api.partnercenter.microsoft.com", "https://graph.microsoft.com",
      "https://login.microsoftonline.com", "https://admin.microsoft.com"),
  /** Partner Center operated by 21Vianet. */
  CHINA_21VIANET("21VIANET", "https://partner.partnercenterapi.microsoftonline.cn",
      "https://microsoftgraph.chinacloudapi.cn", "https://login.chinacloudapi.cn",
      "https://portal.partner.microsoftonline.cn");

  private final String property;
  private final String partnerCenterApi;
  private final String graph;
  private final String authority;
  private final String adminPortal;

  PartnerCenterCloud(String property, String partnerCenterApi, String graph, String authority, String adminPortal) {
    this.property = property;
    this.partnerCenterApi = partnerCenterApi;
    this.graph = graph;
    this.authority = authority;
    this.adminPortal = adminPortal;
  }

  /**
   * @param value {@code GLOBAL}, {@code US_GOVERNMENT} or {@code 21VIANET}
   * @return the cloud
   * @throws IllegalArgumentException for any other value
   */
  public static PartnerCenterCloud fromProperty(String value) {
    return Arrays.stream(values())
        .filter(cloud -> cloud.property.equalsIgnoreCase(value))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(
            "pco.partner.cloud must be GLOBAL, US_GOVERNMENT or 21VIANET, not " + value));
  }

  /** @return the Partner Center REST base URL, without {@code /v1} and without a trailing slash */
  public String partnerCenterApi() {
    return partnerCenterApi;
  }

  /**
   * @return the token audience of Partner Center: the global resource {@code https://api.partnercenter.microsoft.com}
   *     in every cloud but 21Vianet, whose API host is its own resource
   */
  public String partnerCenterAudience() {
    return partnerCenterApi;
  }

  /** @return the Microsoft Graph host, the token audience of Graph (without {@code /v1.0}) */
  public String graph() {
    return graph;
  }

  /** @return the Microsoft Graph v1.0 base URL */
  public String graphApi() {
    return graph + "/v1.0";
  }

  /** @return the Entra ID login host, e.g. {@code https://login.microsoftonline.com} */
  public String authority() {
    return authority;
  }

  /** @return the Microsoft 365 admin portal of this cloud's customers, e.g. {@code https://admin.microsoft.com} */
  public String adminPortal() {
    return adminPortal;
  }

  /** @return the value of {@code pco.partner.cloud} */
  public String property() {
    return property;
  }
}
