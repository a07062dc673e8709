package io.partnerchannel.orchestrator.indirect;

import io.partnerchannel.orchestrator.invitation.InvitationConstraints;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * Body of {@code POST /api/indirect-invitations/{id}/delegated-admin}.
 *
 * @param resellerTenantId the indirect reseller the customer granted delegated admin privileges to
 */
record DelegatedAdminRequest(
    @NotBlank @Pattern(regexp = InvitationConstraints.GUID_PATTERN, message = "must be a tenant id (GUID)")
        String resellerTenantId) {}
