package io.partnerchannel.orchestrator.invitation;

import jakarta.validation.constraints.Size;

/**
 * Optional body of {@code POST /api/invitations/{id}/withdraw}.
 *
 * @param reason why the invitation is withdrawn, recorded as the invitation's reason
 */
public record WithdrawalRequest(@Size(max = 500) String reason) {}
