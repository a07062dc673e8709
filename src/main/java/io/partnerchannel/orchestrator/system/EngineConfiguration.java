package io.partnerchannel.orchestrator.system;

import java.util.List;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.defaults.DefaultSqlSessionFactory;
import org.camunda.bpm.engine.impl.cfg.CompositeProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.util.CamundaSpringBootUtil;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;

/**
 * The process engine's configuration: the Camunda starter's own ({@code CamundaBpmConfiguration}: a
 * {@link SpringProcessEngineConfiguration} with every {@link ProcessEnginePlugin} bean), which takes its MyBatis
 * mappings from {@link EngineMappingsPreparse} when they were parsed for its database type and table prefix.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class EngineConfiguration {

  /**
   * @param plugins every process engine plugin bean, as the starter passes them
   * @param mappings the mappings parsed at the start, when the database type could be told from the configuration
   * @return replaces the starter's bean of the same name ({@code @ConditionalOnMissingBean} there)
   */
  @Bean
  ProcessEngineConfigurationImpl processEngineConfigurationImpl(List<ProcessEnginePlugin> plugins,
      ObjectProvider<EngineMappingsPreparse.Mappings> mappings) {
    SpringProcessEngineConfiguration configuration =
        CamundaSpringBootUtil.initCustomFields(new PreparsedMappingsConfiguration(mappings.getIfAvailable()));
    configuration.getProcessEnginePlugins().add(new CompositeProcessEnginePlugin(plugins));
    return configuration;
  }

  /** A {@link SpringProcessEngineConfiguration} that uses the mappings parsed at the start when they fit. */
  static class PreparsedMappingsConfiguration extends SpringProcessEngineConfiguration {

    private final EngineMappingsPreparse.Mappings mappings;
    private boolean preparsed;

    PreparsedMappingsConfiguration(EngineMappingsPreparse.Mappings mappings) {
      this.mappings = mappings;
    }

    /**
     * What Camunda 7.24's {@code ProcessEngineConfigurationImpl.initSqlSessionFactory()} does after its parse (the
     * same environment and statement settings), from the configuration parsed at the start; the engine's own when
     * there is none that fits. On an engine upgrade, compare the two ({@code EngineMappingsPreparseTest} compares the
     * parses). Either way, then drops the parse's {@code <sql>} fragments, which only the parse needs.
     */
    @Override
    protected void initSqlSessionFactory() {
      initMappings();
      // MyBatis keeps every <sql> fragment as the DOM node it was parsed from, which keeps the DOM of each of the
      // engine's mapping files (19 MiB of the live heap after the start). Includes are resolved while the statements
      // are built, and nothing parses a mapping into this configuration later (Cockpit's queries have their own).
      sqlSessionFactory.getConfiguration().getSqlFragments().clear();
    }

    private void initMappings() {
      if (sqlSessionFactory == null && !isUseSharedSqlSessionFactory && mappings != null) {
        Configuration parsed = mappings.take(databaseType, databaseTablePrefix).orElse(null);
        if (parsed != null) {
          parsed.setEnvironment(new Environment("default", transactionFactory, dataSource));
          parsed.setDefaultStatementTimeout(jdbcStatementTimeout);
          if (isJdbcBatchProcessing()) {
            parsed.setDefaultExecutorType(ExecutorType.BATCH);
          }
          sqlSessionFactory = new DefaultSqlSessionFactory(parsed);
          preparsed = true;
          return;
        }
      }
      super.initSqlSessionFactory();
    }

    /** @return whether the engine took the mappings parsed at the start */
    boolean usesPreparsedMappings() {
      return preparsed;
    }
  }
}
