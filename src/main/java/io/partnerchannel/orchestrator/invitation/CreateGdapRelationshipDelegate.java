package io.partnerchannel.orchestrator.invitation;

import static io.partnerchannel.orchestrator.invitation.InvitationVariables.COMPANY_NAME;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.CUSTOMER_DOMAIN;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.CUSTOMER_TENANT_ID;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.GDAP_DURATION;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.GDAP_RELATIONSHIP_ID;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.GDAP_ROLES;

import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminRelationship;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Create GDAP relationship" ({@code POST /tenantRelationships/delegatedAdminRelationships}, G2) with the
 * requested roles and duration ({@link GdapRelationshipRequest}). Idempotent: an existing relationship with the
 * request's display name is reused instead of creating a second one.
 */
@Component("createGdapRelationship")
class CreateGdapRelationshipDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(CreateGdapRelationshipDelegate.class);

  private final PartnerCenter partnerCenter;

  /** @param partnerCenter the Partner Center port */
  public CreateGdapRelationshipDelegate(PartnerCenter partnerCenter) {
    this.partnerCenter = partnerCenter;
  }

  @Override
  public void execute(DelegateExecution execution) {
    GdapRelationshipRequest request = new GdapRelationshipRequest(
        execution.getProcessInstanceId(),
        CUSTOMER_DOMAIN.from(execution).get(),
        CUSTOMER_TENANT_ID.from(execution).getOrNull(),
        COMPANY_NAME.from(execution).getOrNull(),
        GDAP_ROLES.from(execution),
        GDAP_DURATION.from(execution).getOrNull());
    DelegatedAdminRelationship relationship = partnerCenter.findDelegatedAdminRelationship(request.displayName())
        .orElseGet(() -> partnerCenter.createDelegatedAdminRelationship(request.toRelationship()));
    GDAP_RELATIONSHIP_ID.on(execution).set(relationship.id());
    log.debug("Invitation {}: GDAP relationship '{}' is {} ({})", execution.getProcessInstanceId(),
        request.displayName(), relationship.id(), relationship.status());
  }
}
