package io.partnerchannel.orchestrator.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import io.partnerchannel.orchestrator.partnercenter.sandbox.EventSharedSecret;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.support.BasicAuthenticationInterceptor;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.client.RestClient;

/**
 * The sandbox data set's demo users ({@code sandbox/orchestrator-users.json}, password
 * {@code pco.sandbox.demo-user-password}) and clients that call the application as one of them.
 *
 * <p>One line to authenticate a test: {@code TestUsers.http(port)} instead of a plain {@code RestClient}
 * (HTTP Basic as the sales agent), {@code .with(TestUsers.salesAgent())} on a MockMvc request, and
 * {@code .with(TestUsers.sandboxEvent(secret))} on a MockMvc POST to {@code /api/partner-center/events}
 * (autowire {@link EventSharedSecret}).
 */
public final class TestUsers {

  /** Member of {@code global-admins}. */
  public static final String GLOBAL_ADMIN = "global.admin";
  /** Member of {@code user-management-admins}. */
  public static final String USER_ADMIN = "user.admin";
  /** Member of {@code sales-agents}. */
  public static final String SALES_AGENT = "sales.agent";
  /** Member of {@code business-analysts}: deploys from Camunda Modeler, reads definitions, uses Cockpit. */
  public static final String BUSINESS_ANALYST = "business.analyst";
  /** Staff of the indirect reseller Fourth Coffee IT (tenant {@value #FOURTH_COFFEE}). */
  public static final String FOURTH_COFFEE_STAFF = "fourthcoffee.staff";
  /** Staff of the indirect reseller Wingtip Solutions (tenant {@value #WINGTIP}). */
  public static final String WINGTIP_STAFF = "wingtip.staff";
  /** Fourth Coffee IT's tenant id. */
  public static final String FOURTH_COFFEE = "a1b2c3d4-0000-4000-8000-000000000003";
  /** Wingtip Solutions' tenant id. */
  public static final String WINGTIP = "a1b2c3d4-0000-4000-8000-000000000004";
  /** Every demo user's password: the default of {@code pco.sandbox.demo-user-password}. */
  public static final String PASSWORD = "Partner!Demo1";

  private TestUsers() {}

  /**
   * @param port the application's port
   * @return a client authenticated as the {@linkplain #SALES_AGENT sales agent}
   */
  public static RestClient http(int port) {
    return http(port, SALES_AGENT);
  }

  /**
   * A client that sends HTTP Basic credentials of the user (unless a request sets its own
   * {@code Authorization}, as the sandbox's bearer token calls do), accepts JSON, problem JSON and HTML,
   * and never throws on error statuses, so tests can assert them.
   *
   * @param port the application's port
   * @param userId a demo user
   * @return the client
   */
  public static RestClient http(int port, String userId) {
    return builder(port).requestInterceptor(new BasicAuthenticationInterceptor(userId, PASSWORD)).build();
  }

  /**
   * @param port the application's port
   * @return a client that sends no credentials and never throws on error statuses
   */
  public static RestClient anonymous(int port) {
    return builder(port).build();
  }

  /** @return MockMvc: HTTP Basic as the sales agent */
  public static RequestPostProcessor salesAgent() {
    return user(SALES_AGENT);
  }

  /**
   * @param userId a demo user
   * @return MockMvc: HTTP Basic as that user
   */
  public static RequestPostProcessor user(String userId) {
    return httpBasic(userId, PASSWORD);
  }

  /**
   * @param secret the application's shared event secret
   * @return MockMvc: the header with which the sandbox delivers Partner Center events
   */
  public static RequestPostProcessor sandboxEvent(EventSharedSecret secret) {
    return request -> {
      request.addHeader(EventSharedSecret.HEADER, secret.value());
      return request;
    };
  }

  /**
   * A client of the running application over the JDK's {@code HttpClient}, which follows no redirect and re-sends
   * nothing, so tests see every status as answered (a 302 to {@code /login}, a 503); RestClient's own choice would
   * be Apache HttpClient (on the class path for the Partner Center client), which follows redirects and re-sends a
   * request answered 503. Never throws on error statuses.
   *
   * @param baseUrl e.g. {@code http://localhost:<port>/sandbox}
   * @return the builder, with no credentials and no default headers
   */
  public static RestClient.Builder jdkClient(String baseUrl) {
    return RestClient.builder()
        .requestFactory(new JdkClientHttpRequestFactory())
        .baseUrl(baseUrl)
        .defaultStatusHandler(status -> true, (request, response) -> {});
  }

  private static RestClient.Builder builder(int port) {
    return jdkClient("http://localhost:" + port)
        .defaultHeader("Accept", MediaType.APPLICATION_JSON_VALUE + ", " + MediaType.APPLICATION_PROBLEM_JSON_VALUE
            + ", " + MediaType.TEXT_HTML_VALUE);
  }
}
