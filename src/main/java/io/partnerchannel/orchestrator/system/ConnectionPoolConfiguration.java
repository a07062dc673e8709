package io.partnerchannel.orchestrator.system;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Sizes the application's connection pool (Spring Boot's {@code dataSource}) from the job executor's threads
 * ({@link ConnectionPoolSizing#application()}) unless {@code spring.datasource.hikari.maximum-pool-size} is set.
 */
@Configuration(proxyBeanMethods = false)
class ConnectionPoolConfiguration {

  /** Property that, when set, fixes the application pool's size. */
  static final String MAXIMUM_POOL_SIZE = "spring.datasource.hikari.maximum-pool-size";

  /** @return sizes the {@code dataSource} bean when it is a Hikari pool without an explicit size */
  @Bean
  static BeanPostProcessor applicationPoolSizer() {
    return new ApplicationPoolSizer();
  }

  private static final class ApplicationPoolSizer implements BeanPostProcessor, EnvironmentAware {

    private static final Logger log = LoggerFactory.getLogger(ConnectionPoolConfiguration.class);
    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
      this.environment = environment;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
      if ("dataSource".equals(beanName) && bean instanceof HikariDataSource pool
          && !Binder.get(environment).bind(MAXIMUM_POOL_SIZE, Integer.class).isBound()) {
        ConnectionPoolSizing sizing = ConnectionPoolSizing.of(environment);
        pool.setMaximumPoolSize(sizing.application());
        log.info("Application connection pool: {} connections ({} job threads + {} for requests)",
            sizing.application(), sizing.jobThreads(), sizing.requestConnections());
      }
      return bean;
    }
  }
}
