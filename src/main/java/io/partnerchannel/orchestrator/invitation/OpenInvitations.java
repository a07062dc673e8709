package io.partnerchannel.orchestrator.invitation;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "One open invitation per customer domain" across every {@link CustomerInvitationProcess}, because the
 * customer's acceptance is correlated by domain. The rule is kept by the database: a start claims the domain
 * with a row in {@code pco_open_invitation} (primary key: the lower-case domain) in the start's own
 * transaction, so of two concurrent starts for one domain only one commits; the row is deleted when the
 * instance ends ({@link OpenInvitationsPlugin}). An invitation running without a row (a late acceptance, or
 * one started before the table existed) is found by business key, the domain every invitation carries.
 */
@Component
public class OpenInvitations {

  private static final Logger log = LoggerFactory.getLogger(OpenInvitations.class);

  private final RuntimeService runtimeService;
  private final OpenInvitationTable table;
  private final String[] processDefinitionKeys;

  /**
   * @param runtimeService the engine's runtime service
   * @param table the open-invitation rows
   * @param processes the invitation processes whose instances count as open invitations
   */
  OpenInvitations(RuntimeService runtimeService, OpenInvitationTable table, List<CustomerInvitationProcess> processes) {
    this.runtimeService = runtimeService;
    this.table = table;
    this.processDefinitionKeys =
        processes.stream().map(CustomerInvitationProcess::processDefinitionKey).distinct().toArray(String[]::new);
  }

  /**
   * @param customerDomain the customer domain, any case
   * @return the process instance id of the running invitation for that domain, if any
   */
  public Optional<String> findByDomain(String customerDomain) {
    String domain = normalise(customerDomain);
    return table.holder(domain).filter(this::isRunning).or(() -> byBusinessKey(domain));
  }

  /**
   * Claims the domain for a starting invitation, in the caller's (the start's) transaction. A row left by an
   * instance that ended without releasing it (e.g. its deployment was deleted) is replaced.
   *
   * @param customerDomain the customer domain, any case
   * @param processInstanceId the starting invitation
   * @throws InvitationAlreadyOpenException when another invitation for the domain is open, also when a
   *     concurrent start claimed it first
   */
  void claim(String customerDomain, String processInstanceId) {
    String domain = normalise(customerDomain);
    byBusinessKey(domain).filter(open -> !open.equals(processInstanceId)).ifPresent(open -> {
      throw new InvitationAlreadyOpenException(domain, open);
    });
    for (int attempt = 0; attempt < 2; attempt++) {
      if (table.insertIfAbsent(domain, processInstanceId)) {
        return;
      }
      Optional<String> holder = table.holder(domain);
      if (holder.isPresent() && isRunning(holder.get())) {
        throw new InvitationAlreadyOpenException(domain, holder.get());
      }
      holder.ifPresent(ended -> {
        log.warn("Open invitation of {} was held by ended instance {}; released", domain, ended);
        table.delete(domain, ended);
      });
    }
    throw new InvitationAlreadyOpenException(domain, table.holder(domain).orElse(null));
  }

  private Optional<String> byBusinessKey(String domain) {
    return runtimeService
        .createProcessInstanceQuery()
        .processDefinitionKeyIn(processDefinitionKeys)
        .processInstanceBusinessKey(domain)
        .listPage(0, 1)
        .stream()
        .map(ProcessInstance::getId)
        .findFirst();
  }

  private boolean isRunning(String processInstanceId) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0;
  }

  private static String normalise(String domain) {
    return domain.trim().toLowerCase(Locale.ROOT);
  }
}
