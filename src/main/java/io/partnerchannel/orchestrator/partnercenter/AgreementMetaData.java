package io.partnerchannel.orchestrator.partnercenter;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * Metadata of an agreement template ({@code GET /v1/agreements?agreementType=...}, A10): the
 * {@code templateId} a customer agreement confirmation names.
 *
 * @param templateId the template id
 * @param agreementType e.g. {@code MicrosoftCustomerAgreement}
 * @param agreementLink link to the agreement text
 * @param versionRank the rank of this version, 0 = current
 * @param attributes {@code {"objectType": "AgreementMetaData"}}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgreementMetaData(
    String templateId, String agreementType, String agreementLink, Integer versionRank, Map<String, String> attributes) {}
