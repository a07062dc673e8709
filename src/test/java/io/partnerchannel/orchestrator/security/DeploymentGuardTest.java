package io.partnerchannel.orchestrator.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.dmn.Dmn;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * What a deployer other than {@code camunda-admin} may deploy ({@link DeploymentGuard}): every model and
 * decision of {@code bpmn/} passes, so analysts can deploy edited copies of them; scripts, foreign classes,
 * beans as values and method calls outside the allow-list are refused, naming element and expression.
 */
@Tag("security")
@SpringBootTest
@ActiveProfiles("test")
class DeploymentGuardTest {

  @Autowired ListableBeanFactory beans;

  static Stream<Path> applicationModels() throws IOException {
    List<Path> files;
    try (Stream<Path> listed = Files.list(Path.of("bpmn"))) {
      files = listed.filter(file -> file.toString().endsWith(".bpmn") || file.toString().endsWith(".dmn")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(9);
    return files.stream();
  }

  @ParameterizedTest
  @MethodSource("applicationModels")
  void theApplicationsOwnModelsPass(Path file) throws IOException {
    byte[] model = Files.readAllBytes(file);
    assertThatCode(() -> new DeploymentGuard(beans).check(file.getFileName().toString(), model)).doesNotThrowAnyException();
  }

  /** An analyst's copy written by another tool: Camunda's Model API adds BPMN's default attributes to definitions. */
  @ParameterizedTest
  @MethodSource("applicationModels")
  void theApplicationsOwnModelsPassAsCamundasModelApiWritesThem(Path file) {
    String name = file.getFileName().toString();
    String written = name.endsWith(".bpmn") ? Bpmn.convertToString(Bpmn.readModelFromFile(file.toFile()))
        : Dmn.convertToString(Dmn.readModelFromFile(file.toFile()));
    if (name.endsWith(".bpmn")) {
      assertThat(written).contains("expressionLanguage=\"" + DeploymentGuard.BPMN_DEFAULT_EXPRESSION_LANGUAGE + "\"");
    }
    assertThatCode(() -> new DeploymentGuard(beans).check(name, written.getBytes(StandardCharsets.UTF_8)))
        .doesNotThrowAnyException();
  }

  @Test
  void aFormPassesButOtherResourcesAreForAdministrators() {
    DeploymentGuard guard = new DeploymentGuard(beans);
    assertThatCode(() -> guard.check("start.form", "{}".getBytes(StandardCharsets.UTF_8))).doesNotThrowAnyException();
    assertThatThrownBy(() -> guard.check("form.html", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(AuthorizationException.class).hasMessageContaining("form.html");
  }

  @Test
  void scriptsClassesBeansAndMethodCallsAreRefusedNamingElementAndExpression() {
    assertRefused("<bpmn:scriptTask id=\"Task_Script\" scriptFormat=\"groovy\"><bpmn:script>1</bpmn:script></bpmn:scriptTask>",
        "Task_Script", "script");
    assertRefused("<bpmn:serviceTask id=\"Task_Class\" camunda:class=\"org.example.Evil\" />", "Task_Class", "org.example.Evil");
    assertRefused("<bpmn:serviceTask id=\"Task_Bean\" camunda:delegateExpression=\"${dataSource}\" />",
        "Task_Bean", "${dataSource}");
    assertRefused("<bpmn:serviceTask id=\"Task_BeanValue\" camunda:expression=\"${dataSource.connection}\" />",
        "Task_BeanValue", "dataSource");
    assertRefused("<bpmn:serviceTask id=\"Task_Method\" camunda:expression=\"${customer.getClass()}\" />",
        "Task_Method", "getClass");
    assertRefused("<bpmn:serviceTask id=\"Task_Property\" camunda:expression=\"${customer['class'].name}\" />",
        "Task_Property", "class");
    assertRefused("<bpmn:serviceTask id=\"Task_Engine\" camunda:expression=\"${execution.processEngineServices}\" />",
        "Task_Engine", "processEngineServices");
    assertRefused("<bpmn:subProcess id=\"SubProcess_XPath\" expressionLanguage=\"http://www.w3.org/1999/XPath\" />",
        "SubProcess_XPath", "expressionLanguage");
    assertRefused("<bpmn:userTask id=\"Task_Listener\"><bpmn:extensionElements><camunda:taskListener event=\"create\" "
        + "class=\"java.lang.Runtime\" /></bpmn:extensionElements></bpmn:userTask>", "Task_Listener", "java.lang.Runtime");
  }

  @Test
  void dmnJuelExpressionsAreCheckedAndScriptLanguagesRefused() {
    DeploymentGuard guard = new DeploymentGuard(beans);
    assertThatCode(() -> guard.check("Feel.dmn", decision("", "\"IT\"", "amount > 5")))
        .doesNotThrowAnyException();
    assertThatCode(() -> guard.check("Juel.dmn", decision(" expressionLanguage=\"juel\"", "cellInput == 'IT'", "amount > 5")))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> guard.check("Juel.dmn",
        decision(" expressionLanguage=\"juel\"", "cellInput.getClass().forName('java.lang.Runtime') != null", "amount")))
        .isInstanceOf(AuthorizationException.class).hasMessageContaining("InputEntry_1").hasMessageContaining("getClass");
    assertThatThrownBy(() -> guard.check("Script.dmn", decision(" expressionLanguage=\"javascript\"", "true", "amount")))
        .isInstanceOf(AuthorizationException.class).hasMessageContaining("javascript");
  }

  static byte[] decision(String language, String inputEntry, String inputExpression) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_1" name="d" namespace="t"%s>
          <decision id="Decision_1" name="Decision">
            <decisionTable id="DecisionTable_1">
              <input id="Input_1"><inputExpression id="InputExpression_1" typeRef="string"><text>%s</text></inputExpression></input>
              <output id="Output_1" name="ok" typeRef="boolean" />
              <rule id="Rule_1">
                <inputEntry id="InputEntry_1"><text>%s</text></inputEntry>
                <outputEntry id="OutputEntry_1"><text>true</text></outputEntry>
              </rule>
            </decisionTable>
          </decision>
        </definitions>
        """.formatted(language, inputExpression.replace(">", "&gt;"), inputEntry.replace(">", "&gt;"))
        .getBytes(StandardCharsets.UTF_8);
  }

  void assertRefused(String element, String elementId, String named) {
    String model = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" \
        xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_1" targetNamespace="t">
          <bpmn:process id="Refused" isExecutable="true">%s</bpmn:process>
        </bpmn:definitions>
        """.formatted(element);
    assertThatThrownBy(() -> new DeploymentGuard(beans).check("Refused.bpmn", model.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(AuthorizationException.class)
        .hasMessageContaining("Refused.bpmn")
        .hasMessageContaining(elementId)
        .hasMessageContaining(named);
  }
}
