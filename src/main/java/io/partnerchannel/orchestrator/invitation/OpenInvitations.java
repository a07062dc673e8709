package io.partnerchannel.orchestrator.invitation;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Finds the running invitation of a customer domain among every {@link CustomerInvitationProcess}: at most
 * one may be open at a time, whichever process it runs in. Found by business key, which every invitation carries
 * (the domain: set at start by the REST services and the start listeners, and kept by a late acceptance), so the
 * look-up uses the engine's business-key index and costs the same with any number of running invitations.
 */
@Component
public class OpenInvitations {

  private final RuntimeService runtimeService;
  private final String[] processDefinitionKeys;

  /**
   * @param runtimeService the engine's runtime service
   * @param processes the invitation processes whose instances count as open invitations
   */
  public OpenInvitations(RuntimeService runtimeService, List<CustomerInvitationProcess> processes) {
    this.runtimeService = runtimeService;
    this.processDefinitionKeys =
        processes.stream().map(CustomerInvitationProcess::processDefinitionKey).distinct().toArray(String[]::new);
  }

  /**
   * @param customerDomain the customer domain, any case
   * @return the process instance id of the running invitation for that domain, if any
   */
  public Optional<String> findByDomain(String customerDomain) {
    return runtimeService
        .createProcessInstanceQuery()
        .processDefinitionKeyIn(processDefinitionKeys)
        .processInstanceBusinessKey(customerDomain.trim().toLowerCase(Locale.ROOT))
        .listPage(0, 1)
        .stream()
        .map(ProcessInstance::getId)
        .findFirst();
  }
}
