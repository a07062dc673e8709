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
 */
public class ResellerTenantIdProvider implements TenantIdProvider {

  /** Process variable: the Partner Center tenant id of the indirect reseller an instance belongs to. */
  public static final String RESELLER_TENANT_ID = "resellerTenantId";

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
