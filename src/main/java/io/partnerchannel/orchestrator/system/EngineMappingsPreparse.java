package io.partnerchannel.orchestrator.system;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.ibatis.builder.xml.XMLConfigBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ReflectUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Parses the process engine's MyBatis mappings ({@value #MAPPINGS}, about 50 mapper files) on a thread of its own
 * while Spring starts, instead of on the main thread when the engine is built: the parse was a fifth of the main
 * thread's time to health UP (2.2 of 9.2 s in a profiled restart), and the second core is mostly idle during a start
 * (docs/performance.md "Production start").
 *
 * <p>Registered in {@code META-INF/spring.factories}; it starts the parse when the context refreshes (after every
 * initializer, so after the test's database properties too), for the engine's database type as the configuration
 * gives it: {@code camunda.bpm.database.type}, else the driver of {@code spring.datasource.url} (PostgreSQL and H2,
 * the databases the application supports), with the table prefix {@code camunda.bpm.database.table-prefix}. It does
 * nothing for another database. The engine takes the result only when its own database type and table prefix, known
 * once it has read the database's metadata, are the ones parsed for ({@link EngineConfiguration}); otherwise, or when
 * the parse failed, the engine parses its mappings itself, as it always did.
 */
public class EngineMappingsPreparse implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  /** Camunda's MyBatis configuration, as {@code ProcessEngineConfigurationImpl.getMyBatisXmlConfigurationSteam()}. */
  static final String MAPPINGS = "org/camunda/bpm/engine/impl/mapping/mappings.xml";

  /** The bean holding the parse of one context. */
  static final String BEAN = "engineMappingsPreparse";

  private static final Logger log = LoggerFactory.getLogger(EngineMappingsPreparse.class);

  /**
   * Adds the post-processor that starts the parse at the context's refresh and registers it as the bean
   * {@value #BEAN}; none when the database type cannot be told from the configuration.
   *
   * @param context the application context about to be refreshed
   */
  @Override
  public void initialize(ConfigurableApplicationContext context) {
    // a registry post-processor added here runs first in the refresh: before the configuration classes are read
    context.addBeanFactoryPostProcessor((BeanDefinitionRegistryPostProcessor) registry ->
        databaseType(context.getEnvironment()).ifPresent(type -> context.getBeanFactory().registerSingleton(BEAN,
            Mappings.start(type, context.getEnvironment().getProperty("camunda.bpm.database.table-prefix", ""),
                context.getClassLoader()))));
  }

  /**
   * @param environment the context's environment
   * @return Camunda's database type ({@code postgres}, {@code h2}) the engine will detect, when it can be told from
   *     the configuration
   */
  static Optional<String> databaseType(Environment environment) {
    String configured = environment.getProperty("camunda.bpm.database.type");
    if (configured != null && !configured.isBlank()) {
      return Optional.of(configured.trim());
    }
    String url = environment.getProperty("spring.datasource.url");
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    return switch (DatabaseDriver.fromJdbcUrl(url.trim())) {
      case POSTGRESQL -> Optional.of("postgres");
      case H2 -> Optional.of("h2");
      default -> Optional.empty();
    };
  }

  /**
   * Camunda's MyBatis configuration parsed as {@code ProcessEngineConfigurationImpl.initSqlSessionFactory()} parses
   * it (same resource, same properties), without its environment (data source, transactions) and statement
   * settings, which the engine adds.
   *
   * @param databaseType Camunda's database type, e.g. {@code postgres}
   * @param tablePrefix the engine's table prefix, usually empty
   * @return the parsed configuration
   * @throws Exception when the resource cannot be read or parsed
   */
  static Configuration parse(String databaseType, String tablePrefix) throws Exception {
    try (InputStream in = ReflectUtil.getResourceAsStream(MAPPINGS); Reader reader = new InputStreamReader(in)) {
      Properties properties = new Properties();
      properties.put("prefix", tablePrefix);
      ProcessEngineConfigurationImpl.initSqlSessionFactoryProperties(properties, tablePrefix, databaseType);
      return new XMLConfigBuilder(reader, "", properties).parse();
    }
  }

  /** The parse of one context, started at its refresh, taken at most once by the engine. */
  static final class Mappings {

    private final String databaseType;
    private final String tablePrefix;
    private FutureTask<Configuration> parse;

    private Mappings(String databaseType, String tablePrefix, FutureTask<Configuration> parse) {
      this.databaseType = databaseType;
      this.tablePrefix = tablePrefix;
      this.parse = parse;
    }

    static Mappings start(String databaseType, String tablePrefix, ClassLoader classLoader) {
      FutureTask<Configuration> parse = new FutureTask<>(() -> parse(databaseType, tablePrefix));
      Thread thread = new Thread(parse, "engine-mappings-parse");
      thread.setDaemon(true);
      thread.setContextClassLoader(classLoader);
      thread.start();
      return new Mappings(databaseType, tablePrefix, parse);
    }

    /**
     * Waits for the parse (at most a minute) and hands it over once.
     *
     * @param engineDatabaseType the database type the engine uses
     * @param engineTablePrefix the table prefix the engine uses
     * @return the parsed configuration; empty when it was parsed for another database type or prefix, failed, or
     *     was taken before
     */
    synchronized Optional<Configuration> take(String engineDatabaseType, String engineTablePrefix) {
      FutureTask<Configuration> taken = parse;
      parse = null;
      if (taken == null) {
        return Optional.empty();
      }
      String enginePrefix = engineTablePrefix == null ? "" : engineTablePrefix;
      if (!databaseType.equals(engineDatabaseType) || !tablePrefix.equals(enginePrefix)) {
        taken.cancel(true);
        log.info("Engine mappings were parsed for database type {} and table prefix '{}', the engine uses {} and '{}': "
            + "it parses them again", databaseType, tablePrefix, engineDatabaseType, enginePrefix);
        return Optional.empty();
      }
      try {
        return Optional.of(taken.get(1, TimeUnit.MINUTES));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      } catch (ExecutionException | TimeoutException e) {
        log.warn("Parsing the engine mappings at the start failed; the engine parses them itself: {}", e.toString());
        return Optional.empty();
      }
    }
  }
}
