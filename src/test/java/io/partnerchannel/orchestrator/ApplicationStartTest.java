package io.partnerchannel.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import io.partnerchannel.orchestrator.security.AdminUserInitializer;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Groups;
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

  @Test
  void createsAdminWithConfiguredPasswordInCamundaAdminGroup() {
    assertThat(identityService.checkPassword(AdminUserInitializer.ADMIN_USER_ID, "s3cret-for-test")).isTrue();
    assertThat(identityService.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).list())
        .extracting("id")
        .containsExactly(AdminUserInitializer.ADMIN_USER_ID);
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
