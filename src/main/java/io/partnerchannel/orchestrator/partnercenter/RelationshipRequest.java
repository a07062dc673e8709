package io.partnerchannel.orchestrator.partnercenter;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * Partner Center {@code RelationshipRequest} (A1, A2): the partner's reseller relationship invitation link,
 * e.g. {@code https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId={guid}&msppId=0&DAP=false#/BillingAccounts/partner-invitation}.
 *
 * @param url the invitation link
 * @param attributes {@code {"objectType": "RelationshipRequest"}}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RelationshipRequest(String url, Map<String, String> attributes) {}
