package io.partnerchannel.orchestrator.invitation;

/**
 * A process whose running instances are open invitations of one customer, published as a bean by the
 * capability that owns the process. Such instances hold the customer's domain in {@code customerDomain},
 * wait for {@link InvitationMessages#INVITATION_ACCEPTED} in the "Track invitation" instance they call
 * ({@link TrackInvitationProcess}) and can be withdrawn with
 * {@link InvitationMessages#INVITATION_WITHDRAWN}; at most one of them may be open per domain across all
 * such processes, because the customer's acceptance is correlated by domain.
 *
 * @param processDefinitionKey the process id, e.g. {@code ResellerRelationshipInvitation}
 * @param apiPath the REST resource of one instance, e.g. {@code /api/invitations/{id}}, linked from e-mails
 */
public record CustomerInvitationProcess(String processDefinitionKey, String apiPath) {}
