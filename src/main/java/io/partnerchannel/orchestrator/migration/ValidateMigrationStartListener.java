package io.partnerchannel.orchestrator.migration;

import io.holunda.camunda.bpm.data.factory.VariableFactory;
import io.partnerchannel.orchestrator.web.ValidationGate;
import jakarta.validation.groups.Default;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/**
 * Start listener of the three migration processes, whether the onboarding calls them or someone starts
 * them directly: the start variables pass the gate of {@link MigrationStartRequest} ({@link ValidationGate}):
 * {@code customerTenantId} must be a tenant id, the subscription to migrate must be named
 * ({@code oldSubscriptionId} for {@code AzureCancelAndRecreateMigration}, {@code subscriptionId} for the
 * others) and {@code LicenseSubscriptionTransition} needs {@code ruleSet} {@code 2020} or {@code NEW_COMMERCE} and takes
 * {@code boughtFrom} {@code CSP_PARTNER} (default) or {@code THIRD_PARTY_NON_CSP}.
 * It throws before anything is written, so a bad start creates no instance; it sets {@code requester} to
 * null when absent (the user tasks are assigned to it) and the business key to the subscription id.
 */
@Component("validateMigrationStart")
class ValidateMigrationStartListener implements ExecutionListener {

  private final ValidationGate gate;

  /** @param gate the validation gate of starts */
  public ValidateMigrationStartListener(ValidationGate gate) {
    this.gate = gate;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String processKey = ((ProcessDefinition) execution.getProcessEngineServices().getRepositoryService()
        .getProcessDefinition(execution.getProcessDefinitionId())).getKey();
    boolean cancelAndRecreate = AzureCancelAndRecreateMigrationProcess.PROCESS_KEY.equals(processKey);
    boolean licenseTransition = LicenseSubscriptionTransitionProcess.PROCESS_KEY.equals(processKey);
    VariableFactory<String> subscriptionVariable =
        cancelAndRecreate ? MigrationVariables.OLD_SUBSCRIPTION_ID : MigrationVariables.SUBSCRIPTION_ID;
    MigrationStartRequest request = new MigrationStartRequest(
        MigrationVariables.trimmed(MigrationVariables.CUSTOMER_TENANT_ID, execution),
        MigrationVariables.trimmed(subscriptionVariable, execution),
        MigrationVariables.trimmed(MigrationVariables.RULE_SET, execution),
        MigrationVariables.trimmed(MigrationVariables.BOUGHT_FROM, execution));
    gate.check("Invalid start of " + processKey, request,
        field -> field.equals("subscriptionId") ? subscriptionVariable.getName() : field,
        licenseTransition
            ? new Class<?>[] {Default.class, MigrationStartRequest.LicenseTransition.class}
            : new Class<?>[] {Default.class});
    if (licenseTransition && request.boughtFrom() == null) {
      MigrationVariables.BOUGHT_FROM.on(execution).set(MigrationStartRequest.CSP_PARTNER);
    }
    MigrationVariables.CUSTOMER_TENANT_ID.on(execution).set(request.customerTenantId().toLowerCase(Locale.ROOT));
    subscriptionVariable.on(execution).set(request.subscriptionId());
    if (!execution.hasVariable(MigrationVariables.REQUESTER.getName())) {
      MigrationVariables.REQUESTER.on(execution).set(null);
    }
    if (execution.getProcessBusinessKey() == null) {
      execution.setProcessBusinessKey(request.subscriptionId());
    }
  }
}
