package io.partnerchannel.orchestrator.partnercenter.signin;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.withDefaults;

import io.partnerchannel.orchestrator.partnercenter.PartnerCenterCloud;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenterModeCheck;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenterProperties;
import io.partnerchannel.orchestrator.partnercenter.PartnerProperties;
import io.partnerchannel.orchestrator.security.CamundaWebappSessionFilter;
import io.partnerchannel.orchestrator.security.EngineIdentityAuthenticationProvider;
import io.partnerchannel.orchestrator.security.PartnerRoles;
import io.partnerchannel.orchestrator.web.PublicBaseUrl;
import java.time.Clock;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.AuthenticatedPrincipalOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizationRequestRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * partner-center mode: signing in to Partner Center the way it requires, the secure application model
 * (learn.microsoft.com/partner-center/developer/enable-secure-app-model; reference §8, Authentication), with
 * Spring Security's OAuth2 client and no token HTTP of our own.
 * <ul>
 *   <li>{@value #PARTNER_CENTER}: authorization code with PKCE, started from {@value SignInController#PAGE} (only
 *       {@code global-admins}); scopes {@code openid offline_access <Partner Center>/user_impersonation} (as MSAL
 *       asks); the refresh
 *       token it yields is stored encrypted ({@link StoredSignIn}) and renews the App+User access tokens.</li>
 *   <li>{@value #GRAPH}: client credentials, scope {@code <Graph>/.default}.</li>
 * </ul>
 * Endpoints: {@code pco.partner-center.authority} or {@code <cloud login host>/<partner tenant>/oauth2/v2.0}; the
 * redirect URI is {@code <the application's URL>}{@value #REDIRECT_PATH} (register it in Entra ID; behind a proxy
 * set {@code server.forward-headers-strategy} so the URL is the public one).
 */
@Configuration(proxyBeanMethods = false)
@Profile("!" + PartnerCenterModeCheck.SANDBOX_PROFILE)
class SignInConfiguration {

  /** Registration of the App+User sign-in to Partner Center. */
  public static final String PARTNER_CENTER = "partner-center";
  /** Registration of the application's own Graph token. */
  public static final String GRAPH = "graph";
  /** Where Entra ID sends the admin back with the authorization code. */
  public static final String REDIRECT_PATH = "/partner-center/sign-in/done";

  /**
   * @param partnerCenter client id and secret, authority
   * @param partner the partner's tenant and cloud
   * @return the two registrations
   */
  @Bean
  public ClientRegistrationRepository partnerCenterClientRegistrations(
      PartnerCenterProperties partnerCenter, PartnerProperties partner) {
    PartnerCenterCloud cloud = partner.partnerCenterCloud();
    String authority = partnerCenter.authority() == null || partnerCenter.authority().isBlank()
        ? cloud.authority() + "/" + partner.tenantId() + "/oauth2/v2.0"
        : stripSlash(partnerCenter.authority());
    ClientRegistration signIn = ClientRegistration.withRegistrationId(PARTNER_CENTER)
        .clientName("Partner Center (App+User)")
        .clientId(partnerCenter.clientId())
        .clientSecret(partnerCenter.clientSecret())
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .redirectUri("{baseUrl}" + REDIRECT_PATH)
        .scope("openid", "offline_access", cloud.partnerCenterAudience() + "/user_impersonation")
        .authorizationUri(authority + "/authorize")
        .tokenUri(authority + "/token")
        .build();
    ClientRegistration graph = ClientRegistration.withRegistrationId(GRAPH)
        .clientName("Microsoft Graph (application)")
        .clientId(partnerCenter.clientId())
        .clientSecret(partnerCenter.clientSecret())
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
        .scope(cloud.graph() + "/.default")
        .tokenUri(authority + "/token")
        .build();
    return new InMemoryClientRegistrationRepository(signIn, graph);
  }

  /**
   * @param jdbc the database
   * @param registrations the registrations
   * @param partnerCenter the encryption key
   * @param publicBaseUrl the sign-in page's base
   * @param clock a {@link Clock} bean if there is one (tests), else the system's
   * @param transactions the application's transactions
   * @return the stored consent
   */
  @Bean
  public StoredSignIn storedSignIn(JdbcClient jdbc, ClientRegistrationRepository registrations,
      PartnerCenterProperties partnerCenter, PublicBaseUrl publicBaseUrl, ObjectProvider<Clock> clock,
      PlatformTransactionManager transactions) {
    return new StoredSignIn(jdbc, registrations, partnerCenter.tokenEncryptionKey(),
        publicBaseUrl.get() + SignInController.PAGE, clock.getIfAvailable(Clock::systemUTC), transactions);
  }

  /**
   * @param registrations the registrations
   * @param signIn the stored consent
   * @param partnerCenter the refresh margin
   * @param clock a {@link Clock} bean if there is one (tests), else the system's
   * @return the manager background work gets its tokens from
   */
  @Bean
  public OAuth2AuthorizedClientManager partnerCenterAuthorizedClients(ClientRegistrationRepository registrations,
      StoredSignIn signIn, PartnerCenterProperties partnerCenter, ObjectProvider<Clock> clock) {
    Clock now = clock.getIfAvailable(Clock::systemUTC);
    OAuth2AuthorizedClientProvider provider = OAuth2AuthorizedClientProviderBuilder.builder()
        .refreshToken(refresh -> refresh.clockSkew(partnerCenter.tokenRefreshMargin()).clock(now))
        .clientCredentials(credentials -> credentials.clockSkew(partnerCenter.tokenRefreshMargin()).clock(now))
        .build();
    AuthorizedClientServiceOAuth2AuthorizedClientManager manager =
        new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, signIn);
    manager.setAuthorizedClientProvider(provider);
    return manager;
  }

  /**
   * @param clients the manager
   * @param signIn the stored consent
   * @return the access tokens of the Partner Center client
   */
  @Bean
  public SignInTokens signInTokens(OAuth2AuthorizedClientManager clients, StoredSignIn signIn) {
    return new SignInTokens(clients, signIn);
  }

  /**
   * @param registrations the registrations
   * @return the authorization request of the sign-in, with PKCE ({@code code_challenge}, S256)
   */
  @Bean
  public OAuth2AuthorizationRequestResolver partnerCenterAuthorizationRequests(ClientRegistrationRepository registrations) {
    DefaultOAuth2AuthorizationRequestResolver resolver =
        new DefaultOAuth2AuthorizationRequestResolver(registrations, SignInController.START);
    resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
    return resolver;
  }

  /** @return where the pending authorization request waits for Entra ID's redirect: the admin's session */
  @Bean
  public AuthorizationRequestRepository<OAuth2AuthorizationRequest> partnerCenterPendingSignIns() {
    return new HttpSessionOAuth2AuthorizationRequestRepository();
  }

  /**
   * The sign-in's own chain: the page, its start ({@link SignInController#start}) and Entra ID's redirect, for
   * {@code global-admins} only (logged in to the Camunda webapps, by the login form or HTTP Basic). Spring
   * Security's own authorization request endpoint is not exposed: it would run before the role is checked.
   *
   * @param http the builder
   * @param authenticationManager the engine's users (for the webapp login of the same browser)
   * @param engineUsers checks HTTP Basic credentials (beside the provider that redeems Entra ID's code)
   * @param processEngine whose webapp login counts
   * @param signIn the stored consent
   * @param pendingSignIns the admin's pending authorization request
   * @return the chain
   * @throws Exception from the builder
   */
  @Bean
  @Order(0)
  public SecurityFilterChain partnerCenterSignInChain(HttpSecurity http, AuthenticationManager authenticationManager,
      EngineIdentityAuthenticationProvider engineUsers, ProcessEngine processEngine, StoredSignIn signIn,
      AuthorizationRequestRepository<OAuth2AuthorizationRequest> pendingSignIns) throws Exception {
    return http
        .securityMatcher(new OrRequestMatcher(withDefaults().matcher(SignInController.PAGE),
            withDefaults().matcher(SignInController.PAGE + "/**")))
        .authenticationProvider(engineUsers)
        .addFilterBefore(new CamundaWebappSessionFilter(processEngine.getName(), authenticationManager),
            UsernamePasswordAuthenticationFilter.class)
        .httpBasic(basic -> {})
        .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")))
        .oauth2Client(client -> client
            .authorizedClientRepository(new AuthenticatedPrincipalOAuth2AuthorizedClientRepository(signIn))
            .authorizationCodeGrant(code -> code.authorizationRequestRepository(pendingSignIns)))
        .authorizeHttpRequests(requests -> requests.anyRequest()
            .hasAuthority(EngineIdentityAuthenticationProvider.GROUP_AUTHORITY_PREFIX + PartnerRoles.GLOBAL_ADMINS))
        .build();
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
