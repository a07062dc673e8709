package io.partnerchannel.orchestrator.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.Test;

/** What a Camunda Form lets its user set ({@link FormFields}), and when a submitted value repeats the current one. */
class FormFieldsTest {

  final ObjectMapper mapper = new ObjectMapper();

  FormFields parse(String json) {
    return FormFields.parse(json.getBytes(StandardCharsets.UTF_8), mapper);
  }

  @Test
  void theForwardFormLetsTheResellerDecideAndShowsTheRest() throws Exception {
    FormFields forward = FormFields.parse(Files.readAllBytes(Path.of("forms/Form_ForwardInvitation.form")), mapper);

    assertThat(forward.editable()).containsExactly("forwardDecision", "declineReason");
    assertThat(forward.readOnly()).containsExactly("companyName", "customerDomain", "customerCountry", "globalAdminEmail",
        "partnerName", "invitationUrl", "message");
  }

  @Test
  void readsReadonlyExpressionsGroupsWithPathsAndDottedKeys() {
    FormFields fields = parse("""
        {"components": [
          {"type": "text", "text": "Intro"},
          {"type": "textfield", "key": "name"},
          {"type": "textfield", "key": "shown", "readonly": "=locked"},
          {"type": "textfield", "key": "open", "readonly": false, "disabled": false},
          {"type": "group", "path": "address", "components": [{"type": "textfield", "key": "street"}]},
          {"type": "group", "components": [{"type": "number", "key": "quantity", "disabled": true}]},
          {"type": "textfield", "key": "contact.email"},
          {"type": "button", "action": "submit"}
        ]}""");

    assertThat(fields.editable()).containsExactly("name", "open", "address", "contact");
    assertThat(fields.readOnly()).containsExactly("shown", "quantity");
  }

  @Test
  void refusesADocumentThatIsNoForm() {
    assertThatThrownBy(() -> parse("{\"id\": \"x\"}")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no components");
    assertThatThrownBy(() -> parse("{not json")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aSubmittedValueRepeatsTheCurrentOneWhenEqualAsValue() {
    assertThat(FormVariablesInterceptor.sameValue("Adatum", "Adatum")).isTrue();
    assertThat(FormVariablesInterceptor.sameValue("Adatum ", "Adatum")).isFalse();
    assertThat(FormVariablesInterceptor.sameValue(3, 3L)).isTrue();
    assertThat(FormVariablesInterceptor.sameValue(3.0, 3)).isTrue();
    assertThat(FormVariablesInterceptor.sameValue(3.5, 3)).isFalse();
    assertThat(FormVariablesInterceptor.sameValue("2027-01-05T06:18:15.190Z", Date.from(Instant.parse("2027-01-05T06:18:15.190Z"))))
        .isTrue();
    assertThat(FormVariablesInterceptor.sameValue("2027-01-06T06:18:15Z", Date.from(Instant.parse("2027-01-05T06:18:15Z"))))
        .isFalse();
    assertThat(FormVariablesInterceptor.sameValue(null, "x")).isFalse();
    assertThat(FormVariablesInterceptor.sameValue("3", 3)).as("left out, so its type cannot change").isTrue();
  }
}
