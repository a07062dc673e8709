package io.partnerchannel.orchestrator.gdap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The analysts' role to security group mapping: decision {@code GdapAccessAssignment}
 * ({@code bpmn/GdapAccessAssignment.dmn}, latest deployed version; input {@code roleDefinitionId}, output
 * {@code securityGroupId}; {@code defaultSecurityGroupId} = {@code pco.gdap.security-group-id} for the table's
 * last row).
 */
@Component
class GdapAccessAssignmentTable {

  /** Decision id of {@code bpmn/GdapAccessAssignment.dmn}. */
  static final String DECISION_KEY = "GdapAccessAssignment";

  private final DecisionService decisionService;
  private final GdapProperties properties;

  /**
   * @param decisionService evaluates the table
   * @param properties {@code pco.gdap.security-group-id}
   */
  GdapAccessAssignmentTable(DecisionService decisionService, GdapProperties properties) {
    this.decisionService = decisionService;
    this.properties = properties;
  }

  /**
   * @param roleIds the relationship's Entra role definition ids
   * @return security group object id → the roles it receives, in the order of the roles; at least one entry
   * @throws IllegalStateException when no role is given or the table names no group for a role (no row and
   *     {@code pco.gdap.security-group-id} unset): the job fails and an incident says which role
   */
  Map<String, List<String>> rolesByGroup(List<String> roleIds) {
    if (roleIds.isEmpty()) {
      throw new IllegalStateException("The GDAP relationship names no role to assign");
    }
    Map<String, List<String>> byGroup = new LinkedHashMap<>();
    for (String role : roleIds) {
      String roleId = role.toLowerCase(Locale.ROOT);
      DmnDecisionRuleResult row = decisionService
          .evaluateDecisionTableByKey(DECISION_KEY, Variables.createVariables()
              .putValue("roleDefinitionId", roleId)
              .putValue("defaultSecurityGroupId", blankAsNull(properties.securityGroupId())))
          .getFirstResult();
      String group = row == null ? null : blankAsNull(row.<String>getEntry("securityGroupId"));
      if (group == null) {
        throw new IllegalStateException("No security group for role " + roleId + ": add a row to decision "
            + DECISION_KEY + " or set pco.gdap.security-group-id");
      }
      byGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(roleId);
    }
    return byGroup;
  }

  private static String blankAsNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
