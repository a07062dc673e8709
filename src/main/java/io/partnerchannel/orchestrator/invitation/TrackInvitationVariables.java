package io.partnerchannel.orchestrator.invitation;

import io.holunda.camunda.bpm.data.CamundaBpmData;
import io.holunda.camunda.bpm.data.factory.VariableFactory;

/**
 * Variables of {@code bpmn/TrackInvitation.bpmn} that are its own. The rest are the invitation's
 * ({@link InvitationVariables}), of which its call activity passes in by name only what the tracking itself reads:
 * {@code customerTenantId} (the acceptance's correlation key), the follow-up form's fields, {@code requester},
 * {@code reminderInterval} and {@code expiresAt}; {@code expiresAt} and {@code reasonCode} are passed back. The
 * reminder e-mail reads the rest from the calling invitation ({@link InvitationMail#sendReminder}).
 */
public final class TrackInvitationVariables {

  /**
   * String: the invitation's id, i.e. the calling instance's process instance id, passed in by the call activity,
   * so the reminder e-mails of "Track invitation" are filed under the invitation ({@link InvitationMail}).
   */
  public static final VariableFactory<String> INVITATION_ID = CamundaBpmData.stringVariable("invitationId");

  private TrackInvitationVariables() {}
}
