package io.partnerchannel.orchestrator.support;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.springframework.util.ReflectionUtils;

/**
 * Fills the fields of type {@link SandboxDriver} and {@link SentMails} of a test instance from the test's
 * application context (registered by {@link ProcessTest}; usable alone with {@code @ExtendWith} next to any
 * {@code @SpringBootTest}). The drivers are not beans, so using them never changes which cached context a
 * test gets.
 */
public class TestSupportExtension implements TestInstancePostProcessor {

  @Override
  public void postProcessTestInstance(Object testInstance, ExtensionContext context) {
    ApplicationContext application = SpringExtension.getApplicationContext(context);
    fill(testInstance, SandboxDriver.class, SandboxDriver::new, application);
    fill(testInstance, SentMails.class, SentMails::new, application);
  }

  private static <T> void fill(Object testInstance, Class<T> type, Function<ApplicationContext, T> factory,
      ApplicationContext application) {
    T[] created = newArray(type);
    ReflectionUtils.doWithFields(testInstance.getClass(), field -> {
      if (created[0] == null) {
        created[0] = factory.apply(application);
      }
      ReflectionUtils.makeAccessible(field);
      field.set(testInstance, created[0]);
    }, field -> field.getType() == type && !Modifier.isStatic(field.getModifiers()) && isUnset(field, testInstance));
  }

  private static boolean isUnset(Field field, Object testInstance) {
    ReflectionUtils.makeAccessible(field);
    return ReflectionUtils.getField(field, testInstance) == null;
  }

  @SuppressWarnings("unchecked")
  private static <T> T[] newArray(Class<T> type) {
    return (T[]) java.lang.reflect.Array.newInstance(type, 1);
  }
}
