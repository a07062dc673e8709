package io.partnerchannel.orchestrator.events;

import io.partnerchannel.orchestrator.invitation.InvitationMessages;
import io.partnerchannel.orchestrator.invitation.InvitationVariables;
import io.partnerchannel.orchestrator.partnercenter.Customer;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenterException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code reseller-relationship-accepted-by-customer} and {@code indirect-reseller-relationship-accepted-by-customer}
 * (A16; ResourceUri {@code /v1/customers/{customerTenantId}}): the customer's Global admin accepted the
 * partner's reseller relationship link, or an indirect provider's indirect reseller link. The link is per
 * partner, not per customer (S3), so the event names only the tenant: the customer is looked up in Partner
 * Center ({@code GET /v1/customers/{id}}) for its domain, and {@link InvitationMessages#INVITATION_ACCEPTED}
 * is correlated to the open invitation with that {@code customerDomain}, whichever invitation process it
 * runs in, setting {@code customerTenantId}. One instance per event name is registered
 * ({@link EventCorrelatorConfiguration}).
 */
public class ResellerRelationshipAcceptedCorrelator implements EventCorrelator {

  /** The Partner Center event of an accepted reseller relationship link. */
  public static final String EVENT_NAME = "reseller-relationship-accepted-by-customer";
  /** The Partner Center event of an accepted indirect reseller link (the provider owns the relationship). */
  public static final String INDIRECT_EVENT_NAME = "indirect-reseller-relationship-accepted-by-customer";

  private static final Pattern CUSTOMER_URI = Pattern.compile("/customers/([^/?#]+)/?$", Pattern.CASE_INSENSITIVE);

  private final String eventName;
  private final PartnerCenter partnerCenter;
  private final ProcessMessageCorrelation correlation;

  /**
   * Handles {@value #EVENT_NAME}.
   *
   * @param partnerCenter looks up the customer's domain
   * @param correlation targets the invitation processes
   */
  public ResellerRelationshipAcceptedCorrelator(PartnerCenter partnerCenter, ProcessMessageCorrelation correlation) {
    this(EVENT_NAME, partnerCenter, correlation);
  }

  /**
   * @param eventName {@value #EVENT_NAME} or {@value #INDIRECT_EVENT_NAME}
   * @param partnerCenter looks up the customer's domain
   * @param correlation targets the invitation processes
   */
  public ResellerRelationshipAcceptedCorrelator(
      String eventName, PartnerCenter partnerCenter, ProcessMessageCorrelation correlation) {
    this.eventName = eventName;
    this.partnerCenter = partnerCenter;
    this.correlation = correlation;
  }

  @Override
  public String eventName() {
    return eventName;
  }

  /** @throws PartnerCenterException when Partner Center fails other than with 404 (the event is retried) */
  @Override
  public CorrelationResult correlate(InboxEvent event) {
    Matcher matcher = CUSTOMER_URI.matcher(ResourceUris.path(event.resourceUri()));
    if (!matcher.find()) {
      return CorrelationResult.ignored("ResourceUri " + event.resourceUri() + " names no customer");
    }
    String customerTenantId = matcher.group(1);
    Optional<Customer> customer = customer(customerTenantId);
    if (customer.isEmpty()) {
      return CorrelationResult.ignored("event for unknown customer: " + customerTenantId + " is not a customer in Partner Center");
    }
    Customer.CompanyProfile profile = customer.get().companyProfile();
    if (profile == null || profile.domain() == null || profile.domain().isBlank()) {
      return CorrelationResult.ignored("customer " + customerTenantId + " has no domain in Partner Center");
    }
    String domain = profile.domain().trim().toLowerCase(Locale.ROOT);
    CorrelationResult result = correlation.correlate(InvitationMessages.INVITATION_ACCEPTED,
        InvitationVariables.CUSTOMER_DOMAIN, domain, Map.of(InvitationVariables.CUSTOMER_TENANT_ID, customerTenantId));
    return result.status() == EventStatus.IGNORED
        ? CorrelationResult.ignored("event for unknown customer " + customerTenantId + ": " + result.detail())
        : result;
  }

  private Optional<Customer> customer(String customerTenantId) {
    try {
      return partnerCenter.getCustomer(customerTenantId);
    } catch (PartnerCenterException e) {
      if (e.getHttpStatus() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }
}
