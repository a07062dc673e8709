package io.partnerchannel.orchestrator.security;

/**
 * A process whose user tasks reseller staff ({@code reseller-<tenant id>} groups) work on, published as a bean by
 * the feature that owns it: {@link PartnerRoleAuthorizations#grantResellerStaff} lets the staff read its definition
 * (its name in Tasklist); its instances stay hidden behind the tenant check and the task grants.
 *
 * @param processDefinitionKey the process definition's key
 */
public record ResellerStaffProcess(String processDefinitionKey) {}
