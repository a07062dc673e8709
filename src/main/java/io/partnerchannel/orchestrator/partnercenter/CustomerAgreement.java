package io.partnerchannel.orchestrator.partnercenter;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * A customer's acceptance of the Microsoft Customer Agreement as the partner confirms it ({@code POST
 * /v1/customers/{id}/agreements}, A10). Confirming the MCA is a precondition for buying an Azure plan and
 * other new commerce products (R11, A11).
 *
 * @param primaryContact the customer's person who accepted
 * @param templateId the agreement template id, from {@code GET /v1/agreements?agreementType=MicrosoftCustomerAgreement}
 * @param dateAgreed when the customer accepted, ISO date-time
 * @param type {@code MicrosoftCustomerAgreement}
 * @param agreementLink link to the agreement text
 * @param attributes {@code {"objectType": "Agreement"}}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomerAgreement(
    Contact primaryContact,
    String templateId,
    String dateAgreed,
    String type,
    String agreementLink,
    Map<String, String> attributes) {

  /** Agreement type of the Microsoft Customer Agreement. */
  public static final String MICROSOFT_CUSTOMER_AGREEMENT = "MicrosoftCustomerAgreement";

  /**
   * @param firstName first name
   * @param lastName last name
   * @param email e-mail
   * @param phoneNumber phone number, optional
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Contact(String firstName, String lastName, String email, String phoneNumber) {}
}
