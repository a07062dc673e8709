package io.partnerchannel.orchestrator.migration;

import static io.partnerchannel.orchestrator.migration.MigrationVariables.CUSTOMER_TENANT_ID;

import io.partnerchannel.orchestrator.partnercenter.AgreementMetaData;
import io.partnerchannel.orchestrator.partnercenter.Customer;
import io.partnerchannel.orchestrator.partnercenter.CustomerAgreement;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenterException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Confirm customer agreement": makes sure Partner Center holds this partner's confirmation that the customer
 * accepted the Microsoft Customer Agreement, a precondition for an Azure plan and new commerce orders (R11,
 * A10, A11). The customer accepted it with the reseller relationship (S4); when no confirmation exists yet it
 * is posted with the customer's billing contact as primary contact and the current MCA template. Idempotent:
 * an existing confirmation is kept.
 */
@Component("confirmCustomerAgreement")
class ConfirmCustomerAgreementDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(ConfirmCustomerAgreementDelegate.class);

  private final PartnerCenter partnerCenter;

  /** @param partnerCenter the Partner Center port */
  public ConfirmCustomerAgreementDelegate(PartnerCenter partnerCenter) {
    this.partnerCenter = partnerCenter;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String customerTenantId = CUSTOMER_TENANT_ID.from(execution).get();
    if (!partnerCenter.getCustomerAgreements(customerTenantId, CustomerAgreement.MICROSOFT_CUSTOMER_AGREEMENT).isEmpty()) {
      log.info("Process {}: MCA of {} already confirmed", execution.getProcessInstanceId(), customerTenantId);
      return;
    }
    Customer customer = partnerCenter.getCustomer(customerTenantId)
        .orElseThrow(() -> new PartnerCenterException(404, null, "Customer " + customerTenantId + " not found", null));
    Customer.BillingProfile billing = customer.billingProfile();
    if (billing == null || billing.email() == null) {
      throw new PartnerCenterException(0, null, "Customer " + customerTenantId + " has no billing contact to name"
          + " as the MCA's primary contact", null);
    }
    AgreementMetaData template = partnerCenter.getAgreementMetaData(CustomerAgreement.MICROSOFT_CUSTOMER_AGREEMENT)
        .stream()
        .findFirst()
        .orElseThrow(() -> new PartnerCenterException(0, null, "Partner Center lists no MCA template", null));
    String dateAgreed = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
        ClockUtil.getCurrentTime().toInstant().atOffset(ZoneOffset.UTC));
    partnerCenter.createCustomerAgreement(customerTenantId, new CustomerAgreement(
        new CustomerAgreement.Contact(billing.firstName(), billing.lastName(), billing.email(), null),
        template.templateId(), dateAgreed, CustomerAgreement.MICROSOFT_CUSTOMER_AGREEMENT, null,
        Map.of("objectType", "Agreement")));
    log.info("Process {}: MCA of {} confirmed with {} as primary contact", execution.getProcessInstanceId(),
        customerTenantId, billing.email());
  }
}
