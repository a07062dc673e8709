package io.partnerchannel.orchestrator.removal;

import io.partnerchannel.orchestrator.invitation.InvitationConstraints;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A request to end the reseller relationship with a customer: the body of {@code POST /api/relationship-removals}
 * and, under the same names, the start variables of {@code ResellerRelationshipRemoval} (start form in Tasklist).
 *
 * @param customerTenantId the customer's tenant id (GUID), as Partner Center's customer list shows it
 * @param reason why the partner ends the relationship, optional, ≤ 500 characters
 */
record RelationshipRemovalRequest(
    @NotBlank @Pattern(regexp = InvitationConstraints.GUID_PATTERN, message = "must be a tenant id (GUID)")
        String customerTenantId,
    @Size(max = 500) String reason) {

  /** @return the start variables, the tenant id in lower case and a blank reason as null */
  Map<String, Object> toVariables() {
    Map<String, Object> variables = new HashMap<>();
    variables.put(RemovalVariables.CUSTOMER_TENANT_ID.getName(), customerTenantId.trim().toLowerCase(Locale.ROOT));
    variables.put(RemovalVariables.REASON.getName(), reason == null || reason.isBlank() ? null : reason.trim());
    return variables;
  }
}
