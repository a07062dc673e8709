package io.partnerchannel.orchestrator.security;

import java.util.Map;
import java.util.Set;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNode;
import org.camunda.bpm.impl.juel.AstProperty;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;
import org.springframework.beans.factory.ListableBeanFactory;

/**
 * The JUEL expressions a model deployed by a non-administrator may contain ({@link DeploymentGuard}),
 * checked on the expression's syntax tree (the engine's own JUEL parser):
 * <ul>
 *   <li>literals, process variables (any name that is not a bean of the application), their properties
 *       (not {@code class}, {@code declaringClass}, {@code classLoader}, {@code module}), and the operators
 *       ({@code == != < > <= >= && || ! and or not empty ?: + - * / % div mod});</li>
 *   <li>{@code execution} and {@code task}: the properties {@link #CONTEXT_PROPERTIES} and the methods
 *       {@link #VARIABLE_METHODS};</li>
 *   <li>{@code decisionResult}: the methods {@link #DECISION_RESULT_METHODS} and the properties of their
 *       results;</li>
 *   <li>{@code 'text'.concat(...)} on a string literal (or on such a concatenation);</li>
 *   <li>Camunda's functions {@link #FUNCTIONS} as values.</li>
 * </ul>
 * Anything else is refused: method calls on other objects ({@code ''.getClass()}), beans as values, other
 * functions.
 */
class ExpressionAllowList {

  /** Methods of {@code execution} and {@code task}: reading and writing variables. */
  public static final Set<String> VARIABLE_METHODS = Set.of(
      "getVariable", "getVariableLocal", "setVariable", "setVariableLocal", "hasVariable", "hasVariableLocal",
      "removeVariable", "removeVariableLocal");
  /** Methods of {@code decisionResult} and of its results. */
  public static final Set<String> DECISION_RESULT_METHODS = Set.of(
      "getSingleResult", "getFirstResult", "getResultList", "getSingleEntry", "collectEntries", "getEntry");
  /** Properties of {@code execution} and {@code task}. */
  public static final Set<String> CONTEXT_PROPERTIES = Set.of(
      "id", "processInstanceId", "processBusinessKey", "businessKey", "processDefinitionId", "activityInstanceId",
      "currentActivityId", "currentActivityName", "eventName", "tenantId", "name", "assignee", "owner",
      "taskDefinitionKey", "dueDate", "followUpDate", "priority", "variables");
  /** Camunda's built-in functions. */
  public static final Set<String> FUNCTIONS = Set.of("now", "dateTime", "currentUser", "currentUserGroups");

  private static final Set<String> CONTEXT_OBJECTS = Set.of("execution", "task");
  private static final Set<String> REFLECTIVE_PROPERTIES = Set.of("class", "declaringClass", "classLoader", "module");
  private static final Map<String, Set<String>> METHODS_OF = Map.of(
      "execution", VARIABLE_METHODS, "task", VARIABLE_METHODS, "decisionResult", DECISION_RESULT_METHODS);

  private final ListableBeanFactory beans;

  /** @param beans the application's beans, which an expression may not use as values */
  public ExpressionAllowList(ListableBeanFactory beans) {
    this.beans = beans;
  }

  /**
   * @param expression a JUEL expression or a text with {@code ${...}} / {@code #{...}} parts
   * @return null when allowed, else what is not allowed, in words
   */
  public String problem(String expression) {
    try {
      return problem(new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS).build(expression).getRoot());
    } catch (TreeBuilderException e) {
      return "not a valid expression (" + e.getMessage() + ")";
    }
  }

  private String problem(Node node) {
    if (node instanceof AstMethod method) {
      return methodProblem(method);
    }
    if (node instanceof AstFunction function && !FUNCTIONS.contains(function.getName())) {
      return "the function " + function.getName() + "() is not allowed";
    }
    if (node instanceof AstIdentifier identifier) {
      return identifierProblem(identifier.getName());
    }
    if (node instanceof AstProperty property) {
      return propertyProblem(property);
    }
    return childrenProblem(node, 0);
  }

  private String childrenProblem(Node node, int from) {
    for (int i = from; i < node.getCardinality(); i++) {
      String problem = problem(node.getChild(i));
      if (problem != null) {
        return problem;
      }
    }
    return null;
  }

  private String identifierProblem(String name) {
    if (!CONTEXT_OBJECTS.contains(name) && !"decisionResult".equals(name) && beans.containsBean(name)) {
      return "the bean " + name + " may be named only as a delegate expression ${" + name + "}";
    }
    return null;
  }

  private String propertyProblem(AstProperty property) {
    AstNode base = property.getChild(0);
    String name = propertyName(property);
    if (name != null && REFLECTIVE_PROPERTIES.contains(name)) {
      return "the property " + name + " is not allowed";
    }
    if (base instanceof AstIdentifier identifier && CONTEXT_OBJECTS.contains(identifier.getName())) {
      if (name == null || !CONTEXT_PROPERTIES.contains(name)) {
        return identifier.getName() + "." + (name == null ? "[...]" : name) + " is not allowed";
      }
      return null;
    }
    return childrenProblem(property, 0);
  }

  private String methodProblem(AstMethod method) {
    AstProperty target = (AstProperty) method.getChild(0);
    String name = propertyName(target);
    AstNode receiver = target.getChild(0);
    boolean allowed;
    if (receiver instanceof AstIdentifier identifier && METHODS_OF.containsKey(identifier.getName())) {
      allowed = name != null && METHODS_OF.get(identifier.getName()).contains(name);
    } else if ("concat".equals(name)) {
      allowed = receiver instanceof AstString || receiver instanceof AstMethod inner && "concat".equals(propertyName((AstProperty) inner.getChild(0)));
    } else {
      allowed = name != null && DECISION_RESULT_METHODS.contains(name) && isDecisionResult(receiver);
    }
    if (!allowed) {
      return "the method call " + (name == null ? "[...]" : name) + "(...) is not allowed here";
    }
    String problem = receiver instanceof AstIdentifier ? null : problem(receiver);
    return problem != null ? problem : childrenProblem(method, 1);
  }

  private static boolean isDecisionResult(AstNode node) {
    if (node instanceof AstIdentifier identifier) {
      return "decisionResult".equals(identifier.getName());
    }
    return node instanceof AstMethod method && isDecisionResult(((AstProperty) method.getChild(0)).getChild(0));
  }

  /** @return the name of {@code a.name} or {@code a['name']}, null when the name is computed */
  private static String propertyName(AstProperty property) {
    if (property instanceof AstDot dot) {
      String text = dot.toString();
      return text.substring(text.lastIndexOf(' ') + 1);
    }
    if (property instanceof AstBracket bracket && bracket.getChild(1) instanceof AstString string) {
      return String.valueOf(string.eval(null, null));
    }
    return null;
  }
}
