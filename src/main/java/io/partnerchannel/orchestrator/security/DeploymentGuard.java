package io.partnerchannel.orchestrator.security;

import static io.partnerchannel.orchestrator.deployment.ModelXml.BPMN;
import static io.partnerchannel.orchestrator.deployment.ModelXml.CAMUNDA;

import io.partnerchannel.orchestrator.deployment.ModelXml;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.springframework.beans.factory.ListableBeanFactory;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Deploying a model does not mean running arbitrary Java (docs/security.md "Who may call what"). A deployer
 * that runs before the engine's own: a new deployment by an authenticated user who is not a Camunda admin
 * ({@code camunda-admin}) is refused, with {@link AuthorizationException} (REST: 403) naming the resource,
 * the element and the expression, when it holds
 * <ul>
 *   <li>a resource other than {@code .bpmn}, {@code .dmn} and Camunda Forms ({@code .form}): no embedded
 *       HTML forms, scripts or CMMN;</li>
 *   <li>a script task, a {@code camunda:script} (listener or input/output script), a connector, or a
 *       condition or expression in a language other than JUEL (DMN: other than FEEL or JUEL; BPMN's default
 *       {@code expressionLanguage} on {@code definitions}, which the engine ignores, passes);</li>
 *   <li>a {@code class} attribute naming anything but a delegate or listener of this application
 *       ({@code io.partnerchannel.orchestrator});</li>
 *   <li>a {@code delegateExpression} other than {@code ${beanName}} naming a {@code JavaDelegate},
 *       {@code ExecutionListener} or {@code TaskListener} bean of this application;</li>
 *   <li>any other expression (BPMN attributes and texts, DMN JUEL expressions) outside
 *       {@link ExpressionAllowList}.</li>
 * </ul>
 * The process application's own deployment at start runs without a user and is not checked; a Camunda
 * admin may deploy anything. DMN FEEL expressions are not checked: FEEL calls no Java methods, and
 * feel-scala's external Java functions are off unless configured
 * (https://camunda.github.io/feel-scala/docs/developer-guide/bootstrapping), which this application does not.
 */
class DeploymentGuard implements Deployer {

  static final String BPMN_DEFAULT_EXPRESSION_LANGUAGE = "http://www.w3.org/1999/XPath";
  static final String DMN_EXPRESSIONS = "inputExpression inputEntry outputEntry literalExpression";
  static final String APPLICATION_PACKAGE = "io.partnerchannel.orchestrator.";
  private static final Pattern BEAN_REFERENCE = Pattern.compile("\\s*[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}\\s*");
  private static final Set<String> FEEL_OR_JUEL = Set.of("", "feel", "juel",
      "https://www.omg.org/spec/dmn/20191111/feel/", "http://www.omg.org/spec/feel/20140401");
  private static final List<Class<?>> DELEGATE_TYPES = List.of(JavaDelegate.class, ExecutionListener.class, TaskListener.class);

  private final ListableBeanFactory beans;
  private final ExpressionAllowList expressions;

  /** @param beans the application's beans: the delegates and listeners a model may name */
  public DeploymentGuard(ListableBeanFactory beans) {
    this.beans = beans;
    this.expressions = new ExpressionAllowList(beans);
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    CommandContext context = Context.getCommandContext();
    if (!deployment.isNew() || context == null || isAdmin(context.getAuthentication())) {
      return;
    }
    for (Map.Entry<String, ResourceEntity> resource : deployment.getResources().entrySet()) {
      check(resource.getKey(), resource.getValue().getBytes());
    }
  }

  /**
   * Checks one resource as the deployment of a user who is not a Camunda admin.
   *
   * @param name the resource name, e.g. {@code ResellerRelationshipInvitation.bpmn}
   * @param bytes its content
   * @throws AuthorizationException naming the resource, element and expression that is not allowed
   */
  public void check(String name, byte[] bytes) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".form")) {
      return;
    }
    boolean bpmn = lower.endsWith(".bpmn") || lower.endsWith(".bpmn20.xml");
    boolean dmn = lower.endsWith(".dmn") || lower.endsWith(".dmn11.xml");
    if (!bpmn && !dmn) {
      throw refused(name, null, "only .bpmn, .dmn and .form resources may be deployed by non-administrators", null);
    }
    Element root = parse(name, bytes).getDocumentElement();
    if (bpmn) {
      checkBpmn(name, root, null);
    } else {
      checkDmn(name, root, root.getAttribute("expressionLanguage"), null);
    }
  }

  private void checkBpmn(String resource, Element element, String elementId) {
    String id = element.hasAttribute("id") ? element.getAttribute("id") : elementId;
    String local = element.getLocalName();
    String ns = element.getNamespaceURI();
    if (BPMN.equals(ns) && ("documentation".equals(local) || "text".equals(local))) {
      return;
    }
    if (BPMN.equals(ns) && "scriptTask".equals(local)) {
      throw refused(resource, id, "script tasks are not allowed", null);
    }
    if (CAMUNDA.equals(ns) && ("script".equals(local) || "connector".equals(local))) {
      throw refused(resource, id, "camunda:" + local + " is not allowed", null);
    }
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      checkAttribute(resource, id, element, (Attr) attributes.item(i));
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        checkBpmn(resource, childElement, id);
      } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        checkExpression(resource, id, child.getNodeValue());
      }
    }
  }

  private void checkAttribute(String resource, String id, Element element, Attr attribute) {
    String local = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
    boolean camunda = CAMUNDA.equals(attribute.getNamespaceURI())
        || attribute.getNamespaceURI() == null && CAMUNDA.equals(element.getNamespaceURI());
    String value = attribute.getValue();
    if ("language".equals(local) || "scriptFormat".equals(local)
        || "expressionLanguage".equals(local) && !"juel".equalsIgnoreCase(value.trim()) && !isBpmnDefault(element, value)) {
      throw refused(resource, id, "only JUEL expressions are allowed, not " + local + "=\"" + value + "\"", null);
    }
    if (camunda && local.toLowerCase(Locale.ROOT).endsWith("class")) {
      checkClass(resource, id, value);
    } else if (camunda && local.toLowerCase(Locale.ROOT).endsWith("delegateexpression")) {
      checkDelegateBean(resource, id, value);
    } else {
      checkExpression(resource, id, value);
    }
  }

  /**
   * BPMN's default {@code expressionLanguage} (XPath) on {@code definitions}, which model writers such as Camunda's
   * Model API add; Camunda's BPMN parser never reads the attribute (expressions without {@code language} are JUEL).
   */
  private static boolean isBpmnDefault(Element element, String value) {
    return BPMN.equals(element.getNamespaceURI()) && "definitions".equals(element.getLocalName())
        && BPMN_DEFAULT_EXPRESSION_LANGUAGE.equals(value.trim());
  }

  private void checkDmn(String resource, Element element, String language, String elementId) {
    String id = element.hasAttribute("id") ? element.getAttribute("id") : elementId;
    String effective = element.hasAttribute("expressionLanguage") ? element.getAttribute("expressionLanguage") : language;
    if (!FEEL_OR_JUEL.contains(effective.trim().toLowerCase(Locale.ROOT))) {
      throw refused(resource, id, "only FEEL and JUEL expressions are allowed, not expressionLanguage=\"" + effective + "\"", null);
    }
    if ("juel".equalsIgnoreCase(effective.trim()) && List.of(DMN_EXPRESSIONS.split(" ")).contains(element.getLocalName())) {
      String text = element.getTextContent().trim();
      if (!text.isEmpty()) {
        checkExpression(resource, id, text.contains("${") || text.contains("#{") ? text : "${" + text + "}");
      }
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        checkDmn(resource, childElement, effective, id);
      }
    }
  }

  private void checkExpression(String resource, String id, String text) {
    if (text == null || !(text.contains("${") || text.contains("#{"))) {
      return;
    }
    String problem = expressions.problem(text);
    if (problem != null) {
      throw refused(resource, id, problem, text.trim());
    }
  }

  private void checkClass(String resource, String id, String className) {
    String name = className.trim();
    if (name.isEmpty()) {
      return;
    }
    boolean delegate = false;
    if (name.startsWith(APPLICATION_PACKAGE)) {
      try {
        Class<?> type = Class.forName(name, false, DeploymentGuard.class.getClassLoader());
        delegate = DELEGATE_TYPES.stream().anyMatch(allowed -> allowed.isAssignableFrom(type));
      } catch (ClassNotFoundException | LinkageError e) {
        delegate = false;
      }
    }
    if (!delegate) {
      throw refused(resource, id, "a class must be a delegate or listener of " + APPLICATION_PACKAGE + "*", name);
    }
  }

  private void checkDelegateBean(String resource, String id, String expression) {
    Matcher matcher = BEAN_REFERENCE.matcher(expression);
    if (!matcher.matches() || !isApplicationDelegate(matcher.group(1))) {
      throw refused(resource, id,
          "a delegate expression must be ${beanName} naming a delegate or listener bean of this application", expression);
    }
  }

  private boolean isApplicationDelegate(String beanName) {
    if (!beans.containsBean(beanName)) {
      return false;
    }
    Class<?> type = beans.getType(beanName);
    return type != null && type.getName().startsWith(APPLICATION_PACKAGE)
        && DELEGATE_TYPES.stream().anyMatch(allowed -> allowed.isAssignableFrom(type));
  }

  private static boolean isAdmin(Authentication authentication) {
    if (authentication == null || authentication.getUserId() == null) {
      return true;
    }
    ProcessEngineConfigurationImpl configuration = Context.getProcessEngineConfiguration();
    List<String> adminGroups = configuration.getAdminGroups();
    List<String> adminUsers = configuration.getAdminUsers();
    return adminUsers != null && adminUsers.contains(authentication.getUserId())
        || adminGroups != null && authentication.getGroupIds() != null
            && authentication.getGroupIds().stream().anyMatch(adminGroups::contains);
  }

  private static Document parse(String name, byte[] bytes) {
    try {
      return ModelXml.parse(new ByteArrayInputStream(bytes));
    } catch (IOException | SAXException e) {
      throw refused(name, null, "not a well-formed XML document without DOCTYPE: " + e.getMessage(), null);
    }
  }

  private static AuthorizationException refused(String resource, String elementId, String reason, String expression) {
    return new AuthorizationException("Deployment refused: " + resource
        + (elementId == null ? "" : ", element " + elementId) + ": " + reason
        + (expression == null ? "" : ": " + expression)
        + " (only members of camunda-admin may deploy this)");
  }
}
