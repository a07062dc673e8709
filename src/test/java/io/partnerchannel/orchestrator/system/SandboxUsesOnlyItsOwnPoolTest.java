package io.partnerchannel.orchestrator.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.partnerchannel.orchestrator.partnercenter.sandbox.SandboxDataSourceConfiguration;
import io.partnerchannel.orchestrator.partnercenter.sandbox.SandboxDatabase;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.RegexPatternTypeFilter;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ClassUtils;

/**
 * The sandbox cannot starve for connections the job threads hold only if every database access of the sandbox
 * goes through its own pool: every {@code JdbcClient}, {@code TransactionTemplate}, {@code DataSource} or
 * transaction manager a sandbox class takes is {@link SandboxDatabase}-qualified, and every {@code @Transactional}
 * of the sandbox names {@link SandboxDatabase#TRANSACTION_MANAGER}.
 */
class SandboxUsesOnlyItsOwnPoolTest {

  private static final List<Class<?>> DATABASE_ACCESS = List.of(JdbcClient.class, JdbcOperations.class,
      TransactionTemplate.class, DataSource.class, PlatformTransactionManager.class);

  @Test
  void everySandboxDatabaseAccessIsQualifiedAndEveryTransactionNamesTheSandboxManager() throws Exception {
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
      @Override
      protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
        return true;
      }
    };
    scanner.addIncludeFilter(new RegexPatternTypeFilter(Pattern.compile(".*")));
    List<String> problems = new ArrayList<>();
    int classes = 0;
    for (BeanDefinition definition : scanner.findCandidateComponents(SandboxDatabase.class.getPackageName())) {
      Class<?> type = ClassUtils.forName(definition.getBeanClassName(), getClass().getClassLoader());
      if (type == SandboxDataSourceConfiguration.class) {
        continue;
      }
      classes++;
      for (Constructor<?> constructor : type.getDeclaredConstructors()) {
        for (Parameter parameter : constructor.getParameters()) {
          if (DATABASE_ACCESS.stream().anyMatch(access -> access.isAssignableFrom(parameter.getType()))
              && !parameter.isAnnotationPresent(SandboxDatabase.class)) {
            problems.add(type.getSimpleName() + " takes " + parameter.getType().getSimpleName() + " without @SandboxDatabase");
          }
        }
      }
      List<Transactional> transactions = new ArrayList<>();
      if (type.isAnnotationPresent(Transactional.class)) {
        transactions.add(type.getAnnotation(Transactional.class));
      }
      for (Method method : type.getDeclaredMethods()) {
        if (method.isAnnotationPresent(Transactional.class)) {
          transactions.add(method.getAnnotation(Transactional.class));
        }
      }
      for (Transactional transaction : transactions) {
        String manager = transaction.transactionManager().isEmpty() ? transaction.value() : transaction.transactionManager();
        if (!SandboxDatabase.TRANSACTION_MANAGER.equals(manager)) {
          problems.add(type.getSimpleName() + " has a @Transactional on the application's transaction manager");
        }
      }
    }
    assertThat(classes).isGreaterThan(10);
    assertThat(problems).isEmpty();
  }
}
