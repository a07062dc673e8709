package io.partnerchannel.orchestrator.invitation;

import static io.partnerchannel.orchestrator.invitation.InvitationVariables.COMPANY_NAME;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.CUSTOMER_DOMAIN;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.CUSTOMER_TENANT_ID;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.GDAP_DURATION;
import static io.partnerchannel.orchestrator.invitation.InvitationVariables.GDAP_RELATIONSHIP_ID;

import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminRelationship;
import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminRelationship.AccessDetails;
import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminRelationship.CustomerParticipant;
import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminRelationship.UnifiedRole;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Create GDAP relationship" ({@code POST /tenantRelationships/delegatedAdminRelationships}, G2) with the
 * requested roles and duration. Idempotent: the display name is derived from the invitation
 * ({@code PCO <domain> <hash of the process instance id>}, at most 50 characters and unique per partner,
 * R29), and an existing relationship with that name is reused instead of creating a second one.
 */
@Component("createGdapRelationship")
class CreateGdapRelationshipDelegate implements JavaDelegate {

  /** Longest display name Graph accepts (R29). */
  static final int MAX_DISPLAY_NAME_LENGTH = 50;
  private static final String AUTO_EXTEND_OFF = "PT0S";
  private static final Logger log = LoggerFactory.getLogger(CreateGdapRelationshipDelegate.class);

  private final PartnerCenter partnerCenter;

  /** @param partnerCenter the Partner Center port */
  public CreateGdapRelationshipDelegate(PartnerCenter partnerCenter) {
    this.partnerCenter = partnerCenter;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String displayName =
        displayName((String) execution.getVariable(CUSTOMER_DOMAIN), execution.getProcessInstanceId());
    DelegatedAdminRelationship relationship =
        partnerCenter
            .findDelegatedAdminRelationship(displayName)
            .orElseGet(() -> partnerCenter.createDelegatedAdminRelationship(newRelationship(execution, displayName)));
    execution.setVariable(GDAP_RELATIONSHIP_ID, relationship.id());
    log.debug(
        "Invitation {}: GDAP relationship '{}' is {} ({})",
        execution.getProcessInstanceId(),
        displayName,
        relationship.id(),
        relationship.status());
  }

  private static DelegatedAdminRelationship newRelationship(DelegateExecution execution, String displayName) {
    List<UnifiedRole> roles =
        InvitationVariables.gdapRoles(execution).stream().map(UnifiedRole::new).toList();
    return new DelegatedAdminRelationship(
        null,
        displayName,
        (String) execution.getVariable(GDAP_DURATION),
        new CustomerParticipant(
            (String) execution.getVariable(CUSTOMER_TENANT_ID), (String) execution.getVariable(COMPANY_NAME)),
        new AccessDetails(roles),
        AUTO_EXTEND_OFF,
        null,
        null,
        null,
        null);
  }

  /**
   * @param domain the customer domain
   * @param invitationId the process instance id
   * @return {@code PCO <domain> <8 hex>}, the domain shortened so the whole fits 50 characters
   */
  static String displayName(String domain, String invitationId) {
    String hash = HexFormat.of().formatHex(sha256(invitationId)).substring(0, 8);
    String prefix = "PCO " + domain;
    int room = MAX_DISPLAY_NAME_LENGTH - hash.length() - 1;
    return (prefix.length() > room ? prefix.substring(0, room) : prefix) + " " + hash;
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
