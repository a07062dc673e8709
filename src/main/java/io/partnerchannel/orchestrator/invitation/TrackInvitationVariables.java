package io.partnerchannel.orchestrator.invitation;

import io.holunda.camunda.bpm.data.CamundaBpmData;
import io.holunda.camunda.bpm.data.factory.VariableFactory;

/**
 * Variables of {@code bpmn/TrackInvitation.bpmn} that are its own. The rest are the invitation's
 * ({@link InvitationVariables}), which its call activity passes in by name: {@code customerTenantId} (the
 * acceptance's correlation key), the e-mail and follow-up form fields, {@code requester}, {@code reminderInterval},
 * {@code expiresAt} and {@code reasonCode}; {@code expiresAt} and {@code reasonCode} are passed back.
 */
public final class TrackInvitationVariables {

  /**
   * String: the invitation's id, i.e. the calling instance's process instance id, passed in by the call activity,
   * so the reminder e-mails of "Track invitation" are filed under the invitation ({@link InvitationMail}).
   */
  public static final VariableFactory<String> INVITATION_ID = CamundaBpmData.stringVariable("invitationId");

  private TrackInvitationVariables() {}
}
