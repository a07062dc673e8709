package io.partnerchannel.orchestrator.partnercenter.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.partnerchannel.orchestrator.partnercenter.TenantKind;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /sandbox/tenants[?domain=...]}: every organization of the sandbox world (not only one
 * partner's customers) with its users, its partners and all its subscriptions, so a person or a script can
 * pick a tenant to invite and a user to sign in with. Not part of Partner Center; needs no token.
 */
@RestController
@SandboxConfiguration
class SandboxTenantsController {

  private final SandboxDirectory directory;
  private final ObjectMapper objectMapper;

  /**
   * @param directory the sandbox world
   * @param objectMapper JSON mapper
   */
  public SandboxTenantsController(SandboxDirectory directory, ObjectMapper objectMapper) {
    this.directory = directory;
    this.objectMapper = objectMapper;
  }

  /**
   * @param domain only the tenant with this primary domain (ignoring case); empty list when none
   * @return the organizations ordered by company name
   */
  @GetMapping("/sandbox/tenants")
  public List<Organization> tenants(@RequestParam(required = false) String domain) {
    List<SandboxTenant> tenants = domain == null
        ? directory.tenants()
        : directory.tenantByDomain(domain).map(List::of).orElse(List.of());
    return tenants.stream().map(this::organization).toList();
  }

  private Organization organization(SandboxTenant tenant) {
    List<User> users = directory.usersOf(tenant.id()).stream()
        .map(user -> new User(user.userPrincipalName(), user.displayName(), user.roles()))
        .toList();
    List<Partner> partners = directory.relationshipsOfCustomer(tenant.id()).stream()
        .map(relationship -> new Partner(
            relationship.partnerId(),
            directory.partner(relationship.partnerId()).map(SandboxPartner::name).orElse(null),
            relationship.relationshipToPartner(),
            relationship.allowDelegatedAccess(),
            relationship.associatedPartnerId()))
        .toList();
    List<ObjectNode> subscriptions = directory.subscriptionsOf(tenant.id()).stream()
        .map(subscription -> {
          ObjectNode node = objectMapper.createObjectNode();
          node.put("channel", subscription.channel());
          node.put("sellerPartnerId", subscription.sellerPartnerId());
          node.setAll(read(subscription.document()));
          return node;
        })
        .toList();
    return new Organization(
        tenant.id(),
        tenant.kind(),
        tenant.kind().tenantKind(),
        tenant.ownerPartnerId() != null ? tenant.ownerPartnerId()
            : tenant.kind() == SandboxTenant.Kind.PARTNER ? tenant.id() : null,
        tenant.domain(),
        tenant.companyName(),
        tenant.country(),
        tenant.language(),
        tenant.boughtFrom(),
        users,
        partners,
        subscriptions);
  }

  private ObjectNode read(String json) {
    try {
      return (ObjectNode) objectMapper.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable sandbox document", e);
    }
  }

  /**
   * An organization of the sandbox world.
   *
   * @param id tenant id
   * @param kind {@code PARTNER}, {@code CUSTOMER}, {@code CSP_TRANSACTION_TENANT} or {@code CSP_CORPORATE_TENANT}
   * @param tenantKind the kind of tenant in the R6 sense, as the sandbox world models it
   * @param partnerId for a partner, its own id; for a partner's transaction or corporate tenant, that partner
   * @param domain primary domain
   * @param companyName company name
   * @param country ISO 3166 alpha-2 country
   * @param language two-letter language
   * @param boughtFrom where its existing subscriptions were bought, e.g. {@code EA}
   * @param users its users and their roles
   * @param partners its relationships with CSP partners
   * @param subscriptions all its subscriptions ({@code Subscription} resources plus {@code channel} and
   *     {@code sellerPartnerId})
   */
  public record Organization(
      String id,
      SandboxTenant.Kind kind,
      TenantKind tenantKind,
      String partnerId,
      String domain,
      String companyName,
      String country,
      String language,
      String boughtFrom,
      List<User> users,
      List<Partner> partners,
      List<ObjectNode> subscriptions) {}

  /**
   * @param userPrincipalName UPN to sign in with
   * @param displayName display name
   * @param roles Entra roles, e.g. {@code Global Administrator}
   */
  public record User(String userPrincipalName, String displayName, List<String> roles) {}

  /**
   * @param partnerId the partner's tenant id
   * @param name the partner's name
   * @param relationshipToPartner e.g. {@code reseller}
   * @param allowDelegatedAccess whether DAP was granted
   * @param associatedPartnerId the associated indirect reseller, or null
   */
  public record Partner(
      String partnerId,
      String name,
      String relationshipToPartner,
      boolean allowDelegatedAccess,
      String associatedPartnerId) {}
}
