package io.partnerchannel.orchestrator.partnercenter;

import io.partnerchannel.orchestrator.system.LocalServer;
import org.springframework.stereotype.Component;

/**
 * The base URLs the client calls: {@code pco.partner-center.api-base-url} and
 * {@code pco.partner-center.graph-base-url} when set (the sandbox profile sets paths on this application), else
 * those of the partner's cloud ({@link PartnerCenterCloud}). A path is resolved against this application's port at
 * call time ({@link LocalServer}), because that port is known only once the web server has started.
 */
@Component
public class PartnerCenterEndpoints {

  /** Property of the Partner Center REST base URL (without {@code /v1}). */
  public static final String API_BASE_URL = "pco.partner-center.api-base-url";
  /** Property of the Microsoft Graph base URL (with {@code /v1.0}). */
  public static final String GRAPH_BASE_URL = "pco.partner-center.graph-base-url";

  private final String apiBaseUrl;
  private final String graphBaseUrl;
  private final PartnerCenterCloud cloud;
  private final LocalServer localServer;

  /**
   * @param properties the configured base URLs, if any
   * @param partner the operating partner's cloud
   * @param localServer resolves base URLs on this application
   */
  public PartnerCenterEndpoints(PartnerCenterProperties properties, PartnerProperties partner, LocalServer localServer) {
    this.cloud = partner.partnerCenterCloud();
    this.apiBaseUrl = properties.apiBaseUrl() == null ? cloud.partnerCenterApi() : properties.apiBaseUrl();
    this.graphBaseUrl = properties.graphBaseUrl() == null ? cloud.graphApi() : properties.graphBaseUrl();
    this.localServer = localServer;
  }

  /** @return the Partner Center REST base URL without a trailing slash */
  public String apiBaseUrl() {
    return localServer.resolve(apiBaseUrl);
  }

  /** @return the Microsoft Graph base URL (with {@code /v1.0}) without a trailing slash */
  public String graphBaseUrl() {
    return localServer.resolve(graphBaseUrl);
  }

  /**
   * @param url an absolute URL the client calls
   * @return the audience whose token it needs: Graph for URLs below the Graph base URL, else Partner Center
   */
  public TokenAudience audienceOf(String url) {
    return url.startsWith(graphBaseUrl()) || url.startsWith(cloud.graph()) ? TokenAudience.GRAPH : TokenAudience.PARTNER_CENTER;
  }

  /** @return the partner's cloud */
  public PartnerCenterCloud cloud() {
    return cloud;
  }
}
