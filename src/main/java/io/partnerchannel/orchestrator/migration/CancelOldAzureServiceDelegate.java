package io.partnerchannel.orchestrator.migration;

import static io.partnerchannel.orchestrator.migration.MigrationVariables.CANCELLATION_REASON;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.CUSTOMER_TENANT_ID;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.OLD_SUBSCRIPTION_ID;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.SERVICE_TO_CANCEL;

import io.partnerchannel.orchestrator.partnercenter.AzureEntitlement;
import io.partnerchannel.orchestrator.partnercenter.MultiPartnerGuardException;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Cancel old Azure service", once per chosen service (multi-instance): one Partner Center call cancels one
 * Azure subscription of the old subscription ({@code POST .../azureEntitlements/{id}/cancel}, A13, R28).
 * Idempotent: a service already cancelled is not cancelled again. The multi-partner guard refuses when the
 * old subscription turns out to be another partner's (R7): a BPMN error, not a retry.
 */
@Component("cancelOldAzureService")
public class CancelOldAzureServiceDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(CancelOldAzureServiceDelegate.class);

  private final PartnerCenter partnerCenter;

  /** @param partnerCenter the Partner Center port */
  public CancelOldAzureServiceDelegate(PartnerCenter partnerCenter) {
    this.partnerCenter = partnerCenter;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String customerTenantId = (String) execution.getVariable(CUSTOMER_TENANT_ID);
    String oldSubscriptionId = (String) execution.getVariable(OLD_SUBSCRIPTION_ID);
    String service = (String) execution.getVariable(SERVICE_TO_CANCEL);
    Optional<AzureEntitlement> current = partnerCenter.getAzureEntitlements(customerTenantId, oldSubscriptionId).stream()
        .filter(azure -> azure.id().equalsIgnoreCase(service))
        .findFirst();
    if (current.isPresent() && !current.get().isActive()) {
      log.info("Migration {}: Azure service {} is already {}", execution.getProcessInstanceId(), service,
          current.get().status());
      return;
    }
    try {
      partnerCenter.cancelAzureEntitlement(customerTenantId, oldSubscriptionId, service,
          (String) execution.getVariable(CANCELLATION_REASON));
    } catch (MultiPartnerGuardException refusal) {
      throw MultiPartnerGuardErrors.refused(execution, refusal);
    }
    log.info("Migration {}: Azure service {} of {} cancelled", execution.getProcessInstanceId(), service,
        oldSubscriptionId);
  }
}
