package io.partnerchannel.orchestrator.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import io.partnerchannel.orchestrator.invitation.InvitationTestSupport;
import io.partnerchannel.orchestrator.partnercenter.sandbox.SandboxDatabase;
import io.partnerchannel.orchestrator.security.EngineUser;
import io.partnerchannel.orchestrator.support.TestUsers;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.client.RestClient;

/**
 * Saturation answers 503 {@code application/problem+json} with {@code Retry-After}, never a 500: the application's
 * pool (2 connections, 250 ms connection timeout) is exhausted by connections the test holds, then {@code /api}
 * requests fail in authentication (which reads the engine's users) and in the controller (the engine's history).
 * The sandbox, on its own pool, still answers and writes meanwhile, as a job's Partner Center call must while the
 * job holds an application connection.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.hikari.maximum-pool-size=2",
      "spring.datasource.hikari.minimum-idle=0",
      "spring.datasource.hikari.connection-timeout=250"
    })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class OverloadTest {

  @Autowired DataSource dataSource;
  @Autowired @SandboxDatabase HikariDataSource sandboxDataSource;
  @Autowired MockMvc mvc;
  @LocalServerPort int port;
  final List<Connection> held = new ArrayList<>();

  @BeforeEach
  void exhaustTheApplicationPool() throws Exception {
    for (int i = 0; i < 2; i++) {
      held.add(dataSource.getConnection());
    }
  }

  @AfterEach
  void release() throws Exception {
    for (Connection connection : held) {
      connection.close();
    }
  }

  @Test
  void aRequestThatCannotAuthenticateForWantOfAConnectionGets503() {
    ResponseEntity<JsonNode> answer = TestUsers.http(port).post().uri("/api/invitations")
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("companyName", "Busy Ltd", "domain", "busy.onmicrosoft.com", "country", "SE", "language", "sv",
            "globalAdminEmail", "admin@busy.onmicrosoft.com", "adminAccess", "NONE"))
        .retrieve()
        .toEntity(JsonNode.class);

    assertThat(answer.getStatusCode().value()).isEqualTo(503);
    assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("2");
    assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(answer.getBody().path("type").asText()).isEqualTo(Overload.TYPE.toString());
    assertThat(answer.getBody().path("status").asInt()).isEqualTo(503);
    assertThat(answer.getBody().path("retryAfterSeconds").asInt()).isEqualTo(2);
  }

  @Test
  void aControllerThatGetsNoConnectionAnswers503() throws Exception {
    EngineUser agent = new EngineUser(TestUsers.SALES_AGENT, List.of("sales-agents"), List.of());
    mvc.perform(get("/api/invitations/{id}", "any").with(authentication(
            UsernamePasswordAuthenticationToken.authenticated(agent, null, List.of(new SimpleGrantedAuthority("GROUP_sales-agents"))))))
        .andExpect(status().isServiceUnavailable())
        .andExpect(header().string("Retry-After", "2"))
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value(Overload.TYPE.toString()))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("Retry after 2 s")));
  }

  @Test
  void theSandboxAnswersAndWritesOnItsOwnPoolWhileTheApplicationsIsExhausted() {
    RestClient http = TestUsers.anonymous(port);

    JsonNode tenant = InvitationTestSupport.sandboxTenant(http, "cohowinery.onmicrosoft.com");
    JsonNode accepted = InvitationTestSupport.acceptInSandbox(http, InvitationTestSupport.COHO, "admin@cohowinery.onmicrosoft.com");

    assertThat(tenant.path("id").asText()).isEqualTo(InvitationTestSupport.COHO);
    assertThat(accepted.path("customerTenantId").asText()).as(accepted.toString()).isEqualTo(InvitationTestSupport.COHO);
    assertThat(sandboxDataSource.getPoolName()).isEqualTo("sandbox");
    assertThat(sandboxDataSource.getHikariPoolMXBean().getTotalConnections()).isPositive();
    assertThat(((HikariDataSource) dataSource).getHikariPoolMXBean().getActiveConnections()).isEqualTo(2);
  }
}
