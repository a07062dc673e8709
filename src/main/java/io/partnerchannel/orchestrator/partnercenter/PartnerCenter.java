package io.partnerchannel.orchestrator.partnercenter;

import java.util.List;
import java.util.Optional;

/**
 * The port through which every delegate talks to Microsoft Partner Center and the Microsoft Graph GDAP
 * API. Operations and data follow the REST resources (reference §1–§2); the adapter in
 * {@code partnercenter.rest} is a real HTTP client of that API, served by the built-in sandbox
 * ({@code /sandbox}) by default and by Partner Center itself when configured.
 *
 * <p>Every operation is safe to repeat: reads are natural, writes are made idempotent by the caller
 * looking up what already exists (for example a GDAP relationship by its unique display name) before
 * creating. Failures of the service raise {@link PartnerCenterException}; a missing resource on a
 * look-up is an empty {@link Optional}, not an exception.
 */
public interface PartnerCenter {

  /**
   * The operating partner's reseller relationship request link ({@code GET /v1/customers/relationshiprequests}, A1).
   * The link is per partner, not per customer (S3).
   *
   * @return the request, with its {@code url}
   */
  RelationshipRequest getRelationshipRequest();

  /**
   * The operating partner's legal business profile ({@code GET /v1/profiles/legalbusiness}); its
   * address country places the partner in a CSP region (R9).
   *
   * @return the profile
   */
  LegalBusinessProfile getLegalBusinessProfile();

  /**
   * One of the operating partner's customers ({@code GET /v1/customers/{id}}).
   *
   * @param customerTenantId the customer's tenant id (GUID)
   * @return the customer, or empty when it is not a customer of the operating partner (HTTP 404)
   */
  Optional<Customer> getCustomer(String customerTenantId);

  /**
   * The operating partner's customer whose primary domain is {@code domain}
   * ({@code GET /v1/customers?filter={"Field":"Domain","Value":domain,"Operator":"starts_with"}}, exact match kept).
   *
   * @param domain the customer's domain, e.g. {@code contoso.onmicrosoft.com}
   * @return the customer, or empty when the domain is not a customer of the operating partner
   */
  Optional<Customer> findCustomerByDomain(String domain);

  /**
   * Subscriptions the operating partner provides to a customer ({@code GET /v1/customers/{id}/subscriptions}).
   *
   * @param customerTenantId the customer's tenant id
   * @return the subscriptions, empty when there are none
   */
  List<Subscription> getSubscriptions(String customerTenantId);

  /**
   * Partner-to-partner relationships of the operating partner
   * ({@code GET /v1/relationships?relationship_type=...}, A2/A3).
   *
   * @param type which side of the indirect model to list
   * @return the relationships
   */
  List<PartnerRelationship> getPartnerRelationships(PartnerRelationshipType type);

  /**
   * Whether one of the operating indirect provider's indirect resellers signed the Microsoft Partner
   * Agreement for the provider's CSP region ({@code GET /v1/compliance/csp/agreementstatus?tenantId={id}},
   * A9, R16).
   *
   * @param resellerTenantId the indirect reseller's CSP tenant id
   * @return {@code {isAgreementSigned}}
   * @throws PartnerCenterException HTTP 400 with error code {@code 2200} (not migrated), {@code 2201}
   *     (region mismatch), {@code 2203} (MPA not signed for the region), {@code 2204} (not an indirect
   *     reseller) or {@code 2205} (no account) — see {@link AgreementSignatureStatus}; others on failure
   */
  AgreementSignatureStatus getIndirectResellerAgreementStatus(String resellerTenantId);

  /**
   * What kind of tenant owns a domain: an ordinary customer, a CSP partner's CSP transaction tenant
   * (R6) or a CSP partner's corporate tenant (R6b). Partner Center publishes no such look-up, so the
   * real adapter answers {@link TenantKind#UNKNOWN} and Microsoft refuses ineligible tenants at
   * acceptance; the sandbox answers from its directory.
   *
   * @param domain the tenant's domain
   * @return the kind, {@link TenantKind#NOT_FOUND} when no tenant has that domain
   */
  TenantKind classifyTenant(String domain);

  /**
   * The partner's GDAP relationship with this display name, unique per partner (G1)
   * ({@code GET /tenantRelationships/delegatedAdminRelationships?$filter=displayName eq '...'}).
   *
   * @param displayName the relationship's display name (≤ 50 characters)
   * @return the relationship, or empty when none has that name
   */
  Optional<DelegatedAdminRelationship> findDelegatedAdminRelationship(String displayName);

  /**
   * A GDAP relationship by id ({@code GET /tenantRelationships/delegatedAdminRelationships/{id}}).
   *
   * @param relationshipId the relationship id
   * @return the relationship, or empty when unknown (HTTP 404)
   */
  Optional<DelegatedAdminRelationship> getDelegatedAdminRelationship(String relationshipId);

  /**
   * Creates a GDAP relationship in status {@code created} ({@code POST /tenantRelationships/delegatedAdminRelationships}, G2).
   *
   * @param relationship displayName, duration ({@code P1D}..{@code P2Y}, R29), customer and roles
   * @return the created relationship with its id
   */
  DelegatedAdminRelationship createDelegatedAdminRelationship(DelegatedAdminRelationship relationship);

  /**
   * Posts an action on a GDAP relationship ({@code POST .../delegatedAdminRelationships/{id}/requests}, G3),
   * e.g. {@code lockForApproval} which moves it to {@code approvalPending}.
   *
   * @param relationshipId the relationship id
   * @param action the action
   * @return the created request
   */
  DelegatedAdminRelationshipRequest requestDelegatedAdminRelationshipAction(
      String relationshipId, DelegatedAdminRelationshipRequest.Action action);

  /**
   * Access assignments of a GDAP relationship ({@code GET .../delegatedAdminRelationships/{id}/accessAssignments}, G4).
   *
   * @param relationshipId the relationship id
   * @return the assignments
   */
  List<DelegatedAdminAccessAssignment> getAccessAssignments(String relationshipId);

  /**
   * Grants a partner security group roles in the customer tenant ({@code POST .../accessAssignments}, G4, R32).
   *
   * @param relationshipId the approved relationship's id
   * @param assignment the security group and roles
   * @return the created assignment, status {@code pending} or {@code active}
   */
  DelegatedAdminAccessAssignment createAccessAssignment(
      String relationshipId, DelegatedAdminAccessAssignment assignment);
}
