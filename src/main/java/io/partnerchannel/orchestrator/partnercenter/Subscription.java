package io.partnerchannel.orchestrator.partnercenter;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * Partner Center {@code Subscription} resource (A12), reduced to the fields the processes use. Read case-insensitively:
 * suspend-a-subscription answers it in PascalCase.
 *
 * @param id subscription id
 * @param offerId offer id, e.g. {@code DZH318Z0BPS6:0001:DZH318Z0BMGV} for an Azure plan
 * @param offerName offer name
 * @param friendlyName friendly name
 * @param quantity seats (license-based) or 1
 * @param unitType unit type, e.g. {@code Licenses}, {@code Usage-based}
 * @param billingType {@code none}, {@code usage} or {@code license}
 * @param billingCycle e.g. {@code monthly}, {@code annual}
 * @param termDuration e.g. {@code P1M}, {@code P1Y}
 * @param commitmentEndDate end of the current term
 * @param status {@code none}, {@code active}, {@code suspended}, {@code deleted}, {@code expired}, {@code pending},
 *     {@code disabled}
 * @param partnerId MPN id of the reseller of record (indirect model)
 * @param attributes {@code {"objectType": "Subscription", "etag": ...}} (the etag goes into {@code If-Match})
 */
@JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Subscription(
    String id,
    String offerId,
    String offerName,
    String friendlyName,
    Integer quantity,
    String unitType,
    String billingType,
    String billingCycle,
    String termDuration,
    OffsetDateTime commitmentEndDate,
    String status,
    String partnerId,
    Map<String, String> attributes) {}
