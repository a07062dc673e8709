package io.partnerchannel.orchestrator.partnercenter.signin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jwt.SignedJWT;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenterException;
import io.partnerchannel.orchestrator.security.PartnerRoles;
import io.partnerchannel.orchestrator.support.TestUsers;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.TokenRequest;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Exception;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenCallback;
import okhttp3.mockwebserver.RecordedRequest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * partner-center mode against a real OAuth2 server (mock-oauth2-server standing in for Entra ID) and a WireMock
 * Partner Center / Graph: a Global admin signs in with authorization code + PKCE; the client obtains, caches and
 * renews its tokens and sends them; a refresh token Entra ID no longer accepts ends as an incident that says what
 * to do, and the health endpoint shows it. The partner's own reads are not cached here
 * ({@code pco.cache.partner-center-reads=PT0S}): the tests follow each token through repeated reads of the legal
 * business profile.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "pco.cache.partner-center-reads=PT0S")
@ActiveProfiles("partner-center-test")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PartnerCenterSignInTest {

  static final String ISSUER = "partner";
  static final String CLIENT_ID = "11111111-2222-4333-8444-555555555555";
  static final String ADMIN = "pc.global.admin";
  static final String AGENT = "pc.sales.agent";
  static final String PASSWORD = "Admin-Password-1";
  static final MovableClock CLOCK = new MovableClock();
  static final MockOAuth2Server ENTRA = new MockOAuth2Server();
  static final WireMockServer MICROSOFT = new WireMockServer(options().dynamicPort());

  static {
    ENTRA.start();
    MICROSOFT.start();
  }

  /** The time the token cache judges expiry by: now, moved on by the test. */
  static final class MovableClock extends Clock {
    private volatile Duration offset = Duration.ZERO;

    void advance(Duration duration) {
      offset = offset.plus(duration);
    }

    void reset() {
      offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.now().plus(offset);
    }
  }

  /**
   * The consent's tokens as Entra ID issues them, until the refresh token is revoked (or expires unused): then
   * Entra ID's answer to the refresh grant, {@code invalid_grant} AADSTS700082.
   */
  static final class RevocableConsent implements OAuth2TokenCallback {
    private final DefaultOAuth2TokenCallback tokens = new DefaultOAuth2TokenCallback(ISSUER, ADMIN, "JWT",
        List.of("https://api.partnercenter.microsoft.com"), Map.of(), 3600);
    private volatile boolean revoked;

    void revoke() {
      revoked = true;
    }

    @Override
    public String issuerId() {
      return tokens.issuerId();
    }

    @Override
    public String subject(TokenRequest request) {
      if (revoked && request.getAuthorizationGrant().getType().equals(GrantType.REFRESH_TOKEN)) {
        throw new OAuth2Exception(new ErrorObject("invalid_grant", "AADSTS700082: The refresh token has expired due to"
            + " inactivity. The token was issued on 2026-09-01T10:00:00Z and was inactive for 90.00:00:00.", 400),
            "refresh token expired");
      }
      return tokens.subject(request);
    }

    @Override
    public String typeHeader(TokenRequest request) {
      return tokens.typeHeader(request);
    }

    @Override
    public List<String> audience(TokenRequest request) {
      return tokens.audience(request);
    }

    @Override
    public Map<String, Object> addClaims(TokenRequest request) {
      return tokens.addClaims(request);
    }

    @Override
    public long tokenExpiry() {
      return tokens.tokenExpiry();
    }
  }

  @TestConfiguration
  static class Time {
    @Bean
    Clock tokenClock() {
      return CLOCK;
    }
  }

  @DynamicPropertySource
  static void endpoints(DynamicPropertyRegistry registry) {
    registry.add("pco.partner-center.authority", () -> ENTRA.issuerUrl(ISSUER).toString().replaceAll("/$", ""));
    registry.add("pco.partner-center.api-base-url", MICROSOFT::baseUrl);
    registry.add("pco.partner-center.graph-base-url", () -> MICROSOFT.baseUrl() + "/graph/v1.0");
  }

  @AfterAll
  static void stop() {
    ENTRA.shutdown();
    MICROSOFT.stop();
  }

  @LocalServerPort int port;
  @Autowired PartnerCenter partnerCenter;
  @Autowired IdentityService identityService;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired JdbcClient jdbc;
  @Autowired ClientRegistrationRepository registrations;
  @Autowired StoredSignIn storedSignIn;
  @Autowired PlatformTransactionManager transactions;

  @BeforeEach
  void users() {
    user(ADMIN, PartnerRoles.GLOBAL_ADMINS);
    user(AGENT, PartnerRoles.SALES_AGENTS);
    MICROSOFT.stubFor(get(urlPathEqualTo("/v1/profiles/legalbusiness")).willReturn(okJson("""
        {"companyName": "Contoso Partner", "address": {"country": "US"}, "attributes": {"objectType": "LegalBusinessProfile"}}""")));
    MICROSOFT.stubFor(get(urlPathEqualTo("/graph/v1.0/tenantRelationships/delegatedAdminRelationships/rel-1"))
        .willReturn(okJson("""
            {"id": "rel-1", "displayName": "Contoso GDAP", "status": "active"}""")));
  }

  @Test
  @Order(1)
  void beforeAnyoneSignsInCallsFailSayingWhereToSignIn() throws Exception {
    assertThatThrownBy(() -> partnerCenter.getLegalBusinessProfile())
        .isInstanceOf(PartnerCenterException.class)
        .hasMessageContaining("not signed in yet")
        .hasMessageContaining("/partner-center/sign-in");
    assertThat(MICROSOFT.findAll(getRequestedFor(urlPathEqualTo("/v1/profiles/legalbusiness")))).isEmpty();
    assertThat(health(null)).contains("\"partnerCenterSignIn\":{\"status\":\"DOWN\"");
  }

  @Test
  @Order(1)
  void withoutTheSandboxThereAreNoDemoUsersNoSandboxTablesAndNoSandboxPaths() throws Exception {
    assertThat(identityService.createUserQuery().userIdIn(TestUsers.GLOBAL_ADMIN, TestUsers.SALES_AGENT,
        TestUsers.FOURTH_COFFEE_STAFF).count()).isZero();
    assertThat(jdbc.sql("select count(*) from information_schema.tables where lower(table_name) like 'sbx_%'")
        .query(Long.class).single()).isZero();
    assertThat(browser().send(request("/sandbox/tenants?domain=proseware.onmicrosoft.com", null),
        HttpResponse.BodyHandlers.ofString()).statusCode()).as("no sandbox chain: the pages chain asks for a login")
        .isEqualTo(401);
    assertThat(browser().send(request("/sandbox/tenants?domain=proseware.onmicrosoft.com", ADMIN),
        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
  }

  @Test
  @Order(2)
  void onlyGlobalAdminsMaySignIn() throws Exception {
    HttpResponse<String> agent = browser().send(request(SignInController.START, AGENT), HttpResponse.BodyHandlers.ofString());
    assertThat(agent.statusCode()).isEqualTo(403);
    HttpResponse<String> anonymous = browser().send(request("/partner-center/sign-in", null), HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isEqualTo(302);
    assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
  }

  @Test
  @Order(3)
  void theClientObtainsCachesRenewsAndSendsTokensPerAudience() throws Exception {
    ENTRA.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER, ADMIN, "JWT", List.of("https://api.partnercenter.microsoft.com"), Map.of(), 3600));
    signIn();
    RecordedRequest authorize = ENTRA.takeRequest();
    assertThat(authorize.getPath()).startsWith("/" + ISSUER + "/authorize")
        .contains("code_challenge=").contains("code_challenge_method=S256")
        .contains("scope=openid%20offline_access%20https://api.partnercenter.microsoft.com/user_impersonation");
    Map<String, String> codeGrant = form(ENTRA.takeRequest());
    assertThat(codeGrant).containsEntry("grant_type", "authorization_code").containsKey("code_verifier")
        .containsEntry("client_id", CLIENT_ID);
    assertThat(storedSignIn.state(SignInConfiguration.PARTNER_CENTER).status()).isEqualTo(SignInState.Status.SIGNED_IN);
    assertThat(storedSignIn.state(SignInConfiguration.PARTNER_CENTER).consentedBy()).isEqualTo(ADMIN);

    // The consent's access token is used while it is valid; 56 minutes on (5-minute margin) it is renewed.
    assertThat(partnerCenter.getLegalBusinessProfile().companyName()).isEqualTo("Contoso Partner");
    CLOCK.advance(Duration.ofMinutes(30));
    partnerCenter.getLegalBusinessProfile();
    CLOCK.advance(Duration.ofMinutes(26));
    partnerCenter.getLegalBusinessProfile();
    Map<String, String> refreshGrant = form(ENTRA.takeRequest());
    assertThat(refreshGrant).containsEntry("grant_type", "refresh_token").containsKey("refresh_token");
    CLOCK.reset();
    partnerCenter.getLegalBusinessProfile();

    List<String> sent = MICROSOFT.findAll(getRequestedFor(urlPathEqualTo("/v1/profiles/legalbusiness"))).stream()
        .map(request -> request.getHeader("Authorization")).toList();
    assertThat(sent).hasSize(4);
    assertThat(sent.get(1)).as("cached").isEqualTo(sent.get(0));
    assertThat(sent.get(2)).as("renewed before it expired").isNotEqualTo(sent.get(1));
    assertThat(sent.get(3)).as("the renewed token cached").isEqualTo(sent.get(2));
    SignedJWT partnerCenterToken = SignedJWT.parse(sent.get(2).substring("Bearer ".length()));
    assertThat(partnerCenterToken.getJWTClaimsSet().getIssuer()).isEqualTo(ENTRA.issuerUrl(ISSUER).toString());
    assertThat(partnerCenterToken.getJWTClaimsSet().getSubject()).isEqualTo(ADMIN);

    // Graph: the application's own token (client credentials), a token of its own.
    assertThat(partnerCenter.getDelegatedAdminRelationship("rel-1")).isPresent();
    Map<String, String> clientCredentials = form(ENTRA.takeRequest());
    assertThat(clientCredentials).as("the renewed Partner Center token was cached: the next token request is Graph's")
        .containsEntry("grant_type", "client_credentials")
        .containsEntry("scope", "https://graph.microsoft.com/.default");
    LoggedRequest graphCall = MICROSOFT.findAll(getRequestedFor(
        urlPathEqualTo("/graph/v1.0/tenantRelationships/delegatedAdminRelationships/rel-1"))).get(0);
    SignedJWT graphToken = SignedJWT.parse(graphCall.getHeader("Authorization").substring("Bearer ".length()));
    assertThat(graphToken.getJWTClaimsSet().getSubject()).isEqualTo(CLIENT_ID);

    // The refresh token is stored encrypted: not in the clear, and it decrypts to the one the client holds.
    String stored = jdbc.sql("select refresh_token from pco_partner_center_sign_in where registration_id = 'partner-center'")
        .query(String.class).single();
    String sentRefreshToken = refreshGrant.get("refresh_token");
    assertThat(stored).doesNotContain(sentRefreshToken);
    OAuth2AuthorizedClient fromDatabase = new StoredSignIn(jdbc, registrations, "test-key-of-at-least-thirty-two-chars",
        "page", Clock.systemUTC(), transactions).loadAuthorizedClient(SignInConfiguration.PARTNER_CENTER, "anyone");
    assertThat(fromDatabase.getRefreshToken()).isNotNull();
    assertThat(stored).doesNotContain(fromDatabase.getRefreshToken().getTokenValue());
    assertThat(health(ADMIN)).contains("\"partnerCenterSignIn\":{\"status\":\"UP\"").contains("\"signedInBy\":\"" + ADMIN + "\"");
  }

  @Test
  @Order(4)
  void aRefreshTokenEntraNoLongerAcceptsEndsAsAnIncidentThatSaysWhatToDo() throws Exception {
    RevocableConsent consent = new RevocableConsent();
    ENTRA.enqueueCallback(consent);
    signIn();
    ENTRA.takeRequest();
    ENTRA.takeRequest();
    consent.revoke();
    CLOCK.advance(Duration.ofMinutes(58));
    int callsBefore = MICROSOFT.findAll(getRequestedFor(urlPathEqualTo("/v1/profiles/legalbusiness"))).size();

    BpmnModelInstance probe = Bpmn.createExecutableProcess("partnerCenterProbe").camundaHistoryTimeToLive(1)
        .startEvent()
        .serviceTask("readLegalBusinessProfile").name("Read legal business profile").camundaAsyncBefore()
        .camundaExpression("${restPartnerCenter.getLegalBusinessProfile()}")
        .endEvent()
        .done();
    repositoryService.createDeployment().addModelInstance("partnerCenterProbe.bpmn", probe).deploy();
    String instance = runtimeService.startProcessInstanceByKey("partnerCenterProbe").getId();
    for (int attempt = 0; attempt < 3; attempt++) {
      Job job = managementService.createJobQuery().processInstanceId(instance).singleResult();
      assertThatThrownBy(() -> managementService.executeJob(job.getId())).hasMessageContaining("must sign in again at");
    }
    Incident incident = runtimeService.createIncidentQuery().processInstanceId(instance).singleResult();
    Map<String, String> refused = form(ENTRA.takeRequest());
    assertThat(refused).containsEntry("grant_type", "refresh_token");
    CLOCK.reset();
    assertThat(incident.getIncidentMessage())
        .contains("must sign in again at")
        .contains("/partner-center/sign-in")
        .contains("retry the failed jobs");
    assertThat(MICROSOFT.findAll(getRequestedFor(urlPathEqualTo("/v1/profiles/legalbusiness"))))
        .as("no call without a token").hasSize(callsBefore);
    assertThat(storedSignIn.state(SignInConfiguration.PARTNER_CENTER).status()).isEqualTo(SignInState.Status.REVOKED);
    assertThat(health(null)).contains("\"partnerCenterSignIn\":{\"status\":\"DOWN\"");
    assertThat(health(ADMIN)).contains("\"tokenState\":\"REVOKED\"").contains("mustsigninagainat");
  }

  /** The Global admin's browser: the sign-in page's button, Entra ID's redirect, the redirect back. */
  void signIn() throws Exception {
    HttpClient browser = browser();
    HttpResponse<String> start = browser.send(request(SignInController.START, ADMIN), HttpResponse.BodyHandlers.ofString());
    assertThat(start.statusCode()).isEqualTo(302);
    String toEntra = start.headers().firstValue("Location").orElseThrow();
    HttpResponse<String> entra = browser.send(HttpRequest.newBuilder(URI.create(toEntra)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(entra.statusCode()).isEqualTo(302);
    String back = entra.headers().firstValue("Location").orElseThrow();
    assertThat(back).startsWith("http://localhost:" + port + SignInConfiguration.REDIRECT_PATH + "?code=");
    HttpResponse<String> done = browser.send(request(back.substring(("http://localhost:" + port).length()), ADMIN),
        HttpResponse.BodyHandlers.ofString());
    assertThat(done.statusCode()).isEqualTo(302);
    assertThat(done.headers().firstValue("Location")).hasValueSatisfying(location ->
        assertThat(location).endsWith(SignInConfiguration.REDIRECT_PATH));
    HttpResponse<String> page = browser.send(request(SignInConfiguration.REDIRECT_PATH, ADMIN), HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(302);
    HttpResponse<String> signedIn = browser.send(request(SignInController.PAGE, ADMIN), HttpResponse.BodyHandlers.ofString());
    assertThat(signedIn.body()).contains("SIGNED_IN").contains(ADMIN);
  }

  String health(String user) throws Exception {
    return browser().send(request("/actuator/health", user), HttpResponse.BodyHandlers.ofString()).body().replace(" ", "");
  }

  HttpRequest request(String path, String user) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }
    return request.build();
  }

  static HttpClient browser() {
    return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  static Map<String, String> form(RecordedRequest request) {
    assertThat(request).as("a request to the OAuth2 server").isNotNull();
    return java.util.Arrays.stream(request.getBody().readUtf8().split("&"))
        .map(pair -> pair.split("=", 2))
        .collect(Collectors.toMap(pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
            pair -> pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : ""));
  }

  void user(String id, String group) {
    if (identityService.createUserQuery().userId(id).count() > 0) {
      return;
    }
    var user = identityService.newUser(id);
    user.setPassword(PASSWORD);
    user.setEmail(id + "@example.test");
    identityService.saveUser(user);
    identityService.createMembership(id, group);
  }
}
