package io.partnerchannel.orchestrator.partnercenter;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The base URLs the client calls: {@code pco.partner-center.api-base-url} and
 * {@code pco.partner-center.graph-base-url} when set (the sandbox profile sets its own, on this application's
 * port), else those of the partner's cloud ({@link PartnerCenterCloud}). Resolved at call time, because
 * {@code ${local.server.port}} is known only once the web server has started.
 */
@Component
public class PartnerCenterEndpoints {

  /** Property of the Partner Center REST base URL (without {@code /v1}). */
  public static final String API_BASE_URL = "pco.partner-center.api-base-url";
  /** Property of the Microsoft Graph base URL (with {@code /v1.0}). */
  public static final String GRAPH_BASE_URL = "pco.partner-center.graph-base-url";

  private final Environment environment;
  private final PartnerCenterCloud cloud;

  /**
   * @param environment resolves the properties at call time
   * @param partner the operating partner's cloud
   */
  public PartnerCenterEndpoints(Environment environment, PartnerProperties partner) {
    this.environment = environment;
    this.cloud = partner.partnerCenterCloud();
  }

  /** @return the Partner Center REST base URL without a trailing slash */
  public String apiBaseUrl() {
    return stripSlash(environment.getProperty(API_BASE_URL, cloud.partnerCenterApi()));
  }

  /** @return the Microsoft Graph base URL (with {@code /v1.0}) without a trailing slash */
  public String graphBaseUrl() {
    return stripSlash(environment.getProperty(GRAPH_BASE_URL, cloud.graphApi()));
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

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
