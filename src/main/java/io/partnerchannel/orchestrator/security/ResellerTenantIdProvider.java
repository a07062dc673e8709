package io.partnerchannel.orchestrator.security;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;

/**
 * Reseller isolation for the shared (tenant-less) process definitions: a process instance started with
 * the variable {@value #RESELLER_TENANT_ID} belongs to that indirect reseller's Camunda tenant, so its
 * tasks and history carry the tenant id and the engine's tenant check hides them from other resellers'
 * staff. A sub-process instance without the variable inherits the tenant of its calling instance; a
 * decision evaluated in a process instance gets that instance's tenant. Instances of the operating
 * partner itself (no variable) get no tenant.
 *
 * <p>An indirect provider's {@code IndirectResellerInvitation} is the provider's, not a reseller's (the
 * relationship belongs to the provider, R13/R15), and can move from one reseller to another when a decline
 * is reassigned; it therefore has no tenant, and the reseller's staff reach only the task offered to their
 * group ({@code reseller-<tenant id>}) through the engine's task grants. That process names its reseller
 * in {@code resellerTenantId}, which is deliberately not this variable.
 */
public class ResellerTenantIdProvider implements TenantIdProvider {

  /** Process variable: the Partner Center tenant id of the indirect reseller that owns an instance. */
  public static final String RESELLER_TENANT_ID = "owningResellerTenantId";

  @Override
  public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext ctx) {
    Object reseller = ctx.getVariables() == null ? null : ctx.getVariables().get(RESELLER_TENANT_ID);
    if (reseller instanceof String tenantId && !tenantId.isBlank()) {
      return tenantId.trim();
    }
    DelegateExecution superExecution = ctx.getSuperExecution();
    return superExecution == null ? null : superExecution.getTenantId();
  }

  @Override
  public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext ctx) {
    return ctx.getSuperExecution() == null ? null : ctx.getSuperExecution().getTenantId();
  }

  @Override
  public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext ctx) {
    return ctx.getExecution() == null ? null : ctx.getExecution().getTenantId();
  }
}
