package io.partnerchannel.orchestrator.invitation;

import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.PROCESS_KEY;

import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/** Finds the running invitation of a customer domain: at most one may be open at a time. */
@Component
public class OpenInvitations {

  private final RuntimeService runtimeService;

  /** @param runtimeService the engine's runtime service */
  public OpenInvitations(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  /**
   * @param customerDomain the customer domain, any case
   * @return the process instance id of the running invitation for that domain, if any
   */
  public Optional<String> findByDomain(String customerDomain) {
    return runtimeService
        .createProcessInstanceQuery()
        .processDefinitionKey(PROCESS_KEY)
        .variableValueEquals(InvitationVariables.CUSTOMER_DOMAIN, customerDomain.trim().toLowerCase(Locale.ROOT))
        .listPage(0, 1)
        .stream()
        .map(ProcessInstance::getId)
        .findFirst();
  }
}
