package io.partnerchannel.orchestrator.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;
import org.apache.ibatis.builder.StaticSqlSource;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.scripting.defaults.RawSqlSource;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * {@link EngineMappingsPreparse}: the engine of a started application uses the mappings parsed while Spring started
 * (on H2 and, with {@code -Dpco.test.database=postgres}, on PostgreSQL), and that parse is the engine's own: the
 * same statements with the same SQL, for each database type and table prefix.
 */
@SpringBootTest
@ActiveProfiles("test")
@MockitoBean(types = PartnerCenter.class)
class EngineMappingsPreparseTest {

  @Autowired ProcessEngineConfigurationImpl engineConfiguration;
  @Autowired DataSource dataSource;

  @Test
  void theStartedEngineUsesTheMappingsParsedWhileSpringStarted() {
    assertThat(engineConfiguration).isInstanceOf(EngineConfiguration.PreparsedMappingsConfiguration.class);
    assertThat(((EngineConfiguration.PreparsedMappingsConfiguration) engineConfiguration).usesPreparsedMappings())
        .isTrue();
    assertThat(engineConfiguration.getSqlSessionFactory().getConfiguration().getEnvironment().getDataSource())
        .isSameAs(engineConfiguration.getDataSource());
  }

  @Test
  void theStartedEngineKeepsNoSqlFragmentsWithTheirXml() throws Exception {
    // the parse keeps each <sql> fragment as a DOM node (hundreds, the DOM of every mapping file behind them)
    assertThat(EngineMappingsPreparse.parse("h2", "").getSqlFragments()).hasSizeGreaterThan(100);
    assertThat(engineConfiguration.getSqlSessionFactory().getConfiguration().getSqlFragments()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"h2, ''", "postgres, ''", "postgres, ENGINE."})
  void theParseIsTheEnginesOwn(String databaseType, String tablePrefix) throws Exception {
    Configuration preparsed = EngineMappingsPreparse.parse(databaseType, tablePrefix);
    Configuration own = OwnParse.of(databaseType, tablePrefix, dataSource);

    assertThat(preparsed.getVariables()).isEqualTo(own.getVariables());
    assertThat(preparsed.getResultMapNames()).isEqualTo(own.getResultMapNames());
    assertThat(new HashSet<>(preparsed.getMappedStatementNames()))
        .isEqualTo(new HashSet<>(own.getMappedStatementNames()))
        .hasSizeGreaterThan(500);
    int staticStatements = 0;
    for (String name : new HashSet<>(own.getMappedStatementNames())) {
      MappedStatement expected = own.getMappedStatement(name);
      MappedStatement actual = preparsed.getMappedStatement(name);
      assertThat(actual.getSqlSource().getClass()).as(name).isEqualTo(expected.getSqlSource().getClass());
      assertThat(actual.getSqlCommandType()).as(name).isEqualTo(expected.getSqlCommandType());
      if (expected.getSqlSource() instanceof RawSqlSource || expected.getSqlSource() instanceof StaticSqlSource) {
        assertThat(actual.getBoundSql(null).getSql()).as(name).isEqualTo(expected.getBoundSql(null).getSql());
        staticStatements++;
      }
    }
    assertThat(staticStatements).isGreaterThan(50);
  }

  @Test
  void theDatabaseTypeAndPrefixChangeTheParsedSql() throws Exception {
    Set<String> h2 = staticSql(EngineMappingsPreparse.parse("h2", ""));
    Set<String> postgres = staticSql(EngineMappingsPreparse.parse("postgres", ""));
    Set<String> prefixed = staticSql(EngineMappingsPreparse.parse("postgres", "ENGINE."));

    assertThat(h2).isNotEqualTo(postgres);
    assertThat(prefixed)
        .anyMatch(sql -> sql.contains("ENGINE.ACT_RU_JOB"))
        .noneMatch(sql -> sql.contains(" ACT_RU_JOB"));
  }

  @Test
  void theDatabaseTypeComesFromCamundasPropertyOrTheJdbcUrl() {
    assertThat(EngineMappingsPreparse.databaseType(new MockEnvironment()
        .withProperty("spring.datasource.url", "jdbc:postgresql://db:5432/pco"))).contains("postgres");
    assertThat(EngineMappingsPreparse.databaseType(new MockEnvironment()
        .withProperty("spring.datasource.url", "jdbc:h2:file:./data/orchestrator;AUTO_SERVER=TRUE"))).contains("h2");
    assertThat(EngineMappingsPreparse.databaseType(new MockEnvironment()
        .withProperty("spring.datasource.url", "jdbc:h2:mem:x").withProperty("camunda.bpm.database.type", "postgres")))
        .contains("postgres");
    assertThat(EngineMappingsPreparse.databaseType(new MockEnvironment()
        .withProperty("spring.datasource.url", "jdbc:sqlserver://db;databaseName=pco"))).isEmpty();
    assertThat(EngineMappingsPreparse.databaseType(new MockEnvironment())).isEmpty();
  }

  @Test
  void aParseForAnotherDatabaseTypeIsNotTakenAndNoneIsTakenTwice() {
    EngineMappingsPreparse.Mappings mappings =
        EngineMappingsPreparse.Mappings.start("h2", "", getClass().getClassLoader());
    assertThat(mappings.take("postgres", "")).isEmpty();
    assertThat(mappings.take("h2", "")).isEmpty();

    EngineMappingsPreparse.Mappings again =
        EngineMappingsPreparse.Mappings.start("h2", "", getClass().getClassLoader());
    assertThat(again.take("h2", "ENGINE.")).isEmpty();

    EngineMappingsPreparse.Mappings fitting =
        EngineMappingsPreparse.Mappings.start("h2", "", getClass().getClassLoader());
    assertThat(fitting.take("h2", null)).isPresent();
    assertThat(fitting.take("h2", null)).isEmpty();
  }

  private static Set<String> staticSql(Configuration configuration) {
    Set<String> sql = new HashSet<>();
    for (MappedStatement statement : configuration.getMappedStatements()) {
      if (statement.getSqlSource() instanceof RawSqlSource) {
        sql.add(statement.getBoundSql(null).getSql());
      }
    }
    return sql;
  }

  /** The engine's own parse: {@code ProcessEngineConfigurationImpl.initSqlSessionFactory()}. */
  private static final class OwnParse extends SpringProcessEngineConfiguration {

    static Configuration of(String databaseType, String tablePrefix, DataSource dataSource) {
      OwnParse configuration = new OwnParse();
      configuration.databaseType = databaseType;
      configuration.databaseTablePrefix = tablePrefix;
      configuration.dataSource = dataSource;
      configuration.transactionFactory = new JdbcTransactionFactory();
      configuration.initSqlSessionFactory();
      return configuration.getSqlSessionFactory().getConfiguration();
    }
  }
}
