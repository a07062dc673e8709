package io.partnerchannel.orchestrator.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Runs the whole test suite on a real PostgreSQL when the system property {@code pco.test.database} is
 * {@code postgres} (Maven's {@code postgres} Surefire execution sets it): one zonky embedded PostgreSQL per
 * JVM and a fresh database per Spring application context, so cached contexts never share engine tables.
 * Without the property the tests keep the in-memory H2 of the {@code test} profile.
 *
 * <p>As a JUnit {@link LauncherSessionListener} (registered in {@code META-INF/services}) it closes, when the test
 * run ends and before Surefire exits the JVM, the application contexts it gave a database (newest first), then
 * PostgreSQL. Otherwise zonky's shutdown hook stops PostgreSQL while Spring's hooks still close engines that
 * wait for connections, and Surefire kills the fork 30 s after {@code System.exit}.
 */
public class EmbeddedPostgresInitializer
    implements ApplicationContextInitializer<ConfigurableApplicationContext>, LauncherSessionListener {

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static final Deque<ConfigurableApplicationContext> CONTEXTS = new ArrayDeque<>();
  private static EmbeddedPostgres postgres;

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    if (!"postgres".equals(System.getProperty("pco.test.database"))) {
      return;
    }
    // A test that restarts the application names its database (pco.test.database-name): the same one each time.
    String named = context.getEnvironment().getProperty("pco.test.database-name");
    String database = named != null ? named : "pco_test_" + DATABASES.incrementAndGet();
    EmbeddedPostgres server = server();
    synchronized (CONTEXTS) {
      CONTEXTS.push(context);
    }
    try (Connection connection = server.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      boolean exists;
      try (var found = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
        exists = found.next();
      }
      if (!exists) {
        statement.execute("CREATE DATABASE " + database);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create test database " + database, e);
    }
    context
        .getEnvironment()
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                "embeddedPostgres",
                Map.of(
                    "spring.datasource.url", server.getJdbcUrl("postgres", database),
                    "spring.datasource.username", "postgres",
                    "spring.datasource.password", "postgres",
                    "spring.datasource.driver-class-name", "org.postgresql.Driver",
                    // zonky stops PostgreSQL in its own shutdown hook, possibly before Spring closes the
                    // engine: fail those last connection attempts within a second instead of waiting 30 s each.
                    "spring.datasource.hikari.connection-timeout", "1000")));
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    synchronized (CONTEXTS) {
      while (!CONTEXTS.isEmpty()) {
        CONTEXTS.pop().close();
      }
    }
    synchronized (EmbeddedPostgresInitializer.class) {
      if (postgres != null) {
        try {
          postgres.close();
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot stop embedded PostgreSQL", e);
        }
        postgres = null;
      }
    }
  }

  private static synchronized EmbeddedPostgres server() {
    if (postgres == null) {
      try {
        postgres = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
      }
    }
    return postgres;
  }
}
