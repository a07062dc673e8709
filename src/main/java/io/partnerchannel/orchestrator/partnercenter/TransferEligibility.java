package io.partnerchannel.orchestrator.partnercenter;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Whether one of the customer's subscriptions can be transferred to the calling partner ({@code GET
 * /v1/customers/{id}/transferseligibility?transferType=...}, A14): deleted or suspended subscriptions and
 * subscriptions already in another transfer are not eligible (R25).
 *
 * <p>{@code sourcePartnerTenantId} and {@code sourcePartnerName} name the partner that provides the
 * subscription today. Partner Center's legacy answer is the source partner's own view and does not carry
 * them; in the target partner's view the sandbox adds them (the customer tells the new partner in
 * reality), because the transfer request must name the source partner.
 *
 * @param id the subscription id
 * @param isEligible whether it can be transferred
 * @param reason why not, null when eligible
 * @param sourcePartnerTenantId the partner providing it today
 * @param sourcePartnerName that partner's name
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TransferEligibility(
    String id, Boolean isEligible, String reason, String sourcePartnerTenantId, String sourcePartnerName) {}
