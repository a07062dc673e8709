package io.partnerchannel.orchestrator.partnercenter.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.partnerchannel.orchestrator.support.ProcessTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;

/**
 * The sandbox finds tenants by domain and users by UPN ignoring case, as Entra does, through an index: the
 * look-ups of tenant discovery, the acceptance, GDAP approval and sign-in read one row however many tenants the
 * sandbox holds (the benchmark adds thousands). On H2 and on PostgreSQL.
 */
@ProcessTest
class SandboxDirectoryLookupTest {

  @Autowired SandboxDirectory directory;
  @Autowired @SandboxDatabase HikariDataSource sandboxDataSource;

  @Test
  void tenantsAndUsersAreFoundIgnoringCaseAndTheirKeysAreUniqueIgnoringCase() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String domain = "Lookup-" + suffix + ".OnMicrosoft.com";
    SandboxTenant tenant = tenant(domain);
    directory.insertTenant(tenant);
    SandboxUser admin =
        new SandboxUser("Admin@" + domain, tenant.id(), "Lookup admin", List.of(SandboxUser.GLOBAL_ADMINISTRATOR));
    directory.insertUser(admin, "Sandbox!Lookup1");

    assertThat(directory.tenantByDomain(domain.toLowerCase())).get()
        .extracting(SandboxTenant::id, SandboxTenant::domain).containsExactly(tenant.id(), domain);
    assertThat(directory.tenantByDomain(domain.toUpperCase())).get()
        .extracting(SandboxTenant::id).isEqualTo(tenant.id());
    assertThat(directory.user(admin.userPrincipalName().toUpperCase())).get()
        .extracting(SandboxUser::userPrincipalName).isEqualTo(admin.userPrincipalName());
    assertThat(directory.signIn(admin.userPrincipalName().toLowerCase(), "Sandbox!Lookup1")).isPresent();
    assertThat(directory.signIn(admin.userPrincipalName().toLowerCase(), "sandbox!lookup1")).isEmpty();

    assertThatThrownBy(() -> directory.insertTenant(tenant(domain.toLowerCase())))
        .isInstanceOf(DuplicateKeyException.class);
    assertThatThrownBy(() -> directory.insertUser(
            new SandboxUser(admin.userPrincipalName().toLowerCase(), tenant.id(), "Twin", List.of()),
            "Sandbox!Lookup2"))
        .isInstanceOf(DuplicateKeyException.class);
  }

  @Test
  void lookUpsByDomainAndByUserPrincipalNameReadTheirIndex() throws SQLException {
    assertThat(plan(SandboxDirectory.TENANT_BY_DOMAIN, "X.onmicrosoft.com"))
        .containsIgnoringCase("ux_sbx_tenant_domain_key");
    assertThat(plan(SandboxDirectory.USER_BY_UPN, "A@x.onmicrosoft.com"))
        .containsIgnoringCase("ux_sbx_user_user_principal_name_key");
  }

  /** The database's plan of a query; on PostgreSQL with sequential scans off, as the tables here are small. */
  private String plan(String query, String parameter) throws SQLException {
    try (Connection connection = sandboxDataSource.getConnection();
        Statement settings = connection.createStatement();
        PreparedStatement explain = connection.prepareStatement("explain " + query)) {
      boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
      if (postgres) {
        settings.execute("set enable_seqscan = off");
      }
      explain.setString(1, parameter);
      StringBuilder plan = new StringBuilder();
      try (ResultSet rows = explain.executeQuery()) {
        while (rows.next()) {
          plan.append(rows.getString(1)).append('\n');
        }
      } finally {
        if (postgres) {
          settings.execute("reset enable_seqscan");
        }
      }
      return plan.toString();
    }
  }

  private static SandboxTenant tenant(String domain) {
    return new SandboxTenant(UUID.randomUUID().toString(), SandboxTenant.Kind.CUSTOMER, null, domain,
        "Lookup " + domain, "IT", "en", null, "{}");
  }
}
