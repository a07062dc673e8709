package io.partnerchannel.orchestrator.deployment;

import static io.partnerchannel.orchestrator.deployment.ModelXml.BPMN;
import static io.partnerchannel.orchestrator.deployment.ModelXml.CAMUNDA;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Refuses a deployment whose BPMN names a decision, form or called process that exists neither in the
 * deployment nor among the deployed definitions, so a model deployed alone from Camunda Modeler cannot leave a
 * process that stops at its first business rule task, form or call activity (docs/analysts.md). A deployer
 * that runs before the engine's own, for every new deployment (the application's process archive included):
 * each constant {@code camunda:decisionRef}, {@code camunda:formRef} and {@code calledElement} must be a
 * decision id of a {@code .dmn}, a form {@code id} of a {@code .form} or a process id of a {@code .bpmn} in the
 * deployment, or, unless its binding is {@code deployment}, the key of a deployed definition. Expressions
 * ({@code ${...}}) are resolved only at run time and are not checked.
 *
 * <p>Refused with Camunda's {@link ParseException} (REST: 400 with {@code message}, which Modeler shows, and
 * the elements per resource in {@code details}); nothing is deployed.
 */
class ModelReferences implements Deployer {

  private static final String[] DMN_NAMESPACES = {
    "https://www.omg.org/spec/DMN/20191111/MODEL/", "http://www.omg.org/spec/DMN/20180521/MODEL/",
    "http://www.omg.org/spec/DMN/20151101/dmn.xsd"
  };

  private final ObjectMapper mapper = new ObjectMapper();

  @Override
  public void deploy(DeploymentEntity deployment) {
    CommandContext context = Context.getCommandContext();
    if (!deployment.isNew() || context == null) {
      return;
    }
    Set<String> decisions = new HashSet<>();
    Set<String> forms = new HashSet<>();
    Set<String> processes = new HashSet<>();
    List<Document> models = new ArrayList<>();
    List<String> modelNames = new ArrayList<>();
    for (ResourceEntity resource : deployment.getResources().values()) {
      String name = resource.getName().toLowerCase(Locale.ROOT);
      if (name.endsWith(".form")) {
        formId(resource).ifPresent(forms::add);
      } else if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
        Document dmn = parse(resource);
        if (dmn != null) {
          for (String namespace : DMN_NAMESPACES) {
            ids(dmn.getElementsByTagNameNS(namespace, "decision"), decisions);
          }
        }
      } else if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
        Document bpmn = parse(resource);
        if (bpmn != null) {
          NodeList declared = bpmn.getElementsByTagNameNS(BPMN, "process");
          for (int i = 0; i < declared.getLength(); i++) {
            Element process = (Element) declared.item(i);
            if (!"false".equals(process.getAttribute("isExecutable"))) {
              processes.add(process.getAttribute("id"));
            }
          }
          models.add(bpmn);
          modelNames.add(resource.getName());
        }
      }
    }
    List<Problem> problems = new ArrayList<>();
    String firstResource = null;
    for (int i = 0; i < models.size(); i++) {
      int before = problems.size();
      check(models.get(i).getDocumentElement(), context, decisions, forms, processes, problems);
      if (problems.size() > before && firstResource == null) {
        firstResource = modelNames.get(i);
      }
    }
    if (!problems.isEmpty()) {
      throw new ParseException("Deployment refused: " + firstResource + ": " + problems.get(0).getMessage()
          + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""), firstResource, problems, List.of());
    }
  }

  private void check(Element element, CommandContext context, Set<String> decisions, Set<String> forms,
      Set<String> processes, List<Problem> problems) {
    if (BPMN.equals(element.getNamespaceURI())) {
      String id = element.getAttribute("id");
      String decision = element.getAttributeNS(CAMUNDA, "decisionRef");
      if (isConstant(decision) && !decisions.contains(decision)
          && (bindsToDeployment(element, "decisionRefBinding")
              || context.getDecisionDefinitionManager().findLatestDecisionDefinitionByKey(decision) == null)) {
        problems.add(new MissingReference(id, "decision", decision));
      }
      String form = element.getAttributeNS(CAMUNDA, "formRef");
      if (isConstant(form) && !forms.contains(form)
          && (bindsToDeployment(element, "formRefBinding")
              || context.getCamundaFormDefinitionManager().findLatestDefinitionByKey(form) == null)) {
        problems.add(new MissingReference(id, "form", form));
      }
      String called = "callActivity".equals(element.getLocalName()) ? element.getAttribute("calledElement") : "";
      if (isConstant(called) && !processes.contains(called)
          && (bindsToDeployment(element, "calledElementBinding")
              || context.getProcessDefinitionManager().findLatestProcessDefinitionByKey(called) == null)) {
        problems.add(new MissingReference(id, "process", called));
      }
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        check(childElement, context, decisions, forms, processes, problems);
      }
    }
  }

  private static boolean isConstant(String reference) {
    return reference != null && !reference.isBlank() && !reference.contains("${") && !reference.contains("#{");
  }

  private static boolean bindsToDeployment(Element element, String bindingAttribute) {
    return "deployment".equals(element.getAttributeNS(CAMUNDA, bindingAttribute).trim());
  }

  private static void ids(NodeList elements, Set<String> into) {
    for (int i = 0; i < elements.getLength(); i++) {
      into.add(((Element) elements.item(i)).getAttribute("id"));
    }
  }

  private Optional<String> formId(ResourceEntity resource) {
    try {
      JsonNode id = mapper.readTree(resource.getBytes()).path("id");
      return id.isTextual() && !id.asText().isBlank() ? Optional.of(id.asText()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty(); // forms.DeployedFormFields refuses a form that is no Camunda Form
    }
  }

  /** @return the document, or null when it is no XML (the engine's own parser then reports it) */
  private static Document parse(ResourceEntity resource) {
    try {
      return ModelXml.parse(new ByteArrayInputStream(resource.getBytes()));
    } catch (IOException | SAXException e) {
      return null;
    }
  }

  /** A reference that resolves to nothing: names the element, what it refers to and how to fix it. */
  record MissingReference(String elementId, String kind, String key) implements Problem {

    @Override
    public String getMessage() {
      return "element " + elementId + " refers to the " + kind + " '" + key + "', which is neither in this deployment"
          + " nor deployed; deploy the " + kind + " first";
    }

    @Override
    public int getLine() {
      return -1;
    }

    @Override
    public int getColumn() {
      return -1;
    }

    @Override
    public String getMainElementId() {
      return elementId;
    }

    @Override
    public List<String> getElementIds() {
      return List.of(elementId);
    }
  }
}
