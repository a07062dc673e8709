package io.partnerchannel.orchestrator.partnercenter;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * Partner Center {@code Customer} resource (A7). Read case-insensitively: remove-a-reseller-relationship-with-a-customer
 * answers it in PascalCase.
 *
 * @param id the customer's tenant id (GUID)
 * @param commerceId commerce id
 * @param companyProfile tenant id, domain and company name
 * @param billingProfile contact, culture and language
 * @param relationshipToPartner {@code none}, {@code reseller}, {@code advisor}, {@code syndication} or
 *     {@code microsoft_support}
 * @param allowDelegatedAccess whether the partner holds delegated admin privileges (get-by-id only)
 * @param associatedPartnerId the indirect reseller associated with the customer (indirect model, R15)
 * @param attributes {@code {"objectType": "Customer"}}
 */
@JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Customer(
    String id,
    String commerceId,
    CompanyProfile companyProfile,
    BillingProfile billingProfile,
    String relationshipToPartner,
    Boolean allowDelegatedAccess,
    String associatedPartnerId,
    Map<String, String> attributes) {

  /** {@code relationshipToPartner} of a customer in a reseller relationship with the partner. */
  public static final String RESELLER = "reseller";
  /** {@code relationshipToPartner} of a customer the partner has no relationship with (any more). */
  public static final String NONE = "none";

  /**
   * @param tenantId tenant id
   * @param domain primary domain, e.g. {@code contoso.onmicrosoft.com}
   * @param companyName company name
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record CompanyProfile(String tenantId, String domain, String companyName) {}

  /**
   * @param id billing profile id
   * @param firstName contact first name
   * @param lastName contact last name
   * @param email contact e-mail
   * @param culture culture, e.g. {@code it-IT}
   * @param language two-letter language, e.g. {@code it}
   * @param companyName company name
   * @param defaultAddress billing address
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record BillingProfile(
      String id,
      String firstName,
      String lastName,
      String email,
      String culture,
      String language,
      String companyName,
      Address defaultAddress) {}

  /**
   * @param country ISO 3166 alpha-2 country
   * @param city city
   * @param addressLine1 first address line
   * @param postalCode postal code
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Address(String country, String city, String addressLine1, String postalCode) {}

  /** @return whether the customer is in a reseller relationship with the calling partner */
  public boolean isReseller() {
    return RESELLER.equalsIgnoreCase(relationshipToPartner);
  }
}
