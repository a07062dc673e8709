package io.partnerchannel.orchestrator.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the forms offer works: every form field that chooses the language of the customer's e-mails
 * ({@code customerLanguage}) offers exactly the languages the e-mails are written in (the bundles
 * {@code mail/messages*.properties}; the default bundle is English), and no form shows a regular expression as its
 * error (form-js says "Field must match pattern" with the raw expression) or a rule id to its user.
 */
class FormLanguagesTest {

  private static final Path FORMS = Path.of("forms");
  private static final Path MAIL = Path.of("src/main/resources/mail");
  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  void languageFieldsOfferExactlyTheLanguagesOfTheMailTemplates() throws IOException {
    Set<String> templates = new TreeSet<>(Set.of("en"));
    Pattern bundle = Pattern.compile("messages_([a-z]{2})\\.properties");
    try (Stream<Path> files = Files.list(MAIL)) {
      files.forEach(file -> {
        Matcher matcher = bundle.matcher(file.getFileName().toString());
        if (matcher.matches()) {
          templates.add(matcher.group(1));
        }
      });
    }
    assertThat(templates).contains("en", "it", "pt", "sv");

    List<String> checked = new ArrayList<>();
    for (Path form : forms()) {
      for (JsonNode field : fields(mapper.readTree(form.toFile()).path("components"))) {
        if ("customerLanguage".equals(field.path("key").asText()) && field.path("values").isArray()) {
          Set<String> offered = new TreeSet<>();
          field.path("values").forEach(value -> offered.add(value.path("value").asText()));
          assertThat(offered).as(form + " offers the mail languages").isEqualTo(templates);
          checked.add(form.getFileName().toString());
        }
      }
    }
    assertThat(checked).contains("Form_RequestResellerRelationship.form", "Form_RequestIndirectInvitation.form",
        "Form_ConfirmCustomerContact.form");
  }

  @Test
  void noFormShowsARegularExpressionOrARuleId() throws IOException {
    Pattern ruleId = Pattern.compile("\\bR\\d{1,2}[a-z]?\\b");
    for (Path form : forms()) {
      for (JsonNode field : fields(mapper.readTree(form.toFile()).path("components"))) {
        assertThat(field.path("validate").has("pattern")).as(form + " " + field.path("id").asText()).isFalse();
        for (String shown : List.of("label", "text", "description", "dateLabel")) {
          assertThat(field.path(shown).asText()).as(form + " " + field.path("id").asText()).doesNotContainPattern(ruleId);
        }
        field.path("values").forEach(value ->
            assertThat(value.path("label").asText()).as(form + " " + field.path("id").asText()).doesNotContainPattern(ruleId));
      }
    }
  }

  private static List<Path> forms() throws IOException {
    try (Stream<Path> files = Files.list(FORMS)) {
      return files.filter(file -> file.toString().endsWith(".form")).sorted().toList();
    }
  }

  /** Every component, those inside groups included. */
  private static List<JsonNode> fields(JsonNode components) {
    List<JsonNode> all = new ArrayList<>();
    components.forEach(component -> {
      all.add(component);
      all.addAll(fields(component.path("components")));
    });
    return all;
  }
}
