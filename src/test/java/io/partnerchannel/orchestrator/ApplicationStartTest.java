package io.partnerchannel.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import io.partnerchannel.orchestrator.security.AdminUserInitializer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(properties = "PCO_ADMIN_PASSWORD=s3cret-for-test")
@ActiveProfiles("test")
class ApplicationStartTest {

  @Autowired IdentityService identityService;
  @Autowired RepositoryService repositoryService;
  @Autowired DataSource dataSource;
  @Autowired AdminUserInitializer adminUserInitializer;

  @Test
  void createsAdminWithConfiguredPasswordInCamundaAdminGroup() {
    assertThat(identityService.checkPassword(AdminUserInitializer.ADMIN_USER_ID, "s3cret-for-test")).isTrue();
    assertThat(identityService.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).list())
        .extracting("id")
        .containsExactly(AdminUserInitializer.ADMIN_USER_ID);
  }

  @Test
  void aLockedForgottenOrDemotedAdminIsRecoveredByStartingWithPcoAdminPassword() throws Exception {
    User admin = identityService.createUserQuery().userId(AdminUserInitializer.ADMIN_USER_ID).singleResult();
    admin.setPassword("forgotten");
    identityService.saveUser(admin);
    identityService.deleteMembership(AdminUserInitializer.ADMIN_USER_ID, Groups.CAMUNDA_ADMIN);
    try (Connection connection = dataSource.getConnection(); PreparedStatement lock = connection.prepareStatement(
        "update ACT_ID_USER set ATTEMPTS_ = 10, LOCK_EXP_TIME_ = ? where ID_ = ?")) {
      lock.setTimestamp(1, Timestamp.from(Instant.now().plus(Duration.ofDays(3650))));
      lock.setString(2, AdminUserInitializer.ADMIN_USER_ID);
      assertThat(lock.executeUpdate()).isOne();
    }

    adminUserInitializer.ensureAdminUser();

    assertThat(identityService.checkPassword(AdminUserInitializer.ADMIN_USER_ID, "s3cret-for-test")).isTrue();
    assertThat(identityService.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).list())
        .extracting("id").containsExactly(AdminUserInitializer.ADMIN_USER_ID);
    UserEntity stored = (UserEntity) identityService.createUserQuery().userId(AdminUserInitializer.ADMIN_USER_ID).singleResult();
    assertThat(stored.getAttempts()).isZero();
    assertThat(stored.getLockExpirationTime()).isNull();
  }

  @Test
  void runsOnTheDatabaseTheSuiteAsksFor() throws Exception {
    String product = dataSource.getConnection().getMetaData().getDatabaseProductName();
    if ("postgres".equals(System.getProperty("pco.test.database"))) {
      assertThat(product).isEqualTo("PostgreSQL");
    } else {
      assertThat(product).isEqualTo("H2");
    }
  }
}
