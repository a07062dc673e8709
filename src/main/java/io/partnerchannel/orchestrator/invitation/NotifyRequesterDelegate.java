package io.partnerchannel.orchestrator.invitation;

import static io.partnerchannel.orchestrator.invitation.InvitationVariables.ADMIN_ACCESS;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.COMPANY_NAME;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.CUSTOMER_DOMAIN;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.CUSTOMER_TENANT_ID;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.GDAP_ACCESS_ASSIGNMENT_ID;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.GDAP_RELATIONSHIP_ID;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.PARTNER_NAME;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.REASON;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.REQUESTER;

import io.partnerchannel.orchestrator.notification.MailModel;
import io.partnerchannel.orchestrator.notification.MailOutbox;
import io.partnerchannel.orchestrator.notification.MailTemplate;
import io.partnerchannel.orchestrator.web.PublicBaseUrl;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Notify requester": tells the requesting agent that the reseller relationship is established (and how
 * GDAP ended, or which indirect reseller is the customer's associated partner), by e-mail to the address of
 * the requester's Camunda user, linking the invitation's REST resource of its {@link CustomerInvitationProcess}.
 * When the invitation was started without a user, or the user has no e-mail address, nothing is sent and
 * that is logged. Shared by both invitation processes.
 */
@Component("notifyRequester")
public class NotifyRequesterDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(NotifyRequesterDelegate.class);

  private final IdentityService identityService;
  private final MailOutbox mailOutbox;
  private final PublicBaseUrl publicBaseUrl;
  private final RepositoryService repositoryService;
  private final Map<String, String> apiPaths;

  /**
   * @param identityService the engine's identity service (users and their e-mail)
   * @param mailOutbox the e-mail outbox
   * @param publicBaseUrl {@code pco.public-base-url}, the base of the invitation's details link
   * @param repositoryService finds the key of the running process definition
   * @param processes the invitation processes and their REST resources
   */
  public NotifyRequesterDelegate(
      IdentityService identityService,
      MailOutbox mailOutbox,
      PublicBaseUrl publicBaseUrl,
      RepositoryService repositoryService,
      List<CustomerInvitationProcess> processes) {
    this.identityService = identityService;
    this.mailOutbox = mailOutbox;
    this.publicBaseUrl = publicBaseUrl;
    this.repositoryService = repositoryService;
    this.apiPaths = processes.stream().collect(Collectors.toMap(
        CustomerInvitationProcess::processDefinitionKey, CustomerInvitationProcess::apiPath, (first, second) -> first));
  }

  @Override
  public void execute(DelegateExecution execution) {
    String requester = (String) execution.getVariable(REQUESTER);
    User user = requester == null ? null : identityService.createUserQuery().userId(requester).singleResult();
    if (user == null || user.getEmail() == null || user.getEmail().isBlank()) {
      log.debug(
          "Invitation {}: requester '{}' has no e-mail address, no notification sent",
          execution.getProcessInstanceId(), requester);
      return;
    }
    Map<String, Object> model = new HashMap<>();
    for (String name :
        new String[] {
          COMPANY_NAME, CUSTOMER_DOMAIN, CUSTOMER_TENANT_ID, PARTNER_NAME, ADMIN_ACCESS, GDAP_RELATIONSHIP_ID,
          GDAP_ACCESS_ASSIGNMENT_ID, REASON, MailModel.RESELLER_NAME
        }) {
      model.put(name, execution.getVariable(name));
    }
    model.put(REQUESTER, requester);
    model.put(MailModel.REQUESTER_NAME, InvitationMail.displayName(user));
    model.put(MailModel.STATUS, InvitationStatus.ESTABLISHED.name());
    model.put(MailModel.PROCESS_INSTANCE_ID, execution.getProcessInstanceId());
    String processKey = repositoryService.getProcessDefinition(execution.getProcessDefinitionId()).getKey();
    model.put(MailModel.DETAILS_URL, publicBaseUrl.link(
        apiPaths.getOrDefault(processKey, "/api/invitations/{id}"), execution.getProcessInstanceId()));
    String entry =
        mailOutbox.enqueue(
            InvitationMail.idempotencyKey(execution),
            MailTemplate.REQUESTER_NOTIFICATION,
            user.getEmail(),
            Locale.ENGLISH,
            model);
    log.debug("Invitation {}: requester {} notified ({})", execution.getProcessInstanceId(), requester, entry);
  }
}
