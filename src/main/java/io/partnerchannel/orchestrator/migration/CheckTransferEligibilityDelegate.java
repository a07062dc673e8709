package io.partnerchannel.orchestrator.migration;

import static io.partnerchannel.orchestrator.migration.MigrationVariables.CUSTOMER_TENANT_ID;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.REASON;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.SOURCE_PARTNER_NAME;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.SOURCE_PARTNER_TENANT_ID;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.SUBSCRIPTION_ID;
import static io.partnerchannel.orchestrator.migration.MigrationVariables.TRANSFER_ELIGIBLE;

import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import io.partnerchannel.orchestrator.partnercenter.TransferEligibility;
import io.partnerchannel.orchestrator.partnercenter.TransferEntity;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Check transfer eligibility": asks Partner Center whether the subscription another partner provides can be
 * transferred to us ({@code GET .../transferseligibility}, A14): not when deleted, suspended or already in
 * another transfer (R25), nor when no other partner provides it. Sets {@code transferEligible}, the source
 * partner the transfer must name, and {@code reason} when not eligible.
 */
@Component("checkTransferEligibility")
public class CheckTransferEligibilityDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(CheckTransferEligibilityDelegate.class);

  private final PartnerCenter partnerCenter;

  /** @param partnerCenter the Partner Center port */
  public CheckTransferEligibilityDelegate(PartnerCenter partnerCenter) {
    this.partnerCenter = partnerCenter;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String customerTenantId = (String) execution.getVariable(CUSTOMER_TENANT_ID);
    String subscriptionId = (String) execution.getVariable(SUBSCRIPTION_ID);
    Optional<TransferEligibility> eligibility = partnerCenter.getTransferEligibility(customerTenantId,
            TransferEntity.NEW_COMMERCE).stream()
        .filter(entry -> subscriptionId.equalsIgnoreCase(entry.id()))
        .findFirst();
    boolean eligible = eligibility.map(entry -> Boolean.TRUE.equals(entry.isEligible())).orElse(false);
    execution.setVariable(TRANSFER_ELIGIBLE, eligible);
    eligibility.ifPresent(entry -> {
      execution.setVariable(SOURCE_PARTNER_TENANT_ID, entry.sourcePartnerTenantId());
      execution.setVariable(SOURCE_PARTNER_NAME, entry.sourcePartnerName());
    });
    if (!eligible) {
      execution.setVariable(REASON, eligibility.map(TransferEligibility::reason)
          .orElse("Subscription " + subscriptionId + " is not provided to the customer by another partner, so there is"
              + " nothing to transfer (R4, R24)."));
    }
    log.info("Process {}: subscription {} of {} eligible for transfer: {}", execution.getProcessInstanceId(),
        subscriptionId, customerTenantId, eligible);
  }
}
