package io.partnerchannel.orchestrator.partnercenter.sandbox;

import io.partnerchannel.orchestrator.partnercenter.Customer;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a customer does in the sandbox admin center (standing in for the Microsoft 365 admin center):
 * accepting a partner's reseller relationship invitation (S4), or an indirect provider's indirect reseller
 * invitation. Only a Global Administrator may accept (R10) and a CSP partner's CSP transaction tenant cannot
 * (R6). Accepting records the relationship and queues {@code reseller-relationship-accepted-by-customer},
 * exactly once: accepting again changes nothing. Accepting an indirect reseller invitation records the
 * relationship for the provider with the reseller as the customer's associated partner
 * ({@code associatedPartnerId}, R15; the reseller must be in an active partnership with the provider) and
 * queues {@code indirect-reseller-relationship-accepted-by-customer}. GDAP approval is {@link SandboxGdap#approve}.
 */
@Service
@SandboxConfiguration
public class SandboxAdminCenter {

  private final SandboxDirectory directory;
  private final SandboxEventQueue events;

  /**
   * @param directory the sandbox world
   * @param events the webhook delivery queue
   */
  public SandboxAdminCenter(SandboxDirectory directory, SandboxEventQueue events) {
    this.directory = directory;
    this.events = events;
  }

  /**
   * @param partnerId partner tenant id from the invitation link
   * @return the partner
   * @throws AdminCenterRefusal 404 when no partner has that id
   */
  public SandboxPartner partner(String partnerId) {
    return Optional.ofNullable(partnerId).flatMap(directory::partner)
        .orElseThrow(() -> new AdminCenterRefusal(HttpStatus.NOT_FOUND, "Unknown partner",
            "The invitation link names partner " + partnerId + ", which does not exist. Ask the partner for a new link."));
  }

  /**
   * Accepts a partner's reseller relationship invitation on behalf of the user's organization.
   *
   * @param partnerId the inviting partner
   * @param customerTenantId the accepting organization
   * @param userPrincipalName the signed-in user
   * @param delegatedAccess whether the link asked for delegated admin privileges ({@code DAP=true})
   * @return the relationship and whether this call established it
   * @throws AdminCenterRefusal 404 unknown partner, tenant or user (or a user of another tenant); 403 when
   *     the user is not a Global Administrator (R10) or the tenant is a CSP transaction tenant (R6)
   */
  @Transactional(SandboxDatabase.TRANSACTION_MANAGER)
  public Acceptance acceptResellerInvitation(
      String partnerId, String customerTenantId, String userPrincipalName, boolean delegatedAccess) {
    return acceptResellerInvitation(partnerId, null, customerTenantId, userPrincipalName, delegatedAccess);
  }

  /**
   * @param providerId the inviting indirect provider
   * @param resellerId the indirect reseller of the link ({@code indirectCSPId})
   * @return the reseller
   * @throws AdminCenterRefusal 404 when no partner has that id; 403 when it is not in an active partnership
   *     with the provider (R15)
   */
  public SandboxPartner indirectReseller(String providerId, String resellerId) {
    SandboxPartner reseller = partner(resellerId);
    boolean active = directory.partnerships(providerId, true).stream()
        .anyMatch(partnership -> partnership.partner().id().equals(reseller.id())
            && "Active".equalsIgnoreCase(partnership.state()));
    if (!active) {
      throw new AdminCenterRefusal(HttpStatus.FORBIDDEN, "Not an indirect reseller of the partner",
          reseller.name() + " is not in an active partnership with the inviting partner, so it cannot be your"
              + " reseller through it. Ask the partner for a new link.");
    }
    return reseller;
  }

  /**
   * Accepts a partner's reseller relationship invitation, or with {@code indirectResellerId} an indirect
   * provider's indirect reseller invitation, on behalf of the user's organization.
   *
   * @param partnerId the inviting partner (the indirect provider for an indirect reseller invitation)
   * @param indirectResellerId the link's {@code indirectCSPId}: the indirect reseller to associate; null for
   *     the reseller link
   * @param customerTenantId the accepting organization
   * @param userPrincipalName the signed-in user
   * @param delegatedAccess whether the link asked for delegated admin privileges ({@code DAP=true})
   * @return the relationship and whether this call established it
   * @throws AdminCenterRefusal 404 unknown partner, tenant or user (or a user of another tenant); 403 when
   *     the user is not a Global Administrator (R10), the tenant is a CSP transaction tenant (R6) or the
   *     reseller is not in an active partnership with the provider (R15)
   */
  @Transactional(SandboxDatabase.TRANSACTION_MANAGER)
  public Acceptance acceptResellerInvitation(String partnerId, String indirectResellerId, String customerTenantId,
      String userPrincipalName, boolean delegatedAccess) {
    SandboxPartner partner = partner(partnerId);
    String associatedPartnerId = indirectResellerId == null ? null : indirectReseller(partnerId, indirectResellerId).id();
    SandboxTenant tenant = directory.tenant(customerTenantId)
        .orElseThrow(() -> new AdminCenterRefusal(HttpStatus.NOT_FOUND, "Unknown organization",
            "There is no tenant " + customerTenantId + "."));
    SandboxUser user = directory.user(userPrincipalName)
        .filter(u -> u.tenantId().equals(tenant.id()))
        .orElseThrow(() -> new AdminCenterRefusal(HttpStatus.NOT_FOUND, "Unknown user",
            "There is no user " + userPrincipalName + " in " + tenant.companyName() + "."));
    if (!user.isGlobalAdministrator()) {
      throw new AdminCenterRefusal(HttpStatus.FORBIDDEN, "Not a Global Administrator",
          "Only a Global Administrator can accept a reseller relationship; " + user.userPrincipalName()
              + " is not one. Ask a Global Administrator of " + tenant.companyName() + " to open the invitation link.");
    }
    if (tenant.kind() == SandboxTenant.Kind.PARTNER || tenant.kind() == SandboxTenant.Kind.CSP_TRANSACTION_TENANT) {
      throw new AdminCenterRefusal(HttpStatus.FORBIDDEN, "CSP transaction tenant",
          tenant.companyName() + " is a CSP partner's CSP transaction tenant, which cannot buy online services"
              + " from another CSP partner. Use a separate, non-CSP tenant of your company instead.");
    }

    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    Optional<CustomerRelationship> existing = directory.relationship(tenant.id(), partner.id());
    if (existing.isPresent() && Customer.RESELLER.equals(existing.get().relationshipToPartner())) {
      CustomerRelationship current = existing.get();
      if (delegatedAccess && !current.allowDelegatedAccess()) {
        current = new CustomerRelationship(current.customerTenantId(), current.partnerId(), current.relationshipToPartner(),
            true, current.associatedPartnerId(), current.establishedAt());
        directory.updateRelationship(current);
      }
      return new Acceptance(partner, tenant, current, false);
    }
    CustomerRelationship relationship = new CustomerRelationship(tenant.id(), partner.id(), Customer.RESELLER,
        delegatedAccess,
        associatedPartnerId != null ? associatedPartnerId : existing.map(CustomerRelationship::associatedPartnerId).orElse(null),
        now);
    if (existing.isPresent()) {
      directory.updateRelationship(relationship);
    } else {
      directory.insertRelationship(relationship);
    }
    events.enqueue(associatedPartnerId == null
            ? SandboxEvent.RESELLER_RELATIONSHIP_ACCEPTED : SandboxEvent.INDIRECT_RESELLER_RELATIONSHIP_ACCEPTED,
        SandboxEvent.customerUri(tenant.id()), SandboxEvent.CUSTOMER);
    return new Acceptance(partner, tenant, relationship, true);
  }

  /**
   * The outcome of an acceptance.
   *
   * @param partner the partner
   * @param tenant the customer's organization
   * @param relationship the reseller relationship now in place
   * @param established whether this acceptance established it (false: it already existed)
   */
  public record Acceptance(
      SandboxPartner partner, SandboxTenant tenant, CustomerRelationship relationship, boolean established) {}
}
