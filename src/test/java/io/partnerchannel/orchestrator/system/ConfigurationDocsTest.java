package io.partnerchannel.orchestrator.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * Every key of the application's typed configuration (the {@code @ConfigurationProperties} records under
 * {@code io.partnerchannel.orchestrator}, nested records included) has a row of its own in
 * {@code docs/configuration.md}, {@code | `pco.key` | default | meaning |}, and the row's default names the record's
 * {@code @DefaultValue}: a key added or a default changed in code cannot be missing from the page or wrong there.
 */
class ConfigurationDocsTest {

  private static final Pattern ROW = Pattern.compile("^\\| `(pco\\.[a-z0-9.-]+)` \\| ([^|]*) \\|", Pattern.MULTILINE);
  private static final String BASE_PACKAGE = "io.partnerchannel.orchestrator";

  @Test
  void everyConfigurationKeyHasARowNamingItsDefault() throws IOException, ReflectiveOperationException {
    Map<String, String> rows = new TreeMap<>();
    Matcher row = ROW.matcher(Files.readString(Path.of("docs/configuration.md")));
    while (row.find()) {
      rows.put(row.group(1), row.group(2));
    }
    Map<String, List<String>> keys = new TreeMap<>();
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
    for (BeanDefinition candidate : scanner.findCandidateComponents(BASE_PACKAGE)) {
      Class<?> type = Class.forName(candidate.getBeanClassName());
      ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
      collect(annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix(), type, keys);
    }
    assertThat(keys).as("keys of the configuration records").containsKey("pco.invitation.validity");

    List<String> wrong = new ArrayList<>();
    keys.forEach((key, defaults) -> {
      String cell = rows.get(key);
      if (cell == null) {
        wrong.add(key + ": no row");
      } else if (!defaults.stream().allMatch(cell::contains)) {
        wrong.add(key + ": the row's default is '" + cell.trim() + "', the record's " + defaults);
      }
    });
    assertThat(wrong).as("keys missing from docs/configuration.md or with another default there").isEmpty();
  }

  /**
   * One configuration style: {@code pco.*} keys are read through the records only, so no source names one in a
   * {@code ${...}} placeholder ({@code @Value}, {@code @Scheduled}) or looks one up by a literal name.
   */
  @Test
  void noSourceReadsAPcoKeyOutsideTheRecords() throws IOException {
    Pattern byName = Pattern.compile("\\$\\{pco\\.|@Value\\(\"[^\"]*pco\\.|getProperty\\(\"pco\\.");
    List<String> found = new ArrayList<>();
    try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
      for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
        String[] lines = Files.readString(source).split("\n");
        for (int line = 0; line < lines.length; line++) {
          if (byName.matcher(lines[line]).find()) {
            found.add(source + ":" + (line + 1) + ": " + lines[line].trim());
          }
        }
      }
    }
    assertThat(found).as("pco.* keys read outside a @ConfigurationProperties record").isEmpty();
  }

  /** Adds the keys of a configuration record: one per component, a nested record's components below its key. */
  private static void collect(String prefix, Class<?> type, Map<String, List<String>> keys)
      throws ReflectiveOperationException {
    assertThat(type.isRecord()).as(type + " is a record (one configuration style)").isTrue();
    RecordComponent[] components = type.getRecordComponents();
    Parameter[] parameters = type
        .getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new))
        .getParameters();
    for (int i = 0; i < components.length; i++) {
      String key = prefix + "." + kebab(components[i].getName());
      Class<?> componentType = components[i].getType();
      if (componentType.isRecord() && componentType.getName().startsWith(BASE_PACKAGE)) {
        collect(key, componentType, keys);
      } else {
        DefaultValue defaultValue = parameters[i].getAnnotation(DefaultValue.class);
        keys.put(key, defaultValue == null ? List.of() : List.of(defaultValue.value()));
      }
    }
  }

  private static String kebab(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
  }
}
