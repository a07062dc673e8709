package io.partnerchannel.orchestrator.partnercenter;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * The partner's MPN profile ({@code GET /v1/profiles/mpn}): its MPN (PLA) id, the value subscriptions
 * carry as {@code partnerId} when this partner is the partner of record.
 *
 * @param partnerName the partner's name
 * @param mpnId the MPN id
 * @param profileType {@code MpnProfile}
 * @param attributes {@code {"objectType": "MpnProfile"}}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MpnProfile(String partnerName, String mpnId, String profileType, Map<String, String> attributes) {}
