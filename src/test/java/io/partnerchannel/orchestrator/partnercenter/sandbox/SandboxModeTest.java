package io.partnerchannel.orchestrator.partnercenter.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.partnerchannel.orchestrator.partnercenter.AccessTokenProvider;
import io.partnerchannel.orchestrator.support.ProcessTest;
import io.partnerchannel.orchestrator.partnercenter.CustomerAdminPortal;
import io.partnerchannel.orchestrator.partnercenter.TokenAudience;
import io.partnerchannel.orchestrator.support.TestUsers;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/**
 * The Spring profile {@code sandbox} (in the {@code test} profile's group): the sandbox brings its demo users, its
 * tables (Flyway location {@code db/sandbox}), its own {@code /sandbox/**} security chain, its stand-in token and
 * admin center, and listens on loopback.
 */
@ProcessTest
class SandboxModeTest {

  @Autowired IdentityService identityService;
  @Autowired SandboxDirectory directory;
  @Autowired AccessTokenProvider tokens;
  @Autowired CustomerAdminPortal adminPortal;
  @Autowired Environment environment;
  @LocalServerPort int port;

  @Test
  void demoUsersAndSandboxTablesExist() {
    assertThat(identityService.checkPassword(TestUsers.SALES_AGENT, TestUsers.PASSWORD)).isTrue();
    assertThat(identityService.checkPassword(TestUsers.GLOBAL_ADMIN, TestUsers.PASSWORD)).isTrue();
    assertThat(directory.tenants()).isNotEmpty();
  }

  @Test
  void theSandboxStandsInForTokensAndTheAdminPortalAndListensOnLoopback() {
    assertThat(tokens).isInstanceOf(SandboxAccessTokens.class);
    assertThat(tokens.accessToken(TokenAudience.GRAPH)).isEqualTo(environment.getProperty("pco.partner.tenant-id"));
    assertThat(adminPortal.baseUrl()).isEqualTo("http://localhost:" + port + "/sandbox/admin-center");
    assertThat(environment.getProperty("server.address")).isEqualTo("127.0.0.1");
    assertThat(SandboxStartNotice.line("127.0.0.1", 8080)).contains("listening on 127.0.0.1:8080 only (loopback)");
    assertThat(SandboxStartNotice.line("0.0.0.0", 8080)).contains("because server.address is set");
  }

  @Test
  void theSandboxsOwnChainOpensItsEmulatorAndGuardsTheRest() {
    assertThat(TestUsers.anonymous(port).get().uri("/sandbox/tenants?domain=proseware.onmicrosoft.com").retrieve()
        .toBodilessEntity().getStatusCode().value()).isEqualTo(200);
    assertThat(TestUsers.anonymous(port).get().uri("/sandbox/outbox-does-not-exist").retrieve()
        .toBodilessEntity().getStatusCode().value()).isEqualTo(401);
  }
}
