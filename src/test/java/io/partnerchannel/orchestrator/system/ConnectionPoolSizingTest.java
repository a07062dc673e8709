package io.partnerchannel.orchestrator.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.partnerchannel.orchestrator.partnercenter.sandbox.SandboxDataSourceConfiguration;
import io.partnerchannel.orchestrator.partnercenter.sandbox.SandboxDatabase;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.BeanFactoryAnnotationUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The two connection pools: sizes derived from the job executor's threads (application: threads + request
 * connections; sandbox: threads + event deliveries + 2) unless set; the sandbox's pool, transaction manager and
 * template exist only in sandbox mode and never replace Spring Boot's own.
 */
class ConnectionPoolSizingTest {

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
          DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class))
      .withUserConfiguration(ConnectionPoolConfiguration.class, SandboxDataSourceConfiguration.class)
      .withPropertyValues("spring.datasource.url=jdbc:h2:mem:pools;DB_CLOSE_DELAY=-1", "spring.profiles.active=sandbox");

  @Test
  void poolSizesFollowTheJobExecutorThreads() {
    context.withPropertyValues("camunda.bpm.job-execution.max-pool-size=6", "pco.sandbox.event-delivery-concurrency=3")
        .run(app -> {
          HikariDataSource application = (HikariDataSource) app.getBean(DataSource.class);
          HikariDataSource sandbox = BeanFactoryAnnotationUtils.qualifiedBeanOfType(
              app.getBeanFactory(), HikariDataSource.class, "sandboxDataSource");
          assertThat(application.getMaximumPoolSize()).isEqualTo(6 + 10);
          assertThat(sandbox.getMaximumPoolSize()).isEqualTo(6 + 3 + 2);
          assertThat(sandbox.getPoolName()).isEqualTo("sandbox");
          assertThat(sandbox.getJdbcUrl()).isEqualTo(application.getJdbcUrl());
          assertThat(sandbox).isNotSameAs(application);
        });
  }

  @Test
  void camundasDefaultJobThreadsAndExplicitSizesAreRespected() {
    context.run(app -> assertThat(((HikariDataSource) app.getBean(DataSource.class)).getMaximumPoolSize()).isEqualTo(10 + 10));
    context.withPropertyValues("spring.datasource.hikari.maximum-pool-size=7",
            "pco.sandbox.datasource.hikari.maximum-pool-size=5", "pco.database.request-connections=4")
        .run(app -> {
          assertThat(((HikariDataSource) app.getBean(DataSource.class)).getMaximumPoolSize()).isEqualTo(7);
          assertThat(app.getBean("sandboxDataSource", HikariDataSource.class).getMaximumPoolSize()).isEqualTo(5);
        });
  }

  @Test
  void theSandboxBeansNeverReplaceSpringBootsOwn() {
    context.run(app -> {
      assertThat(app.getBean(DataSource.class)).isNotSameAs(app.getBean("sandboxDataSource"));
      assertThat(app.getBean(PlatformTransactionManager.class)).isNotSameAs(app.getBean(SandboxDatabase.TRANSACTION_MANAGER));
      assertThat(app.getBean(TransactionTemplate.class)).isNotSameAs(app.getBean("sandboxTransactionTemplate"));
    });
  }

  @Test
  void withoutTheSandboxThereIsNoSandboxPool() {
    context.withPropertyValues("spring.profiles.active=", "pco.partner-center.mode=partner-center")
        .run(app -> assertThat(app).doesNotHaveBean("sandboxDataSource").hasSingleBean(DataSource.class));
  }
}
