package io.partnerchannel.orchestrator.migration;

import io.partnerchannel.orchestrator.invitation.InvitationConstraints;
import io.holunda.camunda.bpm.data.factory.VariableFactory;
import io.partnerchannel.orchestrator.routing.InvalidProcessInputException;
import io.partnerchannel.orchestrator.routing.OnboardingRequest;
import io.partnerchannel.orchestrator.web.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/**
 * Start listener of the three migration processes, whether the onboarding calls them or someone starts
 * them directly: {@code customerTenantId} must be a tenant id, the subscription to migrate must be named
 * ({@code oldSubscriptionId} for {@code AzureCancelAndRecreateMigration}, {@code subscriptionId} for the
 * others) and {@code LicenseSubscriptionTransition} needs {@code ruleSet} {@code 2020} or {@code NEW_COMMERCE} and takes
 * {@code boughtFrom} {@code CSP_PARTNER} (default) or {@code THIRD_PARTY_NON_CSP}.
 * It throws before anything is written, so a bad start creates no instance; it sets {@code requester} to
 * null when absent (the user tasks are assigned to it) and the business key to the subscription id.
 */
@Component("validateMigrationStart")
public class ValidateMigrationStartListener implements ExecutionListener {

  private static final String CSP_PARTNER = "CSP_PARTNER";
  /** Where a license subscription the transition takes over was bought (default another CSP partner). */
  private static final List<String> LICENSE_SOURCES = List.of(CSP_PARTNER, "THIRD_PARTY_NON_CSP");

  @Override
  public void notify(DelegateExecution execution) {
    String processKey = ((ProcessDefinition) execution.getProcessEngineServices().getRepositoryService()
        .getProcessDefinition(execution.getProcessDefinitionId())).getKey();
    boolean cancelAndRecreate = AzureCancelAndRecreateMigrationProcess.PROCESS_KEY.equals(processKey);
    VariableFactory<String> subscriptionVariable =
        cancelAndRecreate ? MigrationVariables.OLD_SUBSCRIPTION_ID : MigrationVariables.SUBSCRIPTION_ID;
    List<FieldError> errors = new ArrayList<>();
    String customer = MigrationVariables.trimmed(MigrationVariables.CUSTOMER_TENANT_ID, execution);
    if (customer == null || !customer.matches(InvitationConstraints.GUID_PATTERN)) {
      errors.add(new FieldError(MigrationVariables.CUSTOMER_TENANT_ID.getName(), "must be a tenant id (GUID)"));
    }
    String subscription = MigrationVariables.trimmed(subscriptionVariable, execution);
    if (subscription == null || subscription.length() > 64) {
      errors.add(new FieldError(subscriptionVariable.getName(), "must name the subscription (at most 64 characters)"));
    }
    if (LicenseSubscriptionTransitionProcess.PROCESS_KEY.equals(processKey)) {
      String ruleSet = MigrationVariables.trimmed(MigrationVariables.RULE_SET, execution);
      if (ruleSet == null || !ruleSet.matches(OnboardingRequest.RULE_SETS)) {
        errors.add(new FieldError(MigrationVariables.RULE_SET.getName(), "must be one of 2020, NEW_COMMERCE"));
      }
      String boughtFrom = MigrationVariables.trimmed(MigrationVariables.BOUGHT_FROM, execution);
      if (boughtFrom == null) {
        MigrationVariables.BOUGHT_FROM.on(execution).set(CSP_PARTNER);
      } else if (!LICENSE_SOURCES.contains(boughtFrom)) {
        errors.add(new FieldError(MigrationVariables.BOUGHT_FROM.getName(), "must be one of " + LICENSE_SOURCES));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidProcessInputException("Invalid start of " + processKey, errors);
    }
    MigrationVariables.CUSTOMER_TENANT_ID.on(execution).set(customer.toLowerCase(Locale.ROOT));
    subscriptionVariable.on(execution).set(subscription);
    if (!execution.hasVariable(MigrationVariables.REQUESTER.getName())) {
      MigrationVariables.REQUESTER.on(execution).set(null);
    }
    if (execution.getProcessBusinessKey() == null) {
      execution.setProcessBusinessKey(subscription);
    }
  }
}
