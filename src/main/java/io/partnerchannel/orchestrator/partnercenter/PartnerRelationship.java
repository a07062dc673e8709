package io.partnerchannel.orchestrator.partnercenter;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * Partner Center {@code PartnerRelationship} (A2): a partner on the other side of an indirect-model relationship.
 *
 * @param id the other partner's tenant id
 * @param name the other partner's name
 * @param relationshipType e.g. {@code is_indirect_cloud_solution_provider_of}
 * @param state e.g. {@code Active}
 * @param mpnId the other partner's MPN (PLA) id
 * @param location the other partner's location
 * @param attributes {@code {"objectType": "PartnerRelationship"}}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PartnerRelationship(
    String id,
    String name,
    String relationshipType,
    String state,
    String mpnId,
    String location,
    Map<String, String> attributes) {}
